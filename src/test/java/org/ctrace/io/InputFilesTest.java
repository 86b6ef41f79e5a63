package org.ctrace.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ctrace.domain.Case;
import org.ctrace.domain.Classification;
import org.ctrace.domain.ContactEvent;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.QuarantineRecord;
import org.ctrace.domain.QuarantineStatus;
import org.ctrace.domain.WallClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input readers (SPEC §2): header matching, per-cell checks and the problems they
 * report, each naming file, line, column and value (STYLE rule 6).
 */
class InputFilesTest {

    private static final TimeParser PARSER = new TimeParser(ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;

    private InputFile file(String name, String... lines) throws IOException {
        return file(name, UTF_8, lines);
    }

    private InputFile file(String name, Charset cs, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, (String.join("\n", lines) + "\n").getBytes(cs));
        return InputFile.of(p, cs);
    }

    private static List<String> messages(List<InputProblem> problems) {
        List<String> out = new ArrayList<>();
        problems.forEach(p -> out.add(p.toString()));
        return out;
    }

    private static long t(String isoLocal) {
        return WallClock.of(LocalDateTime.parse(isoLocal));
    }

    // ---- CsvTable: headers ----

    @Test
    void headerIsMatchedWithoutCaseSpacesOrOrderAndUnknownColumnsAreIgnored() throws IOException {
        InputFile f = file("persons.csv", " Village , NOTES ,Name,  PERSON_ID  ,Phone", "V1,hello,Ann,P1,123");
        ProblemLog log = new ProblemLog();
        try (CsvTable table = CsvTable.open(f, PersonsFile.COLUMNS, log)) {
            Row row = table.next();
            assertEquals("P1", row.text("person_id"));
            assertEquals("Ann", row.text("name"));
            assertEquals("123", row.text("phone"));
            assertEquals("V1", row.text("village"));
            assertEquals("", row.text("city"), "a column the header lacks reads as empty (unknown)");
            assertTrue(row.accept());
            assertNull(table.next());
        }
        assertEquals(0, log.errorCount());
    }

    @Test
    void anUnknownColumnIsWarnedOfWhenTheHeaderLacksOneOfTheFilesColumns() throws IOException {
        // a misspelt household_id turned the household rule off without a word (a second reader's audit)
        InputFile f = file("persons.csv", "person_id,name,phone,city,district,town,village,househld_id,notes",
                "P1,Ann,1,C,D,T,V,H1,x");
        ProblemLog log = new ProblemLog();
        CsvTable.open(f, PersonsFile.COLUMNS, log).close();
        CsvTable.open(f, PersonsFile.COLUMNS, log).close(); // each pass reads the header again: told once
        assertEquals(List.of(f.label() + ":1: warning: column 'househld_id': not a column of this file: ignored; "
                + "did you mean household_id?", f.label() + ":1: warning: column 'notes': not a column of this file: "
                + "ignored; the header lacks household_id"), messages(log.warnings()));
        assertEquals(Map.of("ignored column", 2L), log.warningKinds());

        InputFile blank = file("contacts.csv", "person_a,person_b,start,end,,setting,distance_m,protected",
                "A,B,2024-03-01 10:00,,30,meal,,");
        ProblemLog blankLog = new ProblemLog();
        CsvTable.open(blank, ContactsFile.COLUMNS, blankLog).close();
        assertEquals(List.of(blank.label() + ":1: warning: column '#5': a column without a name is ignored; the header "
                + "lacks duration_min"), messages(blankLog.warnings()));

        // every column there, and some of the user's own: nothing to say
        InputFile whole = file("cases.csv", "person_id,classification,onset_date,sample_date,isolation_date,infector,"
                + "age,", "C1,confirmed,2024-03-01,,,,40,");
        ProblemLog wholeLog = new ProblemLog();
        CsvTable.open(whole, CasesFile.COLUMNS, wholeLog).close();
        assertEquals(0, wholeLog.warningCount());
    }

    @Test
    void theNearestMissingColumnIsOneOrTwoEditsAway() {
        List<String> missing = List.of("onset_date", "isolation_date", "duration_min", "end");
        assertEquals("onset_date", CsvTable.nearest("onest_date", missing), "two letters swapped");
        assertEquals("isolation_date", CsvTable.nearest("Isolation Date", missing), "spaces and case");
        assertEquals("duration_min", CsvTable.nearest("duration-mins", missing));
        assertEquals("end", CsvTable.nearest("ends", missing), "a short name: one edit");
        assertNull(CsvTable.nearest("ended", missing), "two edits from a short name");
        assertNull(CsvTable.nearest("notes", missing));
    }

