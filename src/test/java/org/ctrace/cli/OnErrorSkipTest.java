package org.ctrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ctrace.io.TimeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §4 {@code --on-error skip}: "bad rows are left out, written to --rejects FILE with their
 * line and reason, counted on standard error, and the exit code is 3 when any row was rejected".
 */
class OnErrorSkipTest {

    @TempDir
    Path dir;

    private SmallSet.Files setWithBadRows() {
        SmallSet.Files set = SmallSet.write(dir);
        String[] contacts = Arrays.copyOf(SmallSet.CONTACTS, SmallSet.CONTACTS.length + 3);
        contacts[5] = "C1,C1,2024-03-09 10:00,,30,meal,,";
        contacts[6] = "C1,P2,2024-02-30,,,,,";
        contacts[7] = "C1,P2,2024-03-09 10:00,,30,meal,,,";
        Ctrace.write(dir, "contacts.csv", contacts);
        Ctrace.write(dir, "cases.csv", SmallSet.CASES[0], SmallSet.CASES[1], "C9,confirmed,,,");
        return set;
    }

    @Test
    void badRowsAreLeftOutWrittenToRejectsAndTheExitIs3() {
        SmallSet.Files set = setWithBadRows();
        Path out = dir.resolve("list.csv");
        Path rejects = dir.resolve("rejects.csv");

        Ctrace.Result r = Ctrace.trace(Ctrace.concat(set.args(), "--on-error", "skip", "--rejects", rejects.toString(),
                "-o", out.toString()));

        assertEquals(3, r.exit(), r::toString);
        assertEquals(SmallSet.LIST_CSV, Ctrace.read(out), "the output is still written, without the bad rows");
        assertEquals("file,line,reason,row\n"
                + set.cases() + ",3,column 'onset_date': value '': expected an onset_date or a sample_date (a case needs an anchor date),"
                + "\"C9,confirmed,,,\"\n"
                + set.contacts() + ",6,column 'person_b': value 'C1': expected a person other than person_a (a person cannot meet themself),"
                + "\"C1,C1,2024-03-09 10:00,,30,meal,,\"\n"
                + set.contacts() + ",7,\"column 'start': value '2024-02-30': expected " + TimeParser.DATE_TIME_FORMS + "\",\"C1,P2,2024-02-30,,,,,\"\n"
                + set.contacts() + ",8,\"expected 8 cells as in the header, found 9\",\"C1,P2,2024-03-09 10:00,,30,meal,,,\"\n",
                Ctrace.read(rejects));
        List<String> err = r.errLines();
        assertTrue(err.contains(set.contacts() + ":6: column 'person_b': value 'C1': expected a person other than person_a "
                + "(a person cannot meet themself)"), r::toString);
        assertTrue(err.contains("4 rows rejected (written to " + rejects + ")"), r::toString);
        assertEquals(List.of("cases.csv", "contacts.csv", "list.csv", "persons.csv", "quarantine.csv", "rejects.csv"),
                Ctrace.list(dir), "no temporary file is left behind");
    }

