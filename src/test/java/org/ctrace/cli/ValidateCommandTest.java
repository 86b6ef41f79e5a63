package org.ctrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ctrace.io.ProblemLog;
import org.ctrace.io.TimeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ctrace validate} (SPEC §4): "checks the inputs and reports every problem found, with
 * file, line and column"; exit 1 with errors, 0 with warnings only (SPEC §2: an unknown person
 * id is a warning when persons.csv is given).
 */
class ValidateCommandTest {

    @TempDir
    Path dir;

    private static Ctrace.Result validate(String... args) {
        return Ctrace.run(Ctrace.concat(new String[] {"validate", "--as-of", Ctrace.AS_OF, "--zone", "UTC"}, args));
    }

    @Test
    void everyProblemInEveryFileWithCountsByKind() {
        Path persons = Ctrace.write(dir, "persons.csv", "person_id,name", "C1,A", "P1,B", "P1,again");
        Path cases = Ctrace.write(dir, "cases.csv", "person_id,onset_date,classification",
                "C1,2024-03-10,",
                "C2,2024-3-5,sure",
                "C3,,");
        Path quarantine = Ctrace.write(dir, "quarantine.csv", "person_id,status,start_date",
                "P1,away,2024-03-10",
                "P8,home,2024-03-10");
        Path contacts = Ctrace.write(dir, "contacts.csv", "person_a,person_b,start,end,duration_min,protected",
                "C1,P1,2024-03-09,,,maybe",
                "C1,C1,2024-03-09,,,",
                "C1,P7,2024-03-09,,,",
                "C1,P1,2024-03-09 10:00,2024-03-09 09:00,,",
                "C1,P1,2024-03-09 10:00,,-5,",
                "C1,P1,2024-03-09 10:00,,5,,extra");
        Ctrace.Result r = validate("--persons", persons.toString(), "--cases", cases.toString(),
                "--quarantine", quarantine.toString(), "--contacts", contacts.toString());

        assertEquals(1, r.exit(), r::toString);
        List<String> lines = r.outLines();
        List<String> expected = List.of(
                persons + ":4: column 'person_id': value 'P1': expected a unique id; it is on an earlier row too",
                cases + ":3: column 'onset_date': value '2024-3-5': expected " + TimeParser.DATE_FORMS,
                cases + ":3: column 'classification': value 'sure': expected one of confirmed, asymptomatic, suspected, probable",
                cases + ":4: column 'onset_date': value '': expected an onset_date or a sample_date (a case needs an anchor date)",
                quarantine + ":2: column 'status': value 'away': expected one of centralized, home, hospital, released",
                contacts + ":2: column 'protected': value 'maybe': expected true/false, yes/no or 1/0",
                contacts + ":3: column 'person_b': value 'C1': expected a person other than person_a (a person cannot meet themself)",
                contacts + ":5: column 'end': value '2024-03-09 09:00': expected a time at or after start 2024-03-09 10:00",
                contacts + ":6: column 'duration_min': value '-5': expected a number of at least 0",
                contacts + ":7: expected 6 cells as in the header, found 7",
                quarantine + ":3: warning: column 'person_id': value 'P8': not in persons.csv",
                contacts + ":4: warning: column 'person_b': value 'P7': not in persons.csv");
        for (String e : expected) {
            assertTrue(lines.contains(e), () -> "missing: " + e + "\n" + r);
        }
        assertTrue(lines.contains("10 errors, 2 warnings"), r::toString);
        List<String> kinds = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith("  ")) {
                kinds.add(l);
            }
        }
        assertEquals(List.of(
                "  errors: bad date: 1",
                "  errors: bad word: 3",
                "  errors: duplicate id: 1",
                "  errors: end before start: 1",
                "  errors: missing value: 1",
                "  errors: negative number: 1",
                "  errors: self-contact: 1",
                "  errors: wrong cell count: 1",
                "  warnings: unknown person: 2"), kinds);
        assertEquals(expected.size() + 1 + kinds.size(), lines.size(), r::toString);
    }

    /**
     * --rejects was accepted and never written (a second reader's finding): the rows with
     * errors go there, the same file trace's --on-error skip writes for the same inputs.
     */
    @Test
    void rejectsAreTheRowsTraceWouldReject() {
        Path persons = Ctrace.write(dir, "persons.csv", "person_id,name", "C1,A", "P1,B", ",nobody");
        Path cases = Ctrace.write(dir, "cases.csv", "person_id,onset_date", "C1,2024-03-10");
        Path quarantine = Ctrace.write(dir, "quarantine.csv", "person_id,status,start_date", "P1,away,2024-03-10");
        Path contacts = Ctrace.write(dir, "contacts.csv", "person_a,person_b,start,protected",
                "C1,P1,2024-03-09,maybe", "C1,P1,2024-03-09,no");
        String[] inputs = {"--persons", persons.toString(), "--cases", cases.toString(), "--quarantine",
            quarantine.toString(), "--contacts", contacts.toString(), "--on-error", "skip"};
        Path rejects = dir.resolve("rejects.csv");
        Ctrace.Result r = validate(Ctrace.concat(inputs, "--rejects", rejects.toString()));
        assertEquals(1, r.exit(), r::toString);
        assertEquals("3 rows with errors written to " + rejects, r.outLines().get(r.outLines().size() - 1));
        Path traced = dir.resolve("traced-rejects.csv");
        Ctrace.Result t = Ctrace.trace(Ctrace.concat(inputs, "--rejects", traced.toString(), "-o",
                dir.resolve("list.csv").toString()));
        assertEquals(3, t.exit(), t::toString);
        assertEquals(Ctrace.read(traced), Ctrace.read(rejects));
        assertEquals(4, Ctrace.lines(Ctrace.read(rejects)).size(), Ctrace.read(rejects));
    }

    @Test
    void warningsOnlyExit0() {
        Path persons = Ctrace.write(dir, "persons.csv", "person_id", "C1", "P1");
        Path cases = Ctrace.write(dir, "cases.csv", "person_id,onset_date", "C1,2024-03-10", "C2,2024-03-11");
        Path contacts = Ctrace.write(dir, "contacts.csv", "person_a,person_b,start", "C1,P1,2024-03-09",
                "C1,Q9,2024-03-09");
        Ctrace.Result r = validate("--persons", persons.toString(), "--cases", cases.toString(),
                "--contacts", contacts.toString());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.outLines().contains(cases + ":3: warning: column 'person_id': value 'C2': not in persons.csv"),
                r::toString);
        assertTrue(r.outLines().contains(contacts + ":3: warning: column 'person_b': value 'Q9': not in persons.csv"),
                r::toString);
        assertTrue(r.outLines().contains("  warnings: unknown person: 2"), r::toString);
        assertTrue(r.outLines().stream().noneMatch(l -> l.startsWith("  errors:")), r::toString);
    }

    @Test
    void unknownPersonsAreNotCheckedWithoutPersonsFile() {
        SmallSet.Files set = SmallSet.write(dir);
        Ctrace.Result r = validate("--cases", set.cases().toString(), "--contacts", set.contacts().toString());
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("0 errors, 0 warnings"), r.outLines());
    }

    @Test
    void cleanInputsExit0() {
        SmallSet.write(dir);
        Ctrace.Result r = validate("--in", dir.toString());
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("0 errors, 0 warnings"), r.outLines());
    }

    @Test
    void everyBadRowEvenPastAHundred() {
        SmallSet.Files set = SmallSet.write(dir);
        List<String> contacts = new ArrayList<>(List.of(SmallSet.CONTACTS));
        for (int i = 0; i < 250; i++) {
            contacts.add("C1,C1,2024-03-09,,,,,");
        }
        Ctrace.write(dir, "contacts.csv", contacts.toArray(new String[0]));
        Ctrace.Result r = validate("--in", dir.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.outLines().contains("250 errors, 0 warnings"), r::toString);
        assertTrue(r.outLines().contains(set.contacts() + ":255: column 'person_b': value 'C1': expected a person other than "
                + "person_a (a person cannot meet themself)"), "the last bad row is listed too");
    }

    @Test
    void aBrokenFileDoesNotHideTheProblemsOfTheOthers() {
        SmallSet.Files set = SmallSet.write(dir);
        Path cases = Ctrace.write(dir, "cases.csv", "person_id,onset_date", "C1,2024-03-10", "C2,2024-02-30");
        Path contacts = Ctrace.write(dir, "contacts.csv", "person_a,person_b,start", "C1,P1,\"2024-03-09",
                "C1,P2,2024-03-09");
        Path quarantine = dir.resolve("missing-quarantine.csv");
        Ctrace.Result r = validate("--persons", set.persons().toString(), "--cases", cases.toString(),
                "--contacts", contacts.toString(), "--quarantine", quarantine.toString());
        assertEquals(1, r.exit(), r::toString);
        List<String> lines = r.outLines();
        assertTrue(lines.contains(cases + ":3: column 'onset_date': value '2024-02-30': expected " + TimeParser.DATE_FORMS),
                r::toString);
        assertTrue(lines.contains(contacts + ":2: expected a closing '\"' for the quoted cell that starts on this line"), r::toString);
        assertTrue(lines.contains(quarantine + ": no such file"), r::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("3 errors, 0 warning")), r::toString);
    }

    @Test
    void duplicateColumnIsListedWithFileAndLine() {
        SmallSet.Files set = SmallSet.write(dir);
        Path contacts = Ctrace.write(dir, "contacts.csv", "person_a,PERSON_A,person_b,start", "C1,C1,P1,2024-03-09");
        Ctrace.Result r = validate("--persons", set.persons().toString(), "--cases", set.cases().toString(),
                "--contacts", contacts.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.outLines().contains(contacts + ":1: column 'PERSON_A': expected each column once; it is named in columns 1 and 2"),
                r::toString);
    }

    @Test
    void missingAnchorColumnsNamesTheFileOnce() {
        SmallSet.Files set = SmallSet.write(dir);
        Path cases = Ctrace.write(dir, "cases.csv", "person_id,classification", "C1,confirmed");
        Ctrace.Result r = validate("--persons", set.persons().toString(), "--cases", cases.toString(),
                "--contacts", set.contacts().toString());
        assertEquals(1, r.exit(), r::toString);
        // the same FILE:LINE: column 'X' form as every other problem (STYLE rule 6, validate's own
        // description), with the file named once
        assertTrue(r.outLines().contains(cases + ":1: column 'onset_date': expected in the header: a case needs an onset_date or a sample_date column"), r::toString);
    }

    @Test
    void problemsGoToStandardOutputNotStandardError() {
        Path cases = Ctrace.write(dir, "cases.csv", "person_id,onset_date", "C1,2024-02-30");
        Path contacts = Ctrace.write(dir, "contacts.csv", "person_a,person_b,start");
        Ctrace.Result r = validate("--cases", cases.toString(), "--contacts", contacts.toString());
        assertEquals(1, r.exit(), r::toString);
        assertEquals("", r.err());
        assertEquals(cases + ":2: column 'onset_date': value '2024-02-30': expected " + TimeParser.DATE_FORMS,
                r.outLines().get(0));
        assertTrue(r.outLines().contains("  errors: bad date: 1"), r::toString);
    }

    @Test
    void reportWrittenToAFileWithDashO() {
        Path cases = Ctrace.write(dir, "cases.csv", "person_id,onset_date", "C1,2024-02-30");
        Path contacts = Ctrace.write(dir, "contacts.csv", "person_a,person_b,start");
        Path out = dir.resolve("report.txt");
        Ctrace.Result r = validate("--cases", cases.toString(), "--contacts", contacts.toString(), "-o", out.toString());
        assertEquals(1, r.exit(), r::toString);
        assertEquals("", r.out());
        assertEquals("", r.err());
        List<String> report = Ctrace.lines(Ctrace.read(out));
        assertEquals(cases + ":2: column 'onset_date': value '2024-02-30': expected " + TimeParser.DATE_FORMS,
                report.get(0));
        assertEquals("1 error, 0 warnings", report.get(1));
    }

    @Test
    void dashONamingAnInputIsAUsageErrorAndTheInputIsKept() {
        Path cases = Ctrace.write(dir, "cases.csv", "person_id,onset_date", "C1,2024-03-01");
        Path contacts = Ctrace.write(dir, "contacts.csv", "person_a,person_b,start");
        Ctrace.Result r = validate("--cases", cases.toString(), "--contacts", contacts.toString(), "-o", cases.toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("-o names an input"), r::toString);
        assertEquals("person_id,onset_date\nC1,2024-03-01\n", Ctrace.read(cases));
    }

    @Test
    void formatListsTheProblemsAsATableAndTheCountsOnStandardError() {
        Path persons = Ctrace.write(dir, "persons.csv", "person_id,name", "C1,A", "P1,B");
        Path cases = Ctrace.write(dir, "cases.csv", "person_id,onset_date", "C1,2024-02-30");
        Path contacts = Ctrace.write(dir, "contacts.csv", "person_a,person_b,start", "C1,=P9,2024-03-09");
        Ctrace.Result r = validate("--persons", persons.toString(), "--cases", cases.toString(),
                "--contacts", contacts.toString(), "--format", "csv");
        assertEquals(1, r.exit(), r::toString);
        assertEquals(List.of("severity,file,line,column,value,problem,kind",
                "error," + cases + ",2,onset_date,2024-02-30,\"expected " + TimeParser.DATE_FORMS + "\",bad date",
                // the value is defused as every CSV cell is (SPEC §4: formula injection)
                "warning," + contacts + ",2,person_b,'=P9,not in persons.csv,unknown person"), r.outLines(), r::toString);
        assertEquals(List.of("1 error, 1 warning", "  errors: bad date: 1", "  warnings: unknown person: 1"),
                r.errLines(), r::toString);
    }

    @Test
    void quietLeavesStandardErrorEmptyWithATable() {
        Path cases = Ctrace.write(dir, "cases.csv", "person_id,onset_date", "C1,2024-02-30");
        Path contacts = Ctrace.write(dir, "contacts.csv", "person_a,person_b,start");
        Ctrace.Result r = validate("--cases", cases.toString(), "--contacts", contacts.toString(), "--format", "json",
                "--quiet");
        assertEquals(1, r.exit(), r::toString);
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("[\n  {\"severity\": \"error\", \"file\": \"" + cases), r::toString);
    }

    @Test
    void aTableOfMoreProblemsThanAreKeptSaysSoEvenWhenQuiet() {
        StringBuilder rows = new StringBuilder("person_a,person_b,start\n");
        for (int i = 0; i <= ProblemLog.KEPT; i++) {
            rows.append("C1,C1,2024-03-09\n");
        }
        Path cases = Ctrace.write(dir, "cases.csv", "person_id,onset_date", "C1,2024-03-01");
        Path contacts = Ctrace.writeBytes(dir, "contacts.csv", rows.toString().getBytes(StandardCharsets.UTF_8));
        Ctrace.Result r = validate("--cases", cases.toString(), "--contacts", contacts.toString(), "--format", "tsv",
                "--quiet");
        assertEquals(1, r.exit(), r::toString);
        assertEquals(1 + ProblemLog.KEPT, r.outLines().size());
        assertEquals(List.of("(only the first " + ProblemLog.KEPT + " errors and warnings are listed)"), r.errLines());
    }

    @Test
    void aLinksFileIsCheckedWhenTheCasesCannotBeRead() {
        Path cases = Ctrace.write(dir, "cases.csv", "person,onset_date", "C1,2024-03-01");
        Path links = Ctrace.write(dir, "links.csv", "from,to,kind", "C1,C1,reported", "C1,C2,guessed");
        Path contacts = Ctrace.write(dir, "contacts.csv", "person_a,person_b,start");
        Ctrace.Result r = validate("--cases", cases.toString(), "--contacts", contacts.toString(),
                "--links", links.toString());
        assertEquals(1, r.exit(), r::toString);
        List<String> lines = r.outLines();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(cases + ":1: column 'person_id': expected in the header")),
                r::toString);
        assertTrue(lines.contains(links + ":2: column 'to': value 'C1': expected a person other than from (a case "
                + "cannot infect itself)"), r::toString);
        assertTrue(lines.contains(links + ":3: column 'kind': value 'guessed': expected reported or related"),
                r::toString);
    }

    @Test
    void aLinkDatedAfterTheAsOfDayIsWarnedOfAtItsRow() {
        Path cases = Ctrace.write(dir, "cases.csv", "person_id,onset_date", "A,2024-03-01", "B,2024-03-05");
        Path links = Ctrace.write(dir, "links.csv", "from,to,date", "A,B,2024-03-04", "B,A,2042-03-12");
        Path contacts = Ctrace.write(dir, "contacts.csv", "person_a,person_b,start");
        Ctrace.Result r = validate("--cases", cases.toString(), "--contacts", contacts.toString(),
                "--links", links.toString());
        assertEquals(0, r.exit(), r::toString);
        // not a backward link too: a link not used is not checked further
        assertEquals(List.of(links + ":3: warning: column 'date': value '2042-03-12': dated after the as-of day: the "
                + "contact had not happened by then, so the link is not used", "0 errors, 1 warning",
                "  warnings: link after as-of: 1"), r.outLines());
    }

    @Test
    void anInfectorWarningIsAtTheRowItsCaseWasReadFromAlsoOnStandardInput() {
        // line 2 is rejected (no anchor), so A is read from line 3, which the warning must name
        byte[] cases = "person_id,onset_date,infector\nA,,B\nA,2024-03-09,B\nB,2024-03-10,\n"
                .getBytes(StandardCharsets.UTF_8);
        Path contacts = Ctrace.write(dir, "contacts.csv", "person_a,person_b,start");
        Ctrace.Result r = Ctrace.runWithStdin(cases, "validate", "--as-of", Ctrace.AS_OF, "--zone", "UTC",
                "--cases", "-", "--contacts", contacts.toString(), "--format", "csv", "--quiet");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.outLines().contains("warning,<stdin>,3,infector,B,\"a backward link: B (anchor 2024-03-10) comes "
                + "after A (anchor 2024-03-09) in (anchor date, person_id) order; it joins the cluster but is not used "
                + "for generations\",backward link"), r::toString);
    }
}
