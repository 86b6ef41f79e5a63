package org.ctrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The top command: which subcommands a run builds, help, and the inherited --verbose. */
class MainTest {

    private static final List<String> COMMANDS = List.of("trace", "coverage", "release", "validate", "profiles",
            "chains", "export", "simulate", "help");

    @Test
    void aRunBuildsOnlyTheSubcommandItNames() {
        assertEquals(TraceCommand.class, Main.named("trace", "--in", "x"));
        assertEquals(CoverageCommand.class, Main.named("--verbose", "coverage", "--by", "town"));
        assertEquals(SimulateCommand.class, Main.named("simulate"));
        // help, options first, no command, or a misspelt one: all of them, as picocli needs
        assertNull(Main.named("help", "trace"));
        assertNull(Main.named("-h", "trace"));
        assertNull(Main.named("--verbose"));
        assertNull(Main.named());
        assertNull(Main.named("trac"));
        assertNull(Main.named("TRACE"));
    }

    @Test
    void helpListsEveryCommandInOrder() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"-h", "trace"}, new String[] {"help"})) {
            Ctrace.Result r = Ctrace.run(args);
            assertEquals(0, r.exit(), r::toString);
            List<String> listed = r.outLines().stream().dropWhile(l -> !l.equals("Commands:")).skip(1)
                    .filter(l -> l.matches("  [a-z]+ .*")).map(l -> l.trim().split(" ")[0]).toList();
            assertEquals(COMMANDS, listed, r::toString);
        }
        Ctrace.Result sub = Ctrace.run("help", "release");
        assertTrue(sub.out().contains("Usage: ctrace release"), sub::toString);
    }

    @Test
    void verboseIsTakenBeforeOrAfterTheCommand() {
        String[] bad = {"--cases", "no-such-cases.csv", "--contacts", "no-such-contacts.csv", "--as-of", Ctrace.AS_OF,
            "--zone", "UTC"};
        Ctrace.Result before = Ctrace.run(Ctrace.concat(new String[] {"--verbose", "trace"}, bad));
        Ctrace.Result after = Ctrace.run(Ctrace.concat(new String[] {"trace", "--verbose"}, bad));
        Ctrace.Result plain = Ctrace.run(Ctrace.concat(new String[] {"trace"}, bad));
        for (Ctrace.Result r : List.of(before, after, plain)) {
            assertEquals(1, r.exit(), r::toString);
            assertTrue(r.err().contains("no-such-cases.csv"), r::toString);
        }
        assertTrue(before.err().contains("\tat org.ctrace."), before::toString);
        assertTrue(after.err().contains("\tat org.ctrace."), after::toString);
        assertFalse(plain.err().contains("\tat "), plain::toString);
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Ctrace.Result r = Ctrace.run("trac");
        assertEquals(2, r.exit(), r::toString);
        assertEquals(List.of("ctrace: Unmatched argument at index 0: 'trac'", "Try 'ctrace --help'."), r.errLines());
    }

    /** '-o -' wrote a file named '-', and 'simulate --out ""' wrote into the folder one was in. */
    @Test
    void aDashOrAnEmptyNameIsNoFileToWrite() {
        String[] common = {"--cases", "samples/cases.csv", "--contacts", "samples/contacts.csv", "--as-of", Ctrace.AS_OF,
            "--zone", "UTC"};
        for (String[] more : List.of(new String[] {"-o", "-"}, new String[] {"--on-error", "skip", "--rejects", "-"},
                new String[] {"-o", ""}, new String[] {"--in", " "})) {
            Ctrace.Result r = Ctrace.run(Ctrace.concat(Ctrace.concat(new String[] {"trace"}, common), more));
            assertEquals(2, r.exit(), r::toString);
            assertEquals("", r.out());
            assertTrue(r.errLines().get(0).endsWith(more[more.length - 1].equals("-")
                    ? "'-' names standard input only, for one of the input files; a result goes to standard output "
                    + "when -o is left out" : "an empty name is no file or folder"), r::toString);
        }
        assertFalse(java.nio.file.Files.exists(java.nio.file.Path.of("-")));
    }

    /** --as-of with a year typed wrong names the years; with a time, the date forms (a second reader). */
    @Test
    void anAsOfDayIsToldWhatIsWrongWithIt() {
        for (String[] c : new String[][] {{"0224-03-10", "is not a date of a year from 1900 to 2199"},
            {"0224-03-10 08:00", "is not a date (yyyy-MM-dd, yyyy/M/d or yyyyMMdd)"},
            {"2024-03-10 08:00", "is not a date (yyyy-MM-dd, yyyy/M/d or yyyyMMdd)"}}) {
            Ctrace.Result r = Ctrace.run("trace", "--in", "samples", "--zone", "UTC", "--as-of", c[0]);
            assertEquals(2, r.exit(), r::toString);
            assertEquals("ctrace trace: Invalid value for option '--as-of': '" + c[0] + "' " + c[1], r.errLines().get(0));
        }
    }
}
