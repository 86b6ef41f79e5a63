package org.ctrace.domain.trace;

import static org.ctrace.domain.trace.Fixture.asOf;
import static org.ctrace.domain.trace.Fixture.confirmed;
import static org.ctrace.domain.trace.Fixture.describe;
import static org.ctrace.domain.trace.Fixture.describeOrders;
import static org.ctrace.domain.trace.Fixture.point;
import static org.ctrace.domain.trace.Fixture.span;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3 "Tiers and dates": how first and last exposure print (seconds dropped; a span ending
 * at midnight prints as 23:59 of the day before; a point at the same instant decides the day),
 * and quarantine_end = date(last_exposure) + days. Profile cn-9 (7 days centralized + 3 days
 * home monitoring); case A has onset 2024-03-10 and is still in the community.
 */
class LastExposureTest {

    private static Fixture.Run cn9() {
        return asOf("2024-03-12").cases(confirmed("A", "2024-03-10"));
    }

    @Test
    void aSpanEndingAtMidnightPrintsAs2359OfTheDayBefore() {
        Fixture.Run run = cn9().events(span("A", "B", "2024-03-09 20:00", "2024-03-10 00:00", "meal"));

        assertEquals(List.of("B|close|A|2024-03-09 20:00|2024-03-09 23:59|2024-03-09|A|meal"),
                describe(run.trace()));
        List<QuarantineOrder> orders = run.orders();
        assertEquals(List.of("B|close|A|2024-03-09 20:00|2024-03-09 23:59|centralized|2024-03-16|2024-03-19|none||quarantine"),
                describeOrders(orders));
        assertEquals("last exposure 2024-03-09 to A (meal); cn-9: 7 days centralized + 3 days home monitoring",
                orders.get(0).basis());
    }

    @Test
    void aPointAtTheSameInstantAsTheSpanEndDecidesTheDay() {
        Fixture.Run run = cn9().events(span("A", "C", "2024-03-09 20:00", "2024-03-10 00:00", "meal"),
                point("A", "C", "2024-03-10 00:00", "other"));

        assertEquals(List.of("C|close|A|2024-03-09 20:00|2024-03-10 00:00|2024-03-10|A|other"),
                describe(run.trace()));
        List<QuarantineOrder> orders = run.orders();
        assertEquals(List.of("C|close|A|2024-03-09 20:00|2024-03-10 00:00|centralized|2024-03-17|2024-03-20|none||quarantine"),
                describeOrders(orders));
        assertEquals("last exposure 2024-03-10 to A (other); cn-9: 7 days centralized + 3 days home monitoring",
                orders.get(0).basis());
    }

    @Test
    void aPointFromAnotherSourceAtTheSameInstantAlsoDecidesTheDay() {
        TraceResult r = asOf("2024-03-12").cases(confirmed("A", "2024-03-10"), confirmed("K", "2024-03-10"))
                .events(span("A", "X", "2024-03-09 20:00", "2024-03-10 00:00", "meal"),
                        point("K", "X", "2024-03-10 00:00", "work"))
                .trace();

        assertEquals(List.of("X|close|A;K|2024-03-09 20:00|2024-03-10 00:00|2024-03-10|K|work"), describe(r));
        assertEquals(List.of(
                "A>X|close|2024-03-09 20:00|2024-03-09 23:59|2024-03-09|meal",
                "K>X|close|2024-03-10 00:00|2024-03-10 00:00|2024-03-10|work"),
                r.graph().exposuresOf("X").stream().map(Fixture::describe).toList());
    }

    @Test
    void secondsAreDroppedNotRounded() {
        TraceResult r = cn9().events(span("A", "D", "2024-03-09 10:00:59", "2024-03-09 10:30:59", "work")).trace();

        assertEquals(List.of("D|close|A|2024-03-09 10:00|2024-03-09 10:30|2024-03-09|A|work"), describe(r));
    }

    @Test
    void lastExposureIsTheLatestEndNotTheLatestStart() {
        TraceResult r = cn9().events(span("A", "E", "2024-03-08 08:00", "2024-03-08 18:00", "work"),
                point("A", "E", "2024-03-08 12:00", "meal")).trace();

        assertEquals(List.of("E|close|A|2024-03-08 08:00|2024-03-08 18:00|2024-03-08|A|work"), describe(r));
    }

    @Test
    void aSpanEndingAtMidnightBeforeALaterPointOnTheSameDayIsNotTheLast() {
        // span ends 2024-03-09 24:00 (last day the 9th); point at 2024-03-09 23:30 is earlier.
        TraceResult r = cn9().events(span("A", "F", "2024-03-09 20:00", "2024-03-10 00:00", "meal"),
                point("A", "F", "2024-03-09 23:30", "work")).trace();

        assertEquals(List.of("F|close|A|2024-03-09 20:00|2024-03-09 23:59|2024-03-09|A|meal"), describe(r));
    }
}
