package org.ctrace.domain.trace;

import static org.ctrace.domain.trace.Fixture.asOf;
import static org.ctrace.domain.trace.Fixture.confirmed;
import static org.ctrace.domain.trace.Fixture.dateOnly;
import static org.ctrace.domain.trace.Fixture.describe;
import static org.ctrace.domain.trace.Fixture.point;
import static org.ctrace.domain.trace.Fixture.span;
import static org.ctrace.domain.trace.Fixture.time;
import static org.ctrace.domain.trace.Fixture.zeroLength;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ctrace.domain.RuleProfile;
import org.ctrace.domain.RuleProfiles;
import org.ctrace.domain.UnknownDuration;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3 "Close pairs and exposure": which calendar days count, and the exposure over the
 * counted days. Profile cdc-2020 (min_minutes 15, lookback 2) unless told otherwise; case A
 * (onset 2024-03-10, still in the community) has the window [2024-03-08 00:00, 2024-03-13 00:00).
 */
class DayCountingTest {

    private static final RuleProfile CDC = RuleProfiles.CDC_2020;

    private static Fixture.Run cdc() {
        return asOf("2024-03-12").rules(CDC).cases(confirmed("A", "2024-03-10"));
    }

    @Test
    void aMeetingReportedByBothPersonsIsCountedOnce() {
        TraceResult r = cdc().events(
                // the same 10 minutes reported twice: 10 minutes
                span("A", "B", "2024-03-09 10:00", "2024-03-09 10:10", "work"),
                span("B", "A", "2024-03-09 10:00", "2024-03-09 10:10", "work"),
                // 10 + 10 overlapping minutes: union 10:00-10:13, 13 minutes
                span("A", "C", "2024-03-09 10:00", "2024-03-09 10:10", "work"),
                span("C", "A", "2024-03-09 10:03", "2024-03-09 10:13", "work"),
                // 10 + 10 disjoint minutes: 20 minutes
                span("A", "D", "2024-03-09 10:00", "2024-03-09 10:10", "work"),
                span("D", "A", "2024-03-09 14:00", "2024-03-09 14:10", "work"),
                // 10 + 10 adjacent minutes: 20 minutes
                span("A", "E", "2024-03-09 10:00", "2024-03-09 10:10", "work"),
                span("E", "A", "2024-03-09 10:10", "2024-03-09 10:20", "work"))
                .trace();

        assertEquals(List.of(
                "D|close|A|2024-03-09 10:00|2024-03-09 14:10|2024-03-09|A|work",
                "E|close|A|2024-03-09 10:00|2024-03-09 10:20|2024-03-09|A|work"), describe(r));
    }

    @Test
    void minutesMustReachMinMinutes() {
        TraceResult r = cdc().events(
                span("A", "B", "2024-03-09 10:00", "2024-03-09 10:15", "work"),
                span("A", "C", "2024-03-09 10:00:00", "2024-03-09 10:14:59", "work"))
                .trace();

        assertEquals(List.of("B|close|A|2024-03-09 10:00|2024-03-09 10:15|2024-03-09|A|work"), describe(r));
    }

    @Test
    void dateOnlyReportsAreAddedAsTheyAreToTheUnionOfTimedParts() {
        TraceResult r = cdc().events(
                // 10 timed + 5 date-only = 15
                span("A", "B", "2024-03-09 10:00", "2024-03-09 10:10", "work"),
                dateOnly("A", "B", "2024-03-09", 5, "work"),
                // the same date-only report from both persons: 10 + 10 = 20 (not a union)
                dateOnly("A", "C", "2024-03-09", 10, "work"),
                dateOnly("C", "A", "2024-03-09", 10, "work"),
                // 4 timed + 10 date-only = 14
                span("A", "D", "2024-03-09 10:00", "2024-03-09 10:04", "work"),
                dateOnly("D", "A", "2024-03-09", 10, "work"))
                .trace();

        assertEquals(List.of(
                "B|close|A|2024-03-09 00:00|2024-03-09 23:59|2024-03-09|A|work",
                "C|close|A|2024-03-09 00:00|2024-03-09 23:59|2024-03-09|A|work"), describe(r));
    }

    @Test
    void aDateOnlyEventAddsTheLesserOfItsDurationAndTheDaysMinutesInsideTheWindow() {
        // K's window is [2024-03-08 00:00, 00:10): 10 minutes of that day; J's is [00:00, 00:15).
        TraceResult r = asOf("2024-03-12").rules(CDC)
                .cases(confirmed("K", "2024-03-10", time("2024-03-08 00:10")),
                        confirmed("J", "2024-03-10", time("2024-03-08 00:15")))
                .events(dateOnly("K", "B", "2024-03-08", 60, "work"),
                        dateOnly("J", "C", "2024-03-08", 60, "work"),
                        dateOnly("J", "D", "2024-03-08", 14, "work"))
                .trace();

        assertEquals(List.of("C|close|J|2024-03-08 00:00|2024-03-08 00:15|2024-03-08|J|work"), describe(r));
    }

