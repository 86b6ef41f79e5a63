package org.ctrace.domain.trace;

import static org.ctrace.domain.trace.Fixture.asOf;
import static org.ctrace.domain.trace.Fixture.at;
import static org.ctrace.domain.trace.Fixture.confirmed;
import static org.ctrace.domain.trace.Fixture.describe;
import static org.ctrace.domain.trace.Fixture.inHousehold;
import static org.ctrace.domain.trace.Fixture.on;
import static org.ctrace.domain.trace.Fixture.point;
import static org.ctrace.domain.trace.Fixture.span;
import static org.ctrace.domain.trace.Fixture.time;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.ctrace.domain.Case;
import org.ctrace.domain.Classification;
import org.ctrace.domain.InfectiousWindow;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.QuarantineRegistry;
import org.ctrace.domain.RuleProfiles;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3 "Windows" for cases: [00:00 of anchor − lookback_days, isolation), a date alone
 * closing at 24:00 of that day, never past 24:00 of the as-of day. Profile cn-9 (lookback 4,
 * min_minutes 0) unless told otherwise; case A has onset 2024-03-10, so its window opens at
 * 2024-03-06 00:00.
 */
class CaseWindowTest {

    @Test
    void windowOpensAtMidnightOfAnchorMinusLookbackDays() {
        TraceResult r = asOf("2024-03-12").cases(confirmed("A", "2024-03-10"))
                .events(point("A", "B", "2024-03-05 23:59", "work"),
                        point("A", "C", "2024-03-06 00:00", "work"),
                        span("A", "D", "2024-03-05 23:00", "2024-03-06 00:00", "work"),
                        span("A", "E", "2024-03-05 23:30", "2024-03-06 00:30", "work"))
                .trace();

        assertEquals(List.of(
                "C|close|A|2024-03-06 00:00|2024-03-06 00:00|2024-03-06|A|work",
                "E|close|A|2024-03-06 00:00|2024-03-06 00:30|2024-03-06|A|work"), describe(r));
    }

    @Test
    void anchorIsTheSampleDateOnlyWhenOnsetIsEmpty() {
        Case sampleOnly = new Case("A", Classification.CONFIRMED, null, LocalDate.parse("2024-03-10"), null, "");
        Case both = new Case("K", Classification.CONFIRMED, LocalDate.parse("2024-03-10"),
                LocalDate.parse("2024-03-08"), null, "");
        TraceResult r = asOf("2024-03-12").cases(sampleOnly, both)
                .events(point("A", "B", "2024-03-05 23:59", "work"),
                        point("A", "C", "2024-03-06 00:00", "work"),
                        point("K", "F", "2024-03-04 12:00", "work"),
                        point("K", "G", "2024-03-06 00:00", "work"))
                .trace();

        assertEquals(List.of(
                "C|close|A|2024-03-06 00:00|2024-03-06 00:00|2024-03-06|A|work",
                "G|close|K|2024-03-06 00:00|2024-03-06 00:00|2024-03-06|K|work"), describe(r));
    }

    @Test
    void lookbackDaysFollowTheProfile() {
        // cdc-2020: lookback 2, so the window opens at 2024-03-08 00:00; a point's unknown minutes count (close).
        TraceResult cdc = asOf("2024-03-12").rules(RuleProfiles.CDC_2020).cases(confirmed("A", "2024-03-10"))
                .events(point("A", "B", "2024-03-07 23:59", "work"),
                        point("A", "C", "2024-03-08 00:00", "work"))
                .trace();
        assertEquals(List.of("C|close|A|2024-03-08 00:00|2024-03-08 00:00|2024-03-08|A|work"), describe(cdc));

        // cn-9 with --lookback-days 5: opens at 2024-03-05 00:00.
        TraceResult five = asOf("2024-03-12").rules(RuleProfiles.CN_9.toBuilder().lookbackDays(5).build())
                .cases(confirmed("A", "2024-03-10"))
                .events(point("A", "B", "2024-03-04 23:59", "work"),
                        point("A", "C", "2024-03-05 00:00", "work"))
                .trace();
        assertEquals(List.of("C|close|A|2024-03-05 00:00|2024-03-05 00:00|2024-03-05|A|work"), describe(five));
    }

    @Test
    void timedIsolationClosesTheWindowAtItsInstant() {
        TraceResult r = asOf("2024-03-12").cases(confirmed("A", "2024-03-10", time("2024-03-10 14:00")))
                .events(point("A", "B", "2024-03-10 14:00", "work"),
                        point("A", "C", "2024-03-10 13:59:59", "work"),
                        span("A", "D", "2024-03-10 13:00", "2024-03-10 15:00", "work"))
                .trace();

        assertEquals(List.of(
                "C|close|A|2024-03-10 13:59|2024-03-10 13:59|2024-03-10|A|work",
                "D|close|A|2024-03-10 13:00|2024-03-10 14:00|2024-03-10|A|work"), describe(r));
    }

