package org.ctrace.domain.trace;

import static org.ctrace.domain.trace.Fixture.at;
import static org.ctrace.domain.trace.Fixture.date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ctrace.domain.InfectiousWindow;
import org.ctrace.domain.RuleProfiles;
import org.junit.jupiter.api.Test;

/**
 * {@link CloseContactRule} on hand-made parts: SPEC §3 "Events" (a span must meet the
 * half-open window, a point must lie inside it, only the part inside counts) and "Close pairs
 * and exposure" under cdc-2020 (min_minutes 15).
 */
class CloseContactRuleTest {

    /** [2024-03-08 00:00, 2024-03-10 14:00). */
    private static final InfectiousWindow WINDOW =
            new InfectiousWindow("A", at("2024-03-08 00:00"), at("2024-03-10 14:00"));

    private static Optional<ExposurePart> timed(String from, String to) {
        return CloseContactRule.partInside(WINDOW, at(from), at(to), false, Double.NaN, "work", false);
    }

    @Test
    void aPointMustLieInsideTheHalfOpenWindow() {
        assertEquals(Optional.of(new ExposurePart(at("2024-03-08 00:00"), at("2024-03-08 00:00"), true, false,
                Double.NaN, "work", false)), timed("2024-03-08 00:00", "2024-03-08 00:00"));
        assertEquals(Optional.empty(), timed("2024-03-07 23:59:59", "2024-03-07 23:59:59"));
        assertEquals(Optional.empty(), timed("2024-03-10 14:00", "2024-03-10 14:00"));
        assertEquals(Optional.of(new ExposurePart(at("2024-03-10 13:59:59"), at("2024-03-10 13:59:59"), true, false,
                Double.NaN, "work", false)), timed("2024-03-10 13:59:59", "2024-03-10 13:59:59"));
    }

    @Test
    void aSpanMustMeetTheWindowAndIsCutToIt() {
        assertEquals(Optional.empty(), timed("2024-03-07 23:00", "2024-03-08 00:00"));
        assertEquals(Optional.empty(), timed("2024-03-10 14:00", "2024-03-10 15:00"));
        assertEquals(Optional.of(new ExposurePart(at("2024-03-08 00:00"), at("2024-03-08 00:30"), false, false,
                Double.NaN, "work", false)), timed("2024-03-07 23:30", "2024-03-08 00:30"));
        assertEquals(Optional.of(new ExposurePart(at("2024-03-10 13:00"), at("2024-03-10 14:00"), false, false,
                Double.NaN, "work", false)), timed("2024-03-10 13:00", "2024-03-10 15:00"));
    }

    @Test
    void aDateOnlyEventKeepsItsMinutesAndIsCutToTheWindow() {
        Optional<ExposurePart> part = CloseContactRule.partInside(WINDOW, at("2024-03-10 00:00"),
                at("2024-03-11 00:00"), true, 600, "meal", true);
        assertEquals(Optional.of(new ExposurePart(at("2024-03-10 00:00"), at("2024-03-10 14:00"), false, true,
                600, "meal", true)), part);
    }

    @Test
    void anEmptyWindowAdmitsNothing() {
        InfectiousWindow empty = new InfectiousWindow("A", at("2024-03-08 00:00"), at("2024-03-08 00:00"));
        assertTrue(empty.isEmpty());
        assertEquals(Optional.empty(), CloseContactRule.partInside(empty, at("2024-03-07 00:00"),
                at("2024-03-09 00:00"), false, Double.NaN, "household", true));
        assertEquals(Optional.empty(), CloseContactRule.partInside(empty, at("2024-03-08 00:00"),
                at("2024-03-08 00:00"), false, Double.NaN, "household", true));
    }

    @Test
    void theHouseholdPartCoversTheWholeWindowAndCountsAlone() {
        assertEquals(new ExposurePart(at("2024-03-08 00:00"), at("2024-03-10 14:00"), false, false, Double.NaN,
                "household", true), CloseContactRule.household(WINDOW));
    }

    @Test
    void theLastDayOfASpanEndingAtMidnightIsTheDayBeforeButAPointsIsItsOwn() {
        CloseContactRule rule = new CloseContactRule(RuleProfiles.CDC_2020);
        assertEquals(date("2024-03-09"), rule.lastDay(new ExposurePart(at("2024-03-09 20:00"),
                at("2024-03-10 00:00"), false, false, Double.NaN, "", false)));
        LocalDate tenth = rule.lastDay(new ExposurePart(at("2024-03-10 00:00"),
                at("2024-03-10 00:00"), true, false, Double.NaN, "", false));
        assertEquals(date("2024-03-10"), tenth);
        LocalDate again = rule.lastDay(new ExposurePart(at("2024-03-09 20:00"),
                at("2024-03-10 00:01"), false, false, Double.NaN, "", false));
        assertEquals(date("2024-03-10"), again);
        assertTrue(tenth == again, "one LocalDate per day");
    }

    @Test
    void evaluateUnitesTimedPartsPerDayAndKeepsOnlyCountedDays() {
        CloseContactRule rule = new CloseContactRule(RuleProfiles.CDC_2020);
        ExposurePart a = new ExposurePart(at("2024-03-08 10:00"), at("2024-03-08 10:10"), false, false, Double.NaN,
                "work", false);
        ExposurePart b = new ExposurePart(at("2024-03-08 10:05"), at("2024-03-08 10:15"), false, false, Double.NaN,
                "work", false);
        ExposurePart c = new ExposurePart(at("2024-03-09 10:00"), at("2024-03-09 10:14"), false, false, Double.NaN,
                "work", false);

        // 2024-03-08: union 10:00-10:15 = 15 minutes, counts; 2024-03-09: 14 minutes, does not.
        Exposure e = rule.evaluate("A", "B", 1, List.of(a, b, c)).orElseThrow();
        assertEquals(new Exposure("A", "B", 1, at("2024-03-08 10:00"), at("2024-03-08 10:15"), date("2024-03-08"),
                "work"), e);
        assertEquals("2024-03-08 10:00", e.firstText());
        assertEquals("2024-03-08 10:15", e.lastText());

        assertEquals(Optional.empty(), rule.evaluate("A", "B", 1, List.of(a, c)));
    }
}