    @Test
    void duplicateColumnFailsWithBothPositions() throws IOException {
        InputFile f = file("contacts.csv", "person_a,person_b,start, Person_A ", "A,B,2024-03-01,C");
        ProblemLog log = new ProblemLog();
        InputException e = assertThrows(InputException.class, () -> CsvTable.open(f, ContactsFile.COLUMNS, log));
        assertEquals(f.label() + ":1: column 'Person_A': expected each column once; it is named in columns 1 and 4", e.getMessage());
        assertEquals(Map.of("duplicate column", 1L), log.errorKinds());
    }

    @Test
    void missingRequiredColumnListsTheExpectedColumns() throws IOException {
        InputFile f = file("contacts.csv", "person_a,start,setting", "A,2024-03-01,meal");
        ProblemLog log = new ProblemLog();
        InputException e = assertThrows(InputException.class, () -> CsvTable.open(f, ContactsFile.COLUMNS, log));
        assertEquals(f.label() + ":1: column 'person_b': expected in the header, which has person_a, start, setting "
                + "(columns: person_a (required), person_b (required), start (required), end, duration_min, setting, "
                + "distance_m, protected)", e.getMessage());
        assertEquals(Map.of("missing column", 1L), log.errorKinds());
    }

    @Test
    void emptyFileNamesTheHeaderItNeeds() throws IOException {
        Path p = dir.resolve("persons.csv");
        Files.write(p, new byte[0]);
        InputFile f = InputFile.of(p, UTF_8);
        InputException e = assertThrows(InputException.class,
                () -> CsvTable.open(f, PersonsFile.COLUMNS, new ProblemLog()));
        assertEquals(f.label() + ": expected a header row with person_id (required), name, phone, "
                + "city, district, town, village, household_id; the file is empty", e.getMessage());
    }

    @Test
    void fileThatDoesNotExist() {
        InputFile f = InputFile.of(dir.resolve("nope.csv"), UTF_8);
        InputException e = assertThrows(InputException.class,
                () -> CsvTable.open(f, PersonsFile.COLUMNS, new ProblemLog()));
        assertEquals(f.label() + ": no such file", e.getMessage());
    }

    @Test
    void rowWithWrongCellCountIsRejectedAndReadingGoesOn() throws IOException {
        InputFile f = file("persons.csv", "person_id,name", "P1,Ann", "P2,Bob,extra", "P3", "P4,Dan");
        List<RejectedRow> rejected = new ArrayList<>();
        ProblemLog log = new ProblemLog(rejected::add);
        List<String> ids = new ArrayList<>();
        try (CsvTable table = CsvTable.open(f, PersonsFile.COLUMNS, log)) {
            for (Row r = table.next(); r != null; r = table.next()) {
                ids.add(r.line() + ":" + r.text("person_id"));
            }
        }
        assertEquals(List.of("2:P1", "5:P4"), ids);
        assertEquals(List.of(f.label() + ":3: expected 2 cells as in the header, found 3", f.label() + ":4: expected 2 cells as in the header, found 1"),
                messages(log.errors()));
        assertEquals(Map.of("wrong cell count", 2L), log.errorKinds());
        assertEquals(List.of(new RejectedRow(f.label(), 3, "expected 2 cells as in the header, found 3", List.of("P2", "Bob", "extra")),
                new RejectedRow(f.label(), 4, "expected 2 cells as in the header, found 1", List.of("P3"))), rejected);
    }

    @Test
    void csvSyntaxErrorNamesFileAndLine() throws IOException {
        InputFile f = file("persons.csv", "person_id,name", "P1,\"Ann", "P2,Bob");
        ProblemLog log = new ProblemLog();
        InputException e = assertThrows(InputException.class, () -> {
            try (CsvTable table = CsvTable.open(f, PersonsFile.COLUMNS, log)) {
                while (table.next() != null) {
                    // read to the end
                }
            }
        });
        assertEquals(f.label() + ":2: expected a closing '\"' for the quoted cell that starts on this line", e.getMessage());
        assertEquals(1, e.problems().size());
        assertEquals("CSV syntax", e.problems().get(0).kind());
    }

