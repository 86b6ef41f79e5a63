package org.ctrace.domain.trace;

import static org.ctrace.domain.trace.Fixture.asOf;
import static org.ctrace.domain.trace.Fixture.confirmed;
import static org.ctrace.domain.trace.Fixture.describe;
import static org.ctrace.domain.trace.Fixture.inHousehold;
import static org.ctrace.domain.trace.Fixture.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A city's pairs are evaluated in runs on all cores: however they are cut, everyone found,
 * their sources and dates, and the exposure graph are those of one run.
 */
class EvaluationRunsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 40})
    void cuttingThePairsIntoRunsChangesNothing(int pairsPerRun) {
        Fixture.Run run = outbreak(new Random(17));
        TraceResult whole = run.trace();
        TraceResult cut = run.trace(pairsPerRun);

        // the outbreak is rich enough to tell: persons at three tiers, many with several sources
        List<String> found = describe(whole);
        assertTrue(found.size() > 40, found.toString());
        assertTrue(whole.persons().stream().filter(p -> p.sources().size() > 1).count() > 10);
        assertEquals(3, whole.persons().stream().mapToInt(TracedPerson::tier).max().orElse(0));

        assertEquals(found, describe(cut));
        assertEquals(exposures(whole), exposures(cut));
    }

    @Test
    void aTraceWithoutTheGraphFindsTheSameAndSaysItHasNoGraph() {
        Fixture.Run run = outbreak(new Random(17));
        TraceResult whole = run.trace();
        TraceResult lean = run.traceWithoutGraph();

        assertEquals(describe(whole), describe(lean));
        assertEquals(whole.summary(), lean.summary());
        assertTrue(whole.graph().size() > 40);
        assertThrows(IllegalStateException.class, () -> lean.graph().exposures());
        assertThrows(IllegalStateException.class, () -> lean.graph().exposuresOf("P001"));
        assertThrows(IllegalStateException.class, () -> lean.graph().view());
        assertThrows(IllegalStateException.class, () -> lean.graph().size());
    }

    private static List<String> exposures(TraceResult r) {
        return r.graph().exposures().stream().map(Fixture::describe).toList();
    }

    /** 120 persons in households of three, 4 cases, 600 random contacts over ten days. */
    private static Fixture.Run outbreak(Random random) {
        Fixture.Run run = asOf("2024-03-12").depth(3).cases(confirmed("P000", "2024-03-05"),
                confirmed("P031", "2024-03-06"), confirmed("P062", "2024-03-04"), confirmed("P093", "2024-03-07"));
        for (int i = 0; i < 120; i++) {
            run.persons(inHousehold(id(i), "H" + i / 3));
        }
        for (int i = 0; i < 600; i++) {
            int a = random.nextInt(120);
            int b = (a + 1 + random.nextInt(119)) % 120;
            int day = 1 + random.nextInt(10);
            int hour = random.nextInt(20);
            String start = String.format(Locale.ROOT, "2024-03-%02d %02d:%02d", day, hour, random.nextInt(60));
            String end = String.format(Locale.ROOT, "2024-03-%02d %02d:%02d", day, hour + 1 + random.nextInt(3),
                    random.nextInt(60));
            run.events(span(id(a), id(b), start, end, random.nextBoolean() ? "venue" : "transport"));
        }
        return run;
    }

    private static String id(int i) {
        return String.format(Locale.ROOT, "P%03d", i);
    }
}
