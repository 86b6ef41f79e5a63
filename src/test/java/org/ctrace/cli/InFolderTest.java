package org.ctrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code --in DIR} reads, and inputs whose names or columns are near misses: each was
 * silently left out (a second reader's audit), and a persons.csv left out, or its
 * household_id, ends quarantines days early.
 */
class InFolderTest {

    @TempDir
    Path dir;

    @BeforeEach
    void inputs() {
        SmallSet.write(dir);
    }

    private Ctrace.Result run(String command, String... more) {
        return Ctrace.run(Ctrace.concat(new String[] {command, "--in", dir.toString(), "--as-of", Ctrace.AS_OF,
            "--zone", "UTC"}, more));
    }

    @Test
    void aStandardNameInAnotherCaseIsAUsageError() throws IOException {
        Files.move(dir.resolve("persons.csv"), dir.resolve("Persons.csv"));
        Ctrace.Result r = run("trace", "-o", dir.resolve("list.csv").toString());
        assertEquals(2, r.exit(), r::toString);
        assertEquals("ctrace trace: --in " + dir + " has Persons.csv, not persons.csv: rename it, or name it with "
                + "--persons", r.errLines().get(0));
        assertFalse(Files.exists(dir.resolve("list.csv")));
        // named with its option, it is read
        Ctrace.Result named = run("trace", "--quiet", "--persons", dir.resolve("Persons.csv").toString());
        assertEquals(0, named.exit(), named::toString);
        assertEquals(SmallSet.LIST_CSV, named.out());
    }

    /** The exact name was read and the other left out without a word: which of the two is today's? */
    @Test
    void anotherCaseBesideTheExactNameIsAUsageErrorToo() throws IOException {
        Files.copy(dir.resolve("quarantine.csv"), dir.resolve("QUARANTINE.csv"));
        Ctrace.Result r = run("trace", "--quiet");
        assertEquals(2, r.exit(), r::toString);
        assertEquals("ctrace trace: --in " + dir + " has both quarantine.csv and QUARANTINE.csv: keep one, or name "
                + "the one to read with --quarantine", r.errLines().get(0));
        Ctrace.Result named = run("trace", "--quiet", "--quarantine", dir.resolve("quarantine.csv").toString());
        assertEquals(0, named.exit(), named::toString);
        assertEquals(SmallSet.LIST_CSV, named.out());
    }

    /** A link left dangling where quarantine.csv was: a usage error that named "quarantine.csv, not quarantine.csv". */
    @Test
    void aDanglingLinkIsAFileThatIsMissing() throws IOException {
        Path quarantine = dir.resolve("quarantine.csv");
        Files.delete(quarantine);
        Files.createSymbolicLink(quarantine, dir.resolve("gone.csv"));
        Ctrace.Result r = run("trace", "--quiet");
        assertEquals(1, r.exit(), r::toString);
        assertEquals(List.of("ctrace trace: " + quarantine + ": no such file"), r.errLines());
    }

    @Test
    void linksAreLookedForTheSameWay() {
        Ctrace.write(dir, "Links.csv", "from,to,date,kind");
        Ctrace.Result r = run("chains");
        assertEquals(2, r.exit(), r::toString);
        assertEquals("ctrace chains: --in " + dir + " has Links.csv, not links.csv: rename it, or name it with --links",
                r.errLines().get(0));
    }

    @Test
    void aMisspeltColumnIsWarnedOf() {
        List<String> persons = new java.util.ArrayList<>(List.of(SmallSet.PERSONS));
        persons.set(0, persons.get(0).replace("household_id", "househld_id"));
        Ctrace.write(dir, "persons.csv", persons.toArray(new String[0]));
        Ctrace.Result r = run("trace");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.errLines().contains(dir.resolve("persons.csv") + ":1: warning: column 'househld_id': not a column "
                + "of this file: ignored; did you mean household_id?"), r::toString);
        assertTrue(r.errLines().contains("1 warning (ignored column: 1)"), r::toString);
    }
}