    @Test
    void bytesNotInTheCharsetAreAnEncodingProblemWithLineAndColumn() throws IOException {
        InputFile gb = file("persons.csv", Charset.forName("GB18030"), "person_id,name,city", "P1,Ann,X", "P2,王娜,华溪市");
        InputFile asUtf8 = InputFile.of(gb.path(), UTF_8);
        ProblemLog log = new ProblemLog();
        PersonRegistry persons = PersonsFile.read(asUtf8, log);
        assertTrue(persons.contains("P1"));
        assertFalse(persons.contains("P2"), "a row with undecodable bytes is rejected");
        assertEquals(Map.of("encoding", 2L), log.errorKinds());
        InputProblem name = log.errors().get(0);
        assertEquals(3, name.line());
        assertEquals("name", name.column());
        assertEquals("expected text in UTF-8 (the file seems to be in another encoding: see --encoding)", name.expected());
        assertEquals("city", log.errors().get(1).column());

        ProblemLog ok = new ProblemLog();
        PersonRegistry right = PersonsFile.read(gb, ok);
        assertEquals("王娜", right.get("P2").name());
        assertEquals("华溪市", right.get("P2").area().city());
        assertEquals(0, ok.errorCount());
    }

    @Test
    void byteOrderMarkBeforeTheHeaderIsAccepted() throws IOException {
        Path p = dir.resolve("persons.csv");
        Files.write(p, ("\uFEFFperson_id,name\r\nP1,Ann\r\n").getBytes(UTF_8));
        ProblemLog log = new ProblemLog();
        PersonRegistry persons = PersonsFile.read(InputFile.of(p, UTF_8), log);
        assertEquals("Ann", persons.get("P1").name());
        assertEquals(0, log.errorCount());
    }

    // ---- persons.csv ----

    @Test
    void personsWithAreasAndHouseholds() throws IOException {
        InputFile f = file("persons.csv", "person_id,name,phone,city,district,town,village,household_id",
                "P1, Ann Li ,+86 138 0000 0000,Huaxi,Beihu,Huayu Town,Weijie Village,H1",
                "P2,,,,,,,");
        ProblemLog log = new ProblemLog();
        PersonRegistry persons = PersonsFile.read(f, log);
        assertEquals("Ann Li", persons.get("P1").name());
        assertEquals("+86 138 0000 0000", persons.get("P1").phone());
        assertEquals("Weijie Village", persons.get("P1").area().village());
        assertEquals("H1", persons.get("P1").householdId());
        assertEquals("", persons.get("P2").name());
        assertEquals(0, log.errorCount());
    }

    @Test
    void personsDuplicateIdAndMissingId() throws IOException {
        InputFile f = file("persons.csv", "person_id,name", "P1,Ann", ",Nobody", "P1,Again");
        ProblemLog log = new ProblemLog();
        PersonsFile.read(f, log);
        assertEquals(List.of(f.label() + ":3: column 'person_id': value '': expected a value (the column is required)",
                f.label() + ":4: column 'person_id': value 'P1': expected a unique id; it is on an earlier row too"),
                messages(log.errors()));
    }

    // ---- cases.csv ----

    @Test
    void casesWordsInAnyCaseAndDefaultClassification() throws IOException {
        InputFile f = file("cases.csv", "person_id,classification,onset_date,sample_date,isolation_date,infector",
                "C1,,2024-03-10,,2024-03-12 08:30,",
                "C2,ASYMPTOMATIC,,2024/3/11,,C1",
                "C3,Suspected,20240312,2024-03-13,2024-03-14,",
                "C4,probable,,2024-03-09,,");
        ProblemLog log = new ProblemLog();
        List<Case> cases = CasesFile.read(f, PARSER, log, PersonRegistry.none());
        assertEquals(0, log.errorCount(), () -> messages(log.errors()).toString());
        assertEquals(4, cases.size());
        assertEquals(Classification.CONFIRMED, cases.get(0).classification());
        assertEquals(LocalDate.of(2024, 3, 10), cases.get(0).onset());
        assertEquals(t("2024-03-12T08:30"), cases.get(0).isolation().instant());
        assertTrue(cases.get(0).isolation().hasTime());
        assertEquals(Classification.ASYMPTOMATIC, cases.get(1).classification());
        assertNull(cases.get(1).onset());
        assertEquals(LocalDate.of(2024, 3, 11), cases.get(1).sample());
        assertNull(cases.get(1).isolation());
        assertEquals("C1", cases.get(1).infector());
        assertEquals(Classification.SUSPECTED, cases.get(2).classification());
        assertFalse(cases.get(2).isolation().hasTime());
        assertEquals(Classification.PROBABLE, cases.get(3).classification());
    }

