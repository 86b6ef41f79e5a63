package org.ctrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case whose infectious window is empty traces no one: the run says so, as a warning on
 * the cases file, since nothing else would tell that an onset typed as 2042 or an isolation
 * date before the window made a case vanish from the trace (found by a second reader's audit).
 */
class EmptyWindowWarningTest {

    @TempDir
    Path dir;

    private Ctrace.Result run(String command, String... more) {
        SmallSet.Files set = SmallSet.write(dir);
        Ctrace.write(dir, "cases.csv", SmallSet.CASES[0], SmallSet.CASES[1],
                "P2,confirmed,2042-03-10,,",            // a year typed wrong: the window opens after the as-of day
                "S1,confirmed,2024-03-10,,2024-03-01"); // isolated before its window opens on 03-06
        return Ctrace.run(Ctrace.concat(Ctrace.concat(new String[] {command, "--as-of", Ctrace.AS_OF, "--zone", "UTC"},
                set.args()), more));
    }

    @Test
    void eachCommandThatTracesWarnsOfACaseThatTracesNoOne() {
        for (String command : List.of("trace", "coverage", "release", "export")) {
            Ctrace.Result r = run(command);
            assertEquals(0, r.exit(), r::toString);
            String cases = dir.resolve("cases.csv").toString();
            assertTrue(r.errLines().containsAll(List.of(
                    cases + ":3: warning: column 'person_id': value 'P2': its infectious window opens on 2042-03-06, "
                            + "after the as-of day " + Ctrace.AS_OF + ": the case traces no one",
                    cases + ":4: warning: column 'person_id': value 'S1': it was isolated before its infectious window "
                            + "opened on 2024-03-06, or as it opened: the case traces no one",
                    "2 warnings (empty window: 2)")), command + "\n" + r);
        }
    }

    @Test
    void validateWarnsOfTheSameCasesUnderTheProfileGiven() {
        String cases = dir.resolve("cases.csv").toString();
        Ctrace.Result r = run("validate");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.outLines().containsAll(List.of(
                cases + ":3: warning: column 'person_id': value 'P2': its infectious window opens on 2042-03-06, "
                        + "after the as-of day " + Ctrace.AS_OF + ": the case traces no one",
                cases + ":4: warning: column 'person_id': value 'S1': it was isolated before its infectious window "
                        + "opened on 2024-03-06, or as it opened: the case traces no one",
                "  warnings: empty window: 2")), r::toString);
        // looking back 10 days, S1's window opens on 02-29, before its isolation on 03-01
        Ctrace.Result longer = run("validate", "--lookback-days", "10");
        assertTrue(longer.outLines().contains("  warnings: empty window: 1"), longer::toString);
        assertTrue(longer.outLines().stream().noneMatch(l -> l.contains("'S1'")), longer::toString);
    }

    @Test
    void aCaseWhoseWindowIsOpenIsNotWarnedOf() {
        SmallSet.Files set = SmallSet.write(dir);
        Ctrace.Result r = Ctrace.trace(set.args());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.errLines().stream().noneMatch(l -> l.contains("warning")), r::toString);
    }

    @Test
    void quietSaysNothing() {
        Ctrace.Result r = run("trace", "--quiet");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of(), r.errLines());
    }
}
