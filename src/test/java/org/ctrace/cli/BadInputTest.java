package org.ctrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ctrace.io.TimeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every bad input of SPEC §2-§3 stops {@code trace} with exit 1, one message naming file,
 * line, column and value and what was expected (STYLE rule 6), and no output: SPEC §4 "a bad
 * row stops the run before any output is written", "a file output is written whole or not at
 * all".
 */
class BadInputTest {

    private static final String CONTACTS_HEADER =
            "person_a,person_b,start,end,duration_min,setting,distance_m,protected";
    private static final String CASES_HEADER = "person_id,classification,onset_date,sample_date,isolation_date";
    private static final String QUARANTINE_HEADER = "person_id,status,start_date,end_date,site_id";

    @TempDir
    Path dir;

    /**
     * One bad input: the file that is replaced, its lines, and the first line expected on
     * standard error, with FILE standing for the file's name as given.
     */
    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("bad date in contacts", "contacts.csv",
                        new String[] {CONTACTS_HEADER, "C1,P1,2024-02-30,,30,meal,,"},
                        "FILE:2: column 'start': value '2024-02-30': expected " + TimeParser.DATE_TIME_FORMS),
                Arguments.of("bad date-time in contacts", "contacts.csv",
                        new String[] {CONTACTS_HEADER, "C1,P1,2024-03-09 10:00,2024-03-09 25:00,,meal,,"},
                        "FILE:2: column 'end': value '2024-03-09 25:00': expected " + TimeParser.DATE_TIME_FORMS),
                Arguments.of("one-digit month with dashes", "cases.csv",
                        new String[] {CASES_HEADER, "C1,confirmed,2024-3-5,,2024-03-12"},
                        "FILE:2: column 'onset_date': value '2024-3-5': expected " + TimeParser.DATE_FORMS),
                Arguments.of("an escape sequence shown, not sent to the terminal", "contacts.csv",
                        new String[] {CONTACTS_HEADER, "C1,P1,2024-03-09\u001b[2J,,30,meal,,"},
                        "FILE:2: column 'start': value '2024-03-09<U+001B>[2J': expected " + TimeParser.DATE_TIME_FORMS),
                Arguments.of("a year typed wrong in cases", "cases.csv",
                        new String[] {CASES_HEADER, "C1,confirmed,0224-03-05,,2024-03-12"},
                        "FILE:2: column 'onset_date': value '0224-03-05': expected a year from 1900 to 2199"),
                Arguments.of("a year typed wrong in contacts", "contacts.csv",
                        new String[] {CONTACTS_HEADER, "C1,P1,2024-03-09 10:00,0224-03-09 11:00,,meal,,"},
                        "FILE:2: column 'end': value '0224-03-09 11:00': expected a year from 1900 to 2199"),
                Arguments.of("bad month in quarantine", "quarantine.csv",
                        new String[] {QUARANTINE_HEADER, "P1,home,2024-13-01,,"},
                        "FILE:2: column 'start_date': value '2024-13-01': expected " + TimeParser.DATE_TIME_FORMS),
                Arguments.of("missing person_b", "contacts.csv",
                        new String[] {CONTACTS_HEADER, "C1,P1,2024-03-09 10:00,,30,meal,,", "C1,,2024-03-09,,,,,"},
                        "FILE:3: column 'person_b': value '': expected a value (the column is required)"),
                Arguments.of("missing person id in cases", "cases.csv",
                        new String[] {CASES_HEADER, ",confirmed,2024-03-10,,"},
                        "FILE:2: column 'person_id': value '': expected a value (the column is required)"),
                Arguments.of("missing person id in persons", "persons.csv",
                        new String[] {"person_id,name", "C1,A", ",Nobody"},
                        "FILE:3: column 'person_id': value '': expected a value (the column is required)"),
                Arguments.of("end before start", "contacts.csv",
                        new String[] {CONTACTS_HEADER, "C1,P1,2024-03-09 10:00,2024-03-09 09:30,,meal,,"},
                        "FILE:2: column 'end': value '2024-03-09 09:30': expected a time at or after start 2024-03-09 10:00"),
                Arguments.of("negative duration", "contacts.csv",
                        new String[] {CONTACTS_HEADER, "C1,P1,2024-03-09 10:00,,-5,meal,,"},
                        "FILE:2: column 'duration_min': value '-5': expected a number of at least 0"),
                Arguments.of("self-contact", "contacts.csv",
                        new String[] {CONTACTS_HEADER, "P1,P1,2024-03-09 10:00,,5,meal,,"},
                        "FILE:2: column 'person_b': value 'P1': expected a person other than person_a "
                                + "(a person cannot meet themself)"),
                Arguments.of("too many cells", "contacts.csv",
                        new String[] {CONTACTS_HEADER, "C1,P1,2024-03-09 10:00,,5,meal,,,extra"},
                        "FILE:2: expected 8 cells as in the header, found 9"),
                Arguments.of("too few cells", "persons.csv",
                        new String[] {"person_id,name,phone", "C1,A,1", "P1,B"},
                        "FILE:3: expected 3 cells as in the header, found 2"),
                Arguments.of("duplicate column", "contacts.csv",
                        new String[] {"person_a,person_b,start,setting,SETTING ", "C1,P1,2024-03-09,meal,work"},
                        "FILE:1: column 'SETTING': expected each column once; it is named in columns 4 and 5"),
                Arguments.of("missing required column", "quarantine.csv",
                        new String[] {"person_id,status,end_date", "P1,home,2024-03-20"},
                        "FILE:1: column 'start_date': expected in the header, which has person_id, status, end_date "
                                + "(columns: person_id (required), status (required), start_date (required), end_date, site_id)"),
                Arguments.of("missing person_id column", "persons.csv",
                        new String[] {"id,name", "C1,A"},
                        "FILE:1: column 'person_id': expected in the header, which has id, name (columns: person_id (required), "
                                + "name, phone, city, district, town, village, household_id)"),
                Arguments.of("duplicate case", "cases.csv",
                        new String[] {CASES_HEADER, "C1,confirmed,2024-03-10,,2024-03-12", "C1,confirmed,2024-03-11,,"},
                        "FILE:3: column 'person_id': value 'C1': expected a unique id; this case is on an earlier row too"),
                Arguments.of("duplicate quarantine row", "quarantine.csv",
                        new String[] {QUARANTINE_HEADER, "P1,home,2024-03-13,2024-03-20,", "P1,centralized,2024-03-14,,S1"},
                        "FILE:3: column 'person_id': value 'P1': expected at most one row per person; "
                                + "this person is on an earlier row too"),
                Arguments.of("duplicate person", "persons.csv",
                        new String[] {"person_id,name", "C1,A", "C1,B"},
                        "FILE:3: column 'person_id': value 'C1': expected a unique id; it is on an earlier row too"),
                Arguments.of("case with neither onset nor sample date", "cases.csv",
                        new String[] {CASES_HEADER, "C1,confirmed,,,2024-03-12"},
                        "FILE:2: column 'onset_date': value '': expected an onset_date or a sample_date "
                                + "(a case needs an anchor date)"),
                Arguments.of("unknown classification", "cases.csv",
                        new String[] {CASES_HEADER, "C1,likely,2024-03-10,,"},
                        "FILE:2: column 'classification': value 'likely': expected one of confirmed, asymptomatic, suspected, "
                                + "probable"),
                Arguments.of("unknown status", "quarantine.csv",
                        new String[] {QUARANTINE_HEADER, "P1,hotel,2024-03-13,,"},
                        "FILE:2: column 'status': value 'hotel': expected one of centralized, home, hospital, released"),
                Arguments.of("bad protected", "contacts.csv",
                        new String[] {CONTACTS_HEADER, "C1,P1,2024-03-09 10:00,,30,meal,,maybe"},
                        "FILE:2: column 'protected': value 'maybe': expected true/false, yes/no or 1/0"),
                Arguments.of("bad distance", "contacts.csv",
                        new String[] {CONTACTS_HEADER, "C1,P1,2024-03-09 10:00,,30,meal,\"1,5\","},
                        "FILE:2: column 'distance_m': value '1,5': expected a number such as 15 or 1.5"),
                Arguments.of("unterminated quote", "contacts.csv",
                        new String[] {CONTACTS_HEADER, "C1,P1,2024-03-09 10:00,,30,\"meal,,", "C1,P2,2024-03-09,,,,,"},
                        "FILE:2: expected a closing '\"' for the quoted cell that starts on this line"),
                Arguments.of("text after closing quote", "persons.csv",
                        new String[] {"person_id,name", "C1,\"Ann\" Li"},
                        "FILE:2: expected a comma or line end after the closing quote of a cell, found 'L'"),
                // a control character is named, not printed to the terminal as it is; both readers
                Arguments.of("control character after closing quote, cases", "cases.csv",
                        new String[] {SmallSet.CASES[0], "\"C1\"\u0001,confirmed,2024-03-10,,"},
                        "FILE:2: expected a comma or line end after the closing quote of a cell, found U+0001"),
                Arguments.of("control character after closing quote, contacts", "contacts.csv",
                        new String[] {CONTACTS_HEADER, "\"C1\"\u0000,P1,2024-03-09,,,,,"},
                        "FILE:2: expected a comma or line end after the closing quote of a cell, found U+0000"),
                Arguments.of("control character after closing quote, persons", "persons.csv",
                        new String[] {"person_id,name", "C1,\"Ann\"\u0000"},
                        "FILE:2: expected a comma or line end after the closing quote of a cell, found U+0000"),
                Arguments.of("control character after closing quote, quarantine", "quarantine.csv",
                        new String[] {QUARANTINE_HEADER, "P1,\"home\"\u001B,2024-03-13,,"},
                        "FILE:2: expected a comma or line end after the closing quote of a cell, found U+001B"),
                Arguments.of("non-ASCII after closing quote, persons", "persons.csv",
                        new String[] {"person_id,name", "C1,\"Ann\"号"},
                        "FILE:2: expected a comma or line end after the closing quote of a cell, found '号'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputStopsTheRunWithOneMessageAndNoOutput(String what, String file, String[] lines, String expected) {
        SmallSet.Files set = SmallSet.write(dir);
        Path bad = Ctrace.write(dir, file, lines);
        Path out = dir.resolve("list.csv");
        List<String> before = Ctrace.list(dir);

        Ctrace.Result r = Ctrace.trace(Ctrace.concat(set.args(), "-o", out.toString()));

        assertEquals(1, r.exit(), r::toString);
        assertFalse(r.errLines().isEmpty(), r::toString);
        assertEquals(expected.replace("FILE", bad.toString()), r.errLines().get(0), r::toString);
        assertEquals("", r.out(), "nothing on standard output");
        assertFalse(Files.exists(out), "-o FILE must not be created");
        assertEquals(before, Ctrace.list(dir), "no temporary file is left behind");
        assertFalse(r.err().contains("\tat org."), "no stack trace without --verbose");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputLeavesAnOlderOutputFileAlone(String what, String file, String[] lines, String expected)
            throws IOException {
        SmallSet.Files set = SmallSet.write(dir);
        Ctrace.write(dir, file, lines);
        Path out = Ctrace.write(dir, "list.csv", "yesterday's list");

        Ctrace.Result r = Ctrace.trace(Ctrace.concat(set.args(), "-o", out.toString()));

        assertEquals(1, r.exit(), r::toString);
        assertEquals("yesterday's list\n", Files.readString(out));
    }

    @Test
    void badRowsToStandardOutputWriteNothing() {
        SmallSet.Files set = SmallSet.write(dir);
        Ctrace.write(dir, "contacts.csv", CONTACTS_HEADER, "C1,P1,2024-03-09 10:00,,30,meal,,",
                "C1,C1,2024-03-09 10:00,,30,meal,,");
        Ctrace.Result r = Ctrace.trace(set.args());
        assertEquals(1, r.exit(), r::toString);
        assertEquals(0, r.outBytes().length, "not even the header");
    }

    @Test
    void fileThatDoesNotExist() {
        SmallSet.Files set = SmallSet.write(dir);
        Path missing = dir.resolve("no-such-cases.csv");
        Path out = dir.resolve("list.csv");
        Ctrace.Result r = Ctrace.trace("--cases", missing.toString(), "--contacts", set.contacts().toString(),
                "-o", out.toString());
        assertEquals(1, r.exit(), r::toString);
        assertEquals(List.of("ctrace trace: " + missing + ": no such file"), r.errLines());
        assertEquals("", r.out());
        assertFalse(Files.exists(out));
    }

    @Test
    void emptyCasesFile() {
        SmallSet.Files set = SmallSet.write(dir);
        Path empty = Ctrace.writeBytes(dir, "cases.csv", new byte[0]);
        Ctrace.Result r = Ctrace.trace(set.args());
        assertEquals(1, r.exit(), r::toString);
        assertEquals(empty + ": expected a header row with person_id (required), classification, "
                + "onset_date, sample_date, isolation_date, infector; the file is empty", r.errLines().get(0));
    }

    @Test
    void casesWithoutAnAnchorColumn() {
        SmallSet.Files set = SmallSet.write(dir);
        Path cases = Ctrace.write(dir, "cases.csv", "person_id,classification", "C1,confirmed");
        Ctrace.Result r = Ctrace.trace(set.args());
        assertEquals(1, r.exit(), r::toString);
        assertEquals(cases + ":1: column 'onset_date': expected in the header: a case needs an onset_date or a "
                + "sample_date column", r.errLines().get(0), r::toString);
    }

    @Test
    void everyBadRowIsListedNotJustTheFirst() {
        SmallSet.Files set = SmallSet.write(dir);
        Path contacts = Ctrace.write(dir, "contacts.csv", CONTACTS_HEADER,
                "C1,P1,2024-03-09 10:00,,30,meal,,",
                "C1,C1,2024-03-09 10:00,,30,meal,,",
                "C1,P2,2024-03-09 10:00,,-1,meal,,",
                "C1,P2,2024-03-09 10:00,,1,meal,,perhaps");
        Ctrace.Result r = Ctrace.trace(set.args());
        assertEquals(1, r.exit(), r::toString);
        List<String> expected = new ArrayList<>(List.of(
                contacts + ":3: column 'person_b': value 'C1': expected a person other than person_a (a person cannot meet themself)",
                contacts + ":4: column 'duration_min': value '-1': expected a number of at least 0",
                contacts + ":5: column 'protected': value 'perhaps': expected true/false, yes/no or 1/0"));
        assertEquals(expected, r.errLines().subList(0, 3), r::toString);
    }

    /**
     * A CSV syntax error stops the reading; the bad rows before it were left untold, and fixing
     * the one error only brought them up on the next run. From a file, and from standard input.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"contacts.csv", "contacts on standard input", "cases.csv", "quarantine.csv"})
    void badRowsBeforeACsvSyntaxErrorAreToldToo(String what) throws IOException {
        SmallSet.Files set = SmallSet.write(dir);
        String[] args = set.args();
        Path bad;
        byte[] stdin = new byte[0];
        if (what.startsWith("contacts")) {
            bad = Ctrace.write(dir, "contacts.csv", CONTACTS_HEADER, "C1,P1,2024-03-09 10:00,,30,meal,,",
                    "C1,P1,2024-02-30,,30,meal,,", "C1,\"P2\"x,2024-03-09,,,,,");
            if (what.endsWith("input")) {
                stdin = Files.readAllBytes(bad);
                args[java.util.Arrays.asList(args).indexOf(bad.toString())] = "-";
            }
        } else if (what.equals("cases.csv")) {
            bad = Ctrace.write(dir, what, CASES_HEADER, "C1,confirmed,2024-03-05,,2024-03-12",
                    "C2,confirmed,2024-02-30,,", "C3,\"confirmed\"x,2024-03-05,,");
        } else {
            bad = Ctrace.write(dir, what, QUARANTINE_HEADER, "P1,home,2024-03-10,,", "P2,home,2024-02-30,,",
                    "P3,\"home\"x,2024-03-10,,");
        }
        String label = stdin.length > 0 ? "<stdin>" : bad.toString();
        Ctrace.Result r = Ctrace.runWithStdin(stdin, Ctrace.concat(new String[] {"trace", "--as-of", "2024-03-15",
            "--zone", "UTC"}, args));
        assertEquals(1, r.exit(), r::toString);
        assertEquals(3, r.errLines().size(), r::toString);
        assertTrue(r.errLines().get(0).startsWith(label + ":3: column '"), r::toString);
        assertTrue(r.errLines().get(0).contains("value '2024-02-30'"), r::toString);
        String syntax = label + ":4: expected a comma or line end after the closing quote of a cell, found 'x'";
        assertEquals(syntax, r.errLines().get(1));
        assertEquals("ctrace trace: " + syntax + " (after 1 earlier problem); nothing was written", r.errLines().get(2));
        assertEquals("", r.out());
    }

    /**
     * A bad header past the log's first thousand errors: trace told it "after 1201 earlier
     * problems" of 1,200 (itself among them), and validate counted it twice.
     */
    @Test
    void aBadHeaderPastTheKeptErrorsIsCountedOnce() {
        SmallSet.Files set = SmallSet.write(dir);
        List<String> persons = new ArrayList<>(List.of(SmallSet.PERSONS));
        for (int i = 0; i < 1200; i++) {
            persons.add("X" + i + ",n,1,Huaxi,Beihu,Huayu Town,Weijie Village,H9,extra");
        }
        Ctrace.write(dir, "persons.csv", persons.toArray(new String[0]));
        Path cases = Ctrace.write(dir, "cases.csv", "person_id,classification,onset", "C1,confirmed,2024-03-10");
        Ctrace.Result r = Ctrace.trace(set.args());
        assertEquals(1, r.exit(), r::toString);
        assertEquals("ctrace trace: " + cases + ":1: column 'onset_date': expected in the header: a case needs an "
                + "onset_date or a sample_date column (after 1200 earlier problems); nothing was written",
                r.errLines().get(r.errLines().size() - 1), r::toString);
        r = Ctrace.run(Ctrace.concat(new String[] {"validate", "--as-of", Ctrace.AS_OF, "--zone", "UTC"}, set.args()));
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().contains("1201 errors, 1 warning\n  errors: missing column: 1\n  errors: wrong cell count: 1200\n"),
                r::toString);
    }