    @Test
    void casesBadRowsAreEachReported() throws IOException {
        InputFile f = file("cases.csv", "person_id,classification,onset_date,sample_date,isolation_date",
                "C1,confirmed,2024-03-10,,",
                "C1,confirmed,2024-03-11,,",
                "C2,sure,2024-03-10,,",
                "C3,,,,",
                "C4,,2024-02-30,,",
                "C6,,2024-03-10,,2024-03-12 25:00",
                ",,2024-03-10,,");
        ProblemLog log = new ProblemLog();
        List<Case> cases = CasesFile.read(f, PARSER, log, PersonRegistry.none());
        assertEquals(1, cases.size());
        String l = f.label();
        assertEquals(List.of(
                l + ":3: column 'person_id': value 'C1': expected a unique id; this case is on an earlier row too",
                l + ":4: column 'classification': value 'sure': expected one of confirmed, asymptomatic, suspected, probable",
                l + ":5: column 'onset_date': value '': expected an onset_date or a sample_date (a case needs an anchor date)",
                l + ":6: column 'onset_date': value '2024-02-30': expected " + TimeParser.DATE_FORMS,
                l + ":7: column 'isolation_date': value '2024-03-12 25:00': expected " + TimeParser.DATE_TIME_FORMS,
                l + ":8: column 'person_id': value '': expected a value (the column is required)"),
                messages(log.errors()));
        assertEquals(Map.of("bad date", 2L, "bad word", 1L, "duplicate id", 1L, "missing value", 2L),
                log.errorKinds());
    }

    @Test
    void casesWithoutAnyAnchorColumnFail() throws IOException {
        InputFile f = file("cases.csv", "person_id,classification", "C1,confirmed");
        InputException e = assertThrows(InputException.class,
                () -> CasesFile.read(f, PARSER, new ProblemLog(), PersonRegistry.none()));
        assertEquals(f.label() + ":1: column 'onset_date': expected in the header: a case needs an onset_date or a sample_date column", e.getMessage());
    }

    @Test
    void caseNotInPersonsIsOnlyAWarning() throws IOException {
        InputFile persons = file("persons.csv", "person_id", "P1");
        InputFile f = file("cases.csv", "person_id,onset_date", "P1,2024-03-10", "X9,2024-03-11");
        ProblemLog log = new ProblemLog();
        List<Case> cases = CasesFile.read(f, PARSER, log, PersonsFile.read(persons, log));
        assertEquals(2, cases.size());
        assertEquals(0, log.errorCount());
        assertEquals(List.of(f.label() + ":3: warning: column 'person_id': value 'X9': not in persons.csv"),
                messages(log.warnings()));
        assertEquals(Map.of("unknown person", 1L), log.warningKinds());
    }

    // ---- quarantine.csv ----

    @Test
    void quarantineRows() throws IOException {
        InputFile f = file("quarantine.csv", "person_id,status,start_date,end_date,site_id",
                "P1,Centralized,2024-03-10,2024-03-17,S1",
                "P2,HOME,2024-03-11 13:48,,",
                "P3,hospital,2024/3/12,20240320,",
                "P4,released,2024-03-01,2024-03-08,",
                "P5,home,2024-03-01,2024-03-08 00:00,",           // a spreadsheet's date-time: its date
                "P6,home,2024-03-01,2024-03-08T20:00Z,");        // 04:00 of 03-09 in Shanghai
        ProblemLog log = new ProblemLog();
        List<QuarantineRecord> rows = QuarantineFile.read(f, PARSER, log, PersonRegistry.none());
        assertEquals(0, log.errorCount(), () -> messages(log.errors()).toString());
        assertEquals(List.of(QuarantineStatus.CENTRALIZED, QuarantineStatus.HOME, QuarantineStatus.HOSPITAL,
                QuarantineStatus.RELEASED, QuarantineStatus.HOME, QuarantineStatus.HOME),
                rows.stream().map(QuarantineRecord::status).toList());
        assertEquals(LocalDate.of(2024, 3, 8), rows.get(4).plannedEnd());
        assertEquals(LocalDate.of(2024, 3, 9), rows.get(5).plannedEnd());
        assertEquals(LocalDate.of(2024, 3, 17), rows.get(0).plannedEnd());
        assertEquals("S1", rows.get(0).siteId());
        assertEquals(t("2024-03-11T13:48"), rows.get(1).start().instant());
        assertNull(rows.get(1).plannedEnd());
        assertEquals(LocalDate.of(2024, 3, 20), rows.get(2).plannedEnd());
    }