    @Test
    void dateOnlyIsolationClosesTheWindowAt24OfThatDay() {
        TraceResult r = asOf("2024-03-12").cases(confirmed("A", "2024-03-10", on("2024-03-10")))
                .events(point("A", "B", "2024-03-10 23:59", "work"),
                        point("A", "C", "2024-03-11 00:00", "work"),
                        span("A", "D", "2024-03-10 23:00", "2024-03-11 01:00", "work"))
                .trace();

        assertEquals(List.of(
                "B|close|A|2024-03-10 23:59|2024-03-10 23:59|2024-03-10|A|work",
                "D|close|A|2024-03-10 23:00|2024-03-10 23:59|2024-03-10|A|work"), describe(r));
    }

    @Test
    void timedIsolationAtMidnightClosesBeforeThatDayUnlikeTheDateAlone() {
        TraceResult r = asOf("2024-03-12").cases(confirmed("A", "2024-03-10", time("2024-03-10 00:00")))
                .events(point("A", "B", "2024-03-10 08:00", "work"),
                        point("A", "C", "2024-03-09 23:59", "work"))
                .trace();

        assertEquals(List.of("C|close|A|2024-03-09 23:59|2024-03-09 23:59|2024-03-09|A|work"), describe(r));
    }

    @Test
    void isolationAfterTheAsOfDayIsCutAt24OfTheAsOfDay() {
        TraceResult r = asOf("2024-03-10").cases(confirmed("A", "2024-03-10", on("2024-03-15")))
                .events(span("A", "B", "2024-03-10 23:00", "2024-03-11 02:00", "work"),
                        point("A", "C", "2024-03-11 01:00", "work"))
                .trace();

        assertEquals(List.of("B|close|A|2024-03-10 23:00|2024-03-10 23:59|2024-03-10|A|work"), describe(r));
        assertEquals(2, r.summary().eventsRead());
        assertEquals(1, r.summary().eventsAfterAsOf());
    }

    @Test
    void withoutIsolationTheWindowRunsTo24OfTheAsOfDay() {
        TraceResult r = asOf("2024-03-10").cases(confirmed("A", "2024-03-10"))
                .events(point("A", "B", "2024-03-10 23:59:59", "work"),
                        point("A", "C", "2024-03-11 00:00", "work"))
                .trace();

        assertEquals(List.of("B|close|A|2024-03-10 23:59|2024-03-10 23:59|2024-03-10|A|work"), describe(r));
        assertEquals(2, r.summary().eventsRead());
        assertEquals(1, r.summary().eventsAfterAsOf());
    }

    @Test
    void caseIsolatedBeforeItsWindowOpensExposesNoOneNotEvenItsHousehold() {
        // Window [2024-03-06 00:00, 2024-03-06 00:00): empty.
        TraceResult r = asOf("2024-03-12").cases(confirmed("A", "2024-03-10", on("2024-03-05")))
                .persons(inHousehold("A", "h1"), inHousehold("H", "h1"))
                .events(point("A", "B", "2024-03-05 12:00", "work"),
                        span("A", "C", "2024-03-07 12:00", "2024-03-07 13:00", "meal"))
                .trace();

        assertEquals(List.of(), describe(r));
        assertEquals(0, r.graph().size());
        assertEquals(1, r.summary().cases());
        assertEquals(1, r.summary().sources());
        assertEquals(List.of("A"), r.summary().emptyWindows().stream().map(InfectiousWindow::sourceId).toList());
        assertEquals(0, r.summary().atTier(1));
        assertEquals(0, r.summary().beyondClose());
    }

    @Test
    void caseWindowIsComputedFromAnchorIsolationAndAsOf() {
        ContactTracer tracer = new ContactTracer(RuleProfiles.CN_9, List.of(), PersonRegistry.none(),
                QuarantineRegistry.none(), sink -> { }, LocalDate.parse("2024-03-12"), 2);

        InfectiousWindow open = tracer.caseWindow(confirmed("A", "2024-03-10"));
        assertEquals("A", open.sourceId());
        assertEquals(at("2024-03-06 00:00"), open.opens());
        assertEquals(at("2024-03-13 00:00"), open.closes());

        InfectiousWindow dateIsolated = tracer.caseWindow(confirmed("A", "2024-03-10", on("2024-03-10")));
        assertEquals(at("2024-03-06 00:00"), dateIsolated.opens());
        assertEquals(at("2024-03-11 00:00"), dateIsolated.closes());

        InfectiousWindow timeIsolated = tracer.caseWindow(confirmed("A", "2024-03-10", time("2024-03-10 14:30")));
        assertEquals(at("2024-03-06 00:00"), timeIsolated.opens());
        assertEquals(at("2024-03-10 14:30"), timeIsolated.closes());

        InfectiousWindow early = tracer.caseWindow(confirmed("A", "2024-03-10", on("2024-03-05")));
        assertEquals(at("2024-03-06 00:00"), early.opens());
        assertEquals(at("2024-03-06 00:00"), early.closes());
        assertTrue(early.isEmpty());

        InfectiousWindow lateIsolation = tracer.caseWindow(confirmed("A", "2024-03-10", on("2024-03-20")));
        assertEquals(at("2024-03-13 00:00"), lateIsolation.closes());
    }
}