    @Test
    void anEventCrossingMidnightIsSplitAndEachDayCountsOnItsOwn() {
        TraceResult r = cdc().events(
                // 10 minutes on the 9th, 20 on the 10th: only the 10th counts
                span("A", "B", "2024-03-09 23:50", "2024-03-10 00:20", "work"),
                // 15 minutes on the 8th, 5 on the 9th: only the 8th counts
                span("A", "C", "2024-03-08 23:45", "2024-03-09 00:05", "work"))
                .trace();

        assertEquals(List.of(
                "B|close|A|2024-03-10 00:00|2024-03-10 00:20|2024-03-10|A|work",
                "C|close|A|2024-03-08 23:45|2024-03-08 23:59|2024-03-08|A|work"), describe(r));
    }

    @Test
    void theSplitMattersEvenWhenTheWholeEventWouldReachMinMinutes() {
        // 10 minutes on each side of midnight: 20 in all, but no single day reaches 15.
        TraceResult r = cdc().events(span("A", "B", "2024-03-09 23:50", "2024-03-10 00:10", "work")).trace();

        assertEquals(List.of(), describe(r));
    }

    @Test
    void withMinMinutesZeroBothDaysOfACrossingEventCount() {
        TraceResult r = asOf("2024-03-12").cases(confirmed("A", "2024-03-10"))
                .events(span("A", "B", "2024-03-09 23:50", "2024-03-10 00:20", "work"))
                .trace();

        assertEquals(List.of("B|close|A|2024-03-09 23:50|2024-03-10 00:20|2024-03-10|A|work"), describe(r));
    }

    @Test
    void onlyCountedDaysFormTheExposure() {
        TraceResult r = cdc().events(
                span("A", "B", "2024-03-08 09:00", "2024-03-08 09:05", "work"),
                span("A", "B", "2024-03-09 10:00", "2024-03-09 10:20", "work"),
                span("A", "B", "2024-03-10 16:00", "2024-03-10 16:05", "work"))
                .trace();

        assertEquals(List.of("B|close|A|2024-03-09 10:00|2024-03-09 10:20|2024-03-09|A|work"), describe(r));
    }

    @Test
    void anAlwaysCloseEventMakesItsDayCountAndTheDaysOtherPartsJoinTheExposure() {
        TraceResult r = cdc().events(
                span("A", "B", "2024-03-09 10:00", "2024-03-09 10:01", "household"),
                span("A", "B", "2024-03-09 18:00", "2024-03-09 18:05", "work"),
                span("A", "B", "2024-03-10 18:00", "2024-03-10 18:05", "work"))
                .trace();

        assertEquals(List.of("B|close|A|2024-03-09 10:00|2024-03-09 18:05|2024-03-09|A|work"), describe(r));
    }

    @Test
    void unknownDurationCloseMakesTheDayCountByItself() {
        TraceResult r = cdc().events(
                point("A", "B", "2024-03-09 10:00", "work"),
                dateOnly("A", "C", "2024-03-09", Double.NaN, "work"),
                // a timed zero-length event has 0 known minutes, not unknown ones
                zeroLength("A", "D", "2024-03-09 10:00", "work"),
                // a date-only event with duration 0 stays date-only with 0 minutes
                dateOnly("A", "E", "2024-03-09", 0, "work"))
                .trace();

        assertEquals(List.of(
                "B|close|A|2024-03-09 10:00|2024-03-09 10:00|2024-03-09|A|work",
                "C|close|A|2024-03-09 00:00|2024-03-09 23:59|2024-03-09|A|work"), describe(r));
    }

    @Test
    void unknownDurationIgnoreAddsZeroMinutes() {
        RuleProfile ignore = CDC.toBuilder().unknownDuration(UnknownDuration.IGNORE).build();
        TraceResult r = asOf("2024-03-12").rules(ignore).cases(confirmed("A", "2024-03-10"))
                .events(point("A", "B", "2024-03-09 10:00", "work"),
                        dateOnly("A", "C", "2024-03-09", Double.NaN, "work"),
                        // 15 timed minutes make the day count; the point then joins the exposure
                        span("A", "D", "2024-03-09 10:00", "2024-03-09 10:15", "work"),
                        point("A", "D", "2024-03-09 18:00", "venue"),
                        // 14 timed minutes + a point of unknown minutes: 14
                        span("A", "E", "2024-03-09 10:00", "2024-03-09 10:14", "work"),
                        point("A", "E", "2024-03-09 18:00", "venue"))
                .trace();

        assertEquals(List.of("D|close|A|2024-03-09 10:00|2024-03-09 18:00|2024-03-09|A|venue"), describe(r));
    }

    @Test
    void minMinutesZeroMeansAnyQualifyingContactEvenUnderIgnore() {
        RuleProfile ignore = RuleProfiles.CN_9.toBuilder().unknownDuration(UnknownDuration.IGNORE).build();
        TraceResult r = asOf("2024-03-12").rules(ignore).cases(confirmed("A", "2024-03-10"))
                .events(point("A", "B", "2024-03-09 10:00", "work"),
                        zeroLength("A", "C", "2024-03-09 10:00", "work"),
                        dateOnly("A", "D", "2024-03-09", 0, "work"))
                .trace();

        assertEquals(List.of(
                "B|close|A|2024-03-09 10:00|2024-03-09 10:00|2024-03-09|A|work",
                "C|close|A|2024-03-09 10:00|2024-03-09 10:00|2024-03-09|A|work",
                "D|close|A|2024-03-09 00:00|2024-03-09 23:59|2024-03-09|A|work"), describe(r));
    }
}