    @Test
    void quarantineBadRows() throws IOException {
        InputFile f = file("quarantine.csv", "person_id,status,start_date,end_date",
                "P1,home,2024-03-10,",
                "P1,centralized,2024-03-11,",
                "P2,away,2024-03-10,",
                "P3,,2024-03-10,",
                "P4,home,,",
                "P5,home,2024-03-10,2024-02-30");
        ProblemLog log = new ProblemLog();
        List<QuarantineRecord> rows = QuarantineFile.read(f, PARSER, log, PersonRegistry.none());
        assertEquals(1, rows.size());
        String l = f.label();
        assertEquals(List.of(
                l + ":3: column 'person_id': value 'P1': expected at most one row per person; this person is on an earlier row too",
                l + ":4: column 'status': value 'away': expected one of centralized, home, hospital, released",
                l + ":5: column 'status': value '': expected one of centralized, home, hospital, released",
                l + ":6: column 'start_date': value '': expected the date quarantine began (the column is required)",
                l + ":7: column 'end_date': value '2024-02-30': expected " + TimeParser.DATE_TIME_FORMS),
                messages(log.errors()));
    }

    // ---- contacts.csv ----

    private List<ContactEvent> events(InputFile f, ProblemLog log, OnError onError) {
        List<ContactEvent> out = new ArrayList<>();
        new ContactsFile(f, PARSER, log, PersonRegistry.none(), onError).forEach(out::add);
        return out;
    }

    @Test
    void contactEventShapes() throws IOException {
        InputFile f = file("contacts.csv", "person_a,person_b,start,end,duration_min,setting,distance_m,protected",
                "A,B,2024-03-09 10:00,2024-03-09 11:30,,Meal,1.5,no",
                "A,C,2024-03-09 10:00,,45,WORK,,YES",
                "A,D,2024-03-09,,30,,,1",
                "A,E,2024-03-09 22:00,2024-03-10,,household,,false",
                "A,F,2024-03-09 10:00,,,venue,0,0",
                "A,G,2024-03-09 10:00,,120,,,True",
                "A,H,2024-03-09T02:00:00Z,,,,,");
        ProblemLog log = new ProblemLog();
        List<ContactEvent> ev = events(f, log, OnError.FAIL);
        assertEquals(0, log.errorCount(), () -> messages(log.errors()).toString());
        assertEquals(7, ev.size());

        ContactEvent ab = ev.get(0);
        assertEquals("A", ab.personA());
        assertEquals("B", ab.personB());
        assertEquals(t("2024-03-09T10:00"), ab.start());
        assertEquals(t("2024-03-09T11:30"), ab.end());
        assertFalse(ab.dateOnly());
        assertEquals("meal", ab.setting(), "setting words are matched without regard to case");
        assertEquals(1.5, ab.distanceM());
        assertFalse(ab.isProtected());
        ContactEvent ac = ev.get(1);
        assertEquals(t("2024-03-09T10:45"), ac.end());
        assertEquals("work", ac.setting());
        assertTrue(ac.isProtected());
        ContactEvent ad = ev.get(2);
        assertTrue(ad.dateOnly());
        assertEquals(t("2024-03-09T00:00"), ad.start());
        assertEquals(t("2024-03-10T00:00"), ad.end());
        assertEquals(30.0, ad.minutes());
        assertTrue(ad.isProtected());
        ContactEvent ae = ev.get(3);
        assertEquals(t("2024-03-11T00:00"), ae.end(), "an end without a time is 24:00 of that date");
        assertFalse(ae.isProtected());
        ContactEvent af = ev.get(4);
        assertTrue(af.isPoint());
        assertTrue(Double.isNaN(af.minutes()));
        assertEquals(0.0, af.distanceM());
        assertTrue(ev.get(5).isProtected());
        assertEquals(t("2024-03-09T10:00"), ev.get(6).start(), "02:00Z is 10:00 in Asia/Shanghai");
    }

