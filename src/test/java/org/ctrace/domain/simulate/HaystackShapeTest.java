package org.ctrace.domain.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The two options that shape a haystack: --circle and --noise far. */
class HaystackShapeTest {

    private static final LocalDate START = LocalDate.of(2024, 3, 1);

    private static SimulationTest.Recorder run(int circle, boolean far) {
        return SimulationTest.run(new SimulationSpec(20_000, 20, 40_000, 5, 0.2, START, 3, null, Language.EN, circle,
                far));
    }

    /** Partners of each case, over all events that name it. */
    private static Map<Integer, Set<Integer>> partnersOfCases(SimulationTest.Recorder r) {
        Set<Integer> cases = new HashSet<>();
        r.cases.forEach(c -> cases.add(c.person()));
        Map<Integer, Set<Integer>> partners = new HashMap<>();
        for (ContactRow e : r.contacts) {
            if (cases.contains(e.personA())) {
                partners.computeIfAbsent(e.personA(), k -> new HashSet<>()).add(e.personB());
            }
            if (cases.contains(e.personB())) {
                partners.computeIfAbsent(e.personB(), k -> new HashSet<>()).add(e.personA());
            }
        }
        return partners;
    }

    @Test
    void farNoiseIsNeverCloseAndTheOutbreakStillIs() {
        SimulationTest.Recorder r = run(0, true);
        int far = 0;
        int close = 0;
        for (ContactRow e : r.contacts) {
            boolean alwaysClose = e.setting().equals("household") || e.setting().equals("meal")
                    || e.setting().equals("vehicle");
            boolean within = e.distanceDm() >= 0 && e.distanceDm() <= 10;
            if (!alwaysClose && e.distanceDm() > 10) {
                far++;
            } else if (alwaysClose || within || e.distanceDm() < 0) {
                close++;
            }
        }
        // 80% of the events are noise, all far; the outbreak's 20% keep their close meetings
        assertTrue(far >= 0.8 * r.contacts.size(), "far events: " + far + " of " + r.contacts.size());
        assertTrue(close > 0.05 * r.contacts.size(), "close events: " + close);
    }

    /** Events that could make a close contact under cn-9: always-close setting, or within 1 m or unknown. */
    private static long couldQualify(SimulationTest.Recorder r) {
        return r.contacts.stream().filter(e -> e.setting().equals("household") || e.setting().equals("meal")
                || e.setting().equals("vehicle") || e.distanceDm() <= 10).count();
    }

    @Test
    void farNoiseLeavesOnlyTheOutbreakToQualify() {
        long far = couldQualify(run(0, true));
        long mixed = couldQualify(run(0, false));
        assertTrue(far <= 0.2 * 40_000, "with far noise at most the outbreak's share can qualify: " + far);
        assertTrue(mixed > 2 * far, "mixed noise qualifies far more often: " + mixed + " vs " + far);
    }

    @Test
    void aCircleBoundsWhomACaseMeetsOutsideTheHaystack() {
        // with far noise the random events still name cases; count only close-range partners
        Map<Integer, Set<Integer>> open = partnersOfCases(run(0, true));
        Map<Integer, Set<Integer>> circle = partnersOfCases(run(5, true));
        int openMost = open.values().stream().mapToInt(Set::size).max().orElse(0);
        int circleMost = circle.values().stream().mapToInt(Set::size).max().orElse(0);
        assertTrue(circleMost < openMost, "a circle of 5 meets fewer people: " + circleMost + " vs " + openMost);
    }

    @Test
    void theSameSpecGivesTheSameRowsWithCircleAndFarNoise() {
        assertEquals(run(7, true).contacts, run(7, true).contacts);
    }
}