    @Test
    void aCaseWhoseFirstRowIsRejectedIsTracedFromItsNextRow() {
        SmallSet.Files set = SmallSet.write(dir);
        // C1's first row has a bad date; its second row is the only one left to trace it from
        Ctrace.write(dir, "cases.csv", SmallSet.CASES[0], "C1,confirmed,2024-03-40,,2024-03-12", SmallSet.CASES[1]);
        Path rejects = dir.resolve("rejects.csv");
        Ctrace.Result r = Ctrace.trace(Ctrace.concat(set.args(), "--on-error", "skip", "--rejects", rejects.toString()));
        assertEquals(3, r.exit(), r::toString);
        assertEquals(SmallSet.LIST_CSV, r.out(), "every contact of C1 is still listed");
        assertTrue(Ctrace.read(rejects).startsWith("file,line,reason,row\n" + set.cases() + ",2,"), Ctrace.read(rejects));
        assertEquals(2, Ctrace.read(rejects).split("\n").length, "only the bad row is rejected");
        assertTrue(r.errLines().contains(set.cases() + ":3: warning: column 'person_id': value 'C1': expected a unique id; this "
                + "case is on an earlier row too, which has an error: this row is used when bad rows are skipped"),
                r::toString);
        // a second row after a kept one is still an error
        Ctrace.write(dir, "cases.csv", SmallSet.CASES[0], "C1,confirmed,2024-03-40,,2024-03-12", SmallSet.CASES[1],
                SmallSet.CASES[1]);
        Ctrace.Result again = Ctrace.trace(Ctrace.concat(set.args(), "--on-error", "skip", "--rejects", rejects.toString()));
        assertEquals(3, again.exit(), again::toString);
        assertTrue(Ctrace.read(rejects).contains(set.cases() + ",4,column 'person_id': value 'C1': expected a unique "
                + "id; this case is on an earlier row too,"), Ctrace.read(rejects));
    }

    @Test
    void skipWithoutRejectsFileStillCountsAndExits3() {
        SmallSet.Files set = setWithBadRows();
        Ctrace.Result r = Ctrace.trace(Ctrace.concat(set.args(), "--on-error", "skip"));
        assertEquals(3, r.exit(), r::toString);
        assertEquals(SmallSet.LIST_CSV, r.out());
        assertTrue(r.errLines().contains("4 rows rejected"), r::toString);
    }

    @Test
    void skipWithNothingBadExits0AndWritesAnEmptyRejectsFile() {
        SmallSet.Files set = SmallSet.write(dir);
        Path rejects = dir.resolve("rejects.csv");
        Ctrace.Result r = Ctrace.trace(Ctrace.concat(set.args(), "--on-error", "skip", "--rejects", rejects.toString()));
        assertEquals(0, r.exit(), r::toString);
        assertEquals(SmallSet.LIST_CSV, r.out());
        assertEquals("file,line,reason,row\n", Ctrace.read(rejects));
    }

    @Test
    void skipDoesNotSkipABadHeader() {
        SmallSet.Files set = SmallSet.write(dir);
        Ctrace.write(dir, "contacts.csv", "person_a,person_b,begin", "C1,P1,2024-03-09");
        Path out = dir.resolve("list.csv");
        Path rejects = dir.resolve("rejects.csv");
        Ctrace.Result r = Ctrace.trace(Ctrace.concat(set.args(), "--on-error", "skip", "--rejects", rejects.toString(),
                "-o", out.toString()));
        assertEquals(1, r.exit(), r::toString);
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(rejects));
        assertEquals(List.of("cases.csv", "contacts.csv", "persons.csv", "quarantine.csv"), Ctrace.list(dir));
    }

    @Test
    void failIsTheDefault() {
        SmallSet.Files set = setWithBadRows();
        Ctrace.Result r = Ctrace.trace(set.args());
        assertEquals(1, r.exit(), r::toString);
        assertEquals("", r.out());
    }

    @Test
    void rejectsWithoutSkipIsAUsageError() {
        SmallSet.Files set = SmallSet.write(dir);
        Path rejects = dir.resolve("rejects.csv");
        Ctrace.Result r = Ctrace.trace(Ctrace.concat(set.args(), "--rejects", rejects.toString()));
        assertEquals(2, r.exit(), r::toString);
        assertEquals("ctrace trace: --rejects goes with --on-error skip", r.errLines().get(0));
        assertFalse(Files.exists(rejects));
    }

    @Test
    void unknownOnErrorWordIsAUsageError() {
        SmallSet.Files set = SmallSet.write(dir);
        Ctrace.Result r = Ctrace.trace(Ctrace.concat(set.args(), "--on-error", "ignore"));
        assertEquals(2, r.exit(), r::toString);
        assertEquals("", r.out());
    }
}