    @Test
    void contactBadRowsAreEachReported() throws IOException {
        InputFile f = file("contacts.csv", "person_a,person_b,start,end,duration_min,setting,distance_m,protected",
                "A,B,2024-03-09 10:00,,30,meal,,",
                "A,,2024-03-09,,,,,",
                ",B,2024-03-09,,,,,",
                "A,A,2024-03-09,,,,,",
                "A,B,2024-03-09 10:00,2024-03-09 09:59,,,,",
                "A,B,2024-03-09 10:00,,-5,,,",
                "A,B,2024-03-09 10:00,,ten,,,",
                "A,B,2024-03-09 10:00,,,,\"1,5\",",
                "A,B,2024-03-09 10:00,,,,,maybe",
                "A,B,,,,,,",
                "A,B,2024-3-9,,,,,",
                "A,B,2024-03-09,2024-03-07,,,,");
        ProblemLog log = new ProblemLog();
        List<ContactEvent> ev = events(f, log, OnError.SKIP);
        assertEquals(1, ev.size());
        String l = f.label();
        assertEquals(List.of(
                l + ":3: column 'person_b': value '': expected a value (the column is required)",
                l + ":4: column 'person_a': value '': expected a value (the column is required)",
                l + ":5: column 'person_b': value 'A': expected a person other than person_a (a person cannot meet themself)",
                l + ":6: column 'end': value '2024-03-09 09:59': expected a time at or after start 2024-03-09 10:00",
                l + ":7: column 'duration_min': value '-5': expected a number of at least 0",
                l + ":8: column 'duration_min': value 'ten': expected a number such as 15 or 1.5",
                l + ":9: column 'distance_m': value '1,5': expected a number such as 15 or 1.5",
                l + ":10: column 'protected': value 'maybe': expected true/false, yes/no or 1/0",
                l + ":11: column 'start': value '': expected the date or date-time the encounter began (the column is required)",
                l + ":12: column 'start': value '2024-3-9': expected " + TimeParser.DATE_TIME_FORMS,
                l + ":13: column 'end': value '2024-03-07': expected a time at or after start 2024-03-09"),
                messages(log.errors()));
        assertEquals(11, log.rejectedRows());
    }

    @Test
    void contactsAreReadAgainForEveryPassWithProblemsReportedOnce() throws IOException {
        InputFile f = file("contacts.csv", "person_a,person_b,start", "A,B,2024-03-09", "A,A,2024-03-09");
        ProblemLog log = new ProblemLog();
        ContactsFile contacts = new ContactsFile(f, PARSER, log, PersonRegistry.none(), OnError.SKIP);
        List<ContactEvent> first = new ArrayList<>();
        contacts.forEach(first::add);
        List<ContactEvent> second = new ArrayList<>();
        contacts.forEach(second::add);
        assertEquals(first, second);
        assertEquals(1, log.errorCount());
        assertEquals(1, log.rejectedRows());
    }

    @Test
    void contactsUnderFailRefuseASecondPassAfterErrors() throws IOException {
        InputFile f = file("contacts.csv", "person_a,person_b,start", "A,B,2024-03-09", "A,A,2024-03-09");
        ProblemLog log = new ProblemLog();
        ContactsFile contacts = new ContactsFile(f, PARSER, log, PersonRegistry.none(), OnError.FAIL);
        contacts.forEach(e -> { });
        assertThrows(InputException.class, () -> contacts.forEach(e -> { }));
    }