    /**
     * A run that failed printed its errors only: the warning that said why (the column 'onset'
     * ignored, the header lacking onset_date) came only once the errors were mended, if ever.
     */
    @Test
    void aFailedRunTellsHowItsColumnsWereRead() {
        SmallSet.Files set = SmallSet.write(dir);
        Path cases = Ctrace.write(dir, "cases.csv", "person_id,classification,onset", "C1,confirmed,2024-03-10");
        Ctrace.Result r = Ctrace.trace(set.args());
        assertEquals(1, r.exit(), r::toString);
        assertEquals(List.of(cases + ":1: warning: column 'onset': not a column of this file: ignored; the header "
                + "lacks onset_date, sample_date, isolation_date, infector", cases + ":1: column 'onset_date': expected "
                + "in the header: a case needs an onset_date or a sample_date column"), r.errLines(), r::toString);
        // bad rows under --on-error fail: the header's warning, once, then the rows (the rows' own
        // warnings wait: badInputStopsTheRunWithOneMessageAndNoOutput)
        Ctrace.write(dir, "cases.csv", "person_id,classification,onset_date,extra", "C1,confirmed,2024-03-10,x",
                "C2,confirmed,2024-02-30,x");
        r = Ctrace.trace(set.args());
        assertEquals(1, r.exit(), r::toString);
        assertEquals(3, r.errLines().size(), r::toString);
        assertTrue(r.errLines().get(0).startsWith(cases + ":1: warning: column 'extra'"), r::toString);
        assertTrue(r.errLines().get(1).startsWith(cases + ":3: column 'onset_date': value '2024-02-30'"), r::toString);
        assertEquals("ctrace trace: 1 bad row; nothing was written", r.errLines().get(2), r::toString);
        r = Ctrace.trace(Ctrace.concat(set.args(), "--quiet"));
        assertEquals(1, r.exit(), r::toString);
        assertFalse(r.err().contains("warning"), r::toString);
        // quarantine.csv's header (read on a thread of its own, into a log of its own)
        Ctrace.write(dir, "cases.csv", SmallSet.CASES);
        Path quarantine = Ctrace.write(dir, "quarantine.csv", "person_id,status,start_date,end_dat",
                "P1,home,2024-03-40,");
        r = Ctrace.trace(set.args());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.errLines().get(0).startsWith(quarantine + ":1: warning: column 'end_dat': not a column of this "
                + "file: ignored; did you mean end_date?"), r::toString);
        assertTrue(r.errLines().get(1).startsWith(quarantine + ":2: column 'start_date'"), r::toString);
        // contacts.csv's, whose rows are read inside the tracing: 150 bad rows stop the reading at 100
        Ctrace.write(dir, "quarantine.csv", SmallSet.QUARANTINE);
        List<String> contacts = new ArrayList<>(List.of(CONTACTS_HEADER.replace("duration_min", "duraton_min")));
        for (int i = 0; i < 150; i++) {
            contacts.add("C1,P1,2024-02-30,,30,meal,,");
        }
        Path bad = Ctrace.write(dir, "contacts.csv", contacts.toArray(new String[0]));
        r = Ctrace.trace(set.args());
        assertEquals(1, r.exit(), r::toString);
        assertEquals(bad + ":1: warning: column 'duraton_min': not a column of this file: ignored; did you mean "
                + "duration_min?", r.errLines().get(0), r::toString);
        assertTrue(r.errLines().get(1).startsWith(bad + ":2: column 'start'"), r::toString);
        assertEquals(1, r.errLines().stream().filter(l -> l.contains("warning")).count(), r::toString);
    }

    /** The log keeps the first thousand errors: "after 1000 problems above" was told of 1,200. */
    @Test
    void theEarlierProblemsAreCountedAllNotOnlyThoseKept() {
        SmallSet.Files set = SmallSet.write(dir);
        List<String> lines = new ArrayList<>(List.of(CONTACTS_HEADER));
        for (int i = 0; i < 1200; i++) {
            lines.add("C1,P1,2024-02-30,,30,meal,,");
        }
        lines.add("C1,\"P2\"x,2024-03-09,,,,,");
        Path contacts = Ctrace.write(dir, "contacts.csv", lines.toArray(new String[0]));
        Ctrace.Result r = Ctrace.trace(Ctrace.concat(set.args(), "--on-error", "skip"));
        assertEquals(1, r.exit(), r::toString);
        assertEquals("ctrace trace: " + contacts + ":1202: expected a comma or line end after the closing quote of a "
                + "cell, found 'x' (after 1200 earlier problems); nothing was written",
                r.errLines().get(r.errLines().size() - 1), r::toString);
    }
}