    @Test
    void progressIsToldThePassStoppedWhenABadRowStopsItPartWay() throws IOException {
        List<String> lines = new ArrayList<>(List.of("person_a,person_b,start"));
        for (int i = 0; i < 2000; i++) {
            lines.add("A,B,2024-03-09");
        }
        lines.add("A,\"B,2024-03-09");
        InputFile f = file("contacts.csv", lines.toArray(new String[0]));
        List<String> told = new ArrayList<>();
        ContactsFile contacts = new ContactsFile(f, PARSER, new ProblemLog(), PersonRegistry.none(), OnError.FAIL);
        contacts.progress(new ReadProgress() {
            @Override
            public void read(String file, int pass, long done, long total) {
                told.add(done >= total ? "done" : "part");
            }

            @Override
            public void stopped() {
                told.add("stopped");
            }
        });
        assertThrows(InputException.class, () -> contacts.scan(Set.of("A"), Long.MAX_VALUE, () -> e -> { }, 1024));
        assertEquals("stopped", told.get(told.size() - 1), told::toString);
        assertFalse(told.contains("done"), told::toString);
    }

    @Test
    void contactNotInPersonsIsOnlyAWarning() throws IOException {
        InputFile persons = file("persons.csv", "person_id", "A", "B");
        InputFile f = file("contacts.csv", "person_a,person_b,start", "A,B,2024-03-09", "A,Z,2024-03-09");
        ProblemLog log = new ProblemLog();
        List<ContactEvent> out = new ArrayList<>();
        new ContactsFile(f, PARSER, log, PersonsFile.read(persons, log), OnError.FAIL).forEach(out::add);
        assertEquals(2, out.size());
        assertEquals(0, log.errorCount());
        assertEquals(List.of(f.label() + ":3: warning: column 'person_b': value 'Z': not in persons.csv"),
                messages(log.warnings()));
    }

    @Test
    void standardInputIsLabelledAndCanBeReadTwiceThroughInputSet() throws IOException {
        byte[] text = "person_a,person_b,start\nA,B,2024-03-09\nA,A,2024-03-09\n".getBytes(UTF_8);
        InputFile cases = file("cases.csv", "person_id,onset_date", "A,2024-03-10");
        InputSet.Sources sources = new InputSet.Sources(cases,
                InputFile.stdin(new ByteArrayInputStream(text), UTF_8), null, null);
        ProblemLog log = new ProblemLog();
        try (InputSet in = InputSet.read(sources, PARSER, LocalDate.of(2024, 3, 15), log, OnError.SKIP)) {
            List<ContactEvent> first = new ArrayList<>();
            in.contacts().forEach(first::add);
            List<ContactEvent> second = new ArrayList<>();
            in.contacts().forEach(second::add);
            assertEquals(1, first.size());
            assertEquals(first, second);
        }
        assertEquals(List.of("<stdin>:3: column 'person_b': value 'A': expected a person other than person_a "
                + "(a person cannot meet themself)"), messages(log.errors()));
    }

    // ---- InputProblem and ProblemLog ----

    @Test
    void problemFormats() {
        assertEquals("f.csv:7: column 'start': value 'x': a date",
                new InputProblem("f.csv", 7, "start", "x", "a date", "bad date", InputProblem.Severity.ERROR).toString());
        assertEquals("f.csv:7: warning: column 'person_a': value 'Q': not in persons.csv",
                new InputProblem("f.csv", 7, "person_a", "Q", "not in persons.csv", "unknown person",
                        InputProblem.Severity.WARNING).toString());
        assertEquals("f.csv:3: expected 3 cells as in the header, found 2",
                new InputProblem("f.csv", 3, null, null, "expected 3 cells as in the header, found 2", "wrong cell count",
                        InputProblem.Severity.ERROR).toString());
        assertEquals("f.csv: no such file",
                new InputProblem("f.csv", 0, null, null, "no such file", "unreadable file",
                        InputProblem.Severity.ERROR).toString());
    }

    @Test
    void problemLogCountsEveryProblemByKindButKeepsTheFirstThousand() {
        ProblemLog log = new ProblemLog();
        for (int i = 1; i <= 1500; i++) {
            log.add(new InputProblem("f", i, "c", "v", "e", i % 3 == 0 ? "b" : "a", InputProblem.Severity.ERROR));
        }
        log.add(new InputProblem("f", 1, "c", "v", "e", "w", InputProblem.Severity.WARNING));
        assertEquals(1500, log.errorCount());
        assertEquals(1, log.warningCount());
        assertEquals(ProblemLog.KEPT, log.errors().size());
        assertEquals(1, log.errors().get(0).line());
        assertEquals(Map.of("a", 1000L, "b", 500L), log.errorKinds());
        assertEquals(Map.of("w", 1L), log.warningKinds());
        assertTrue(log.hasErrors());
    }
}
