package org.ctrace.domain.trace;

import static org.ctrace.domain.trace.Fixture.asOf;
import static org.ctrace.domain.trace.Fixture.confirmed;
import static org.ctrace.domain.trace.Fixture.dateOnly;
import static org.ctrace.domain.trace.Fixture.describe;
import static org.ctrace.domain.trace.Fixture.point;
import static org.ctrace.domain.trace.Fixture.span;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3 "The as-of day": events that start at or after 24:00 of the as-of day are not used,
 * and the summary counts them. Profile cn-9; case A (onset 2024-03-10) is still in the
 * community, so its window is [2024-03-06 00:00, 2024-03-13 00:00).
 */
class AsOfDayTest {

    @Test
    void eventsStartingAtOrAfter24OfTheAsOfDayAreNotUsedButCounted() {
        TraceResult r = asOf("2024-03-12").cases(confirmed("A", "2024-03-10"))
                .events(point("A", "B", "2024-03-12 23:59:59", "work"),
                        point("A", "C", "2024-03-13 00:00", "work"),
                        span("A", "D", "2024-03-13 00:00", "2024-03-13 01:00", "meal"),
                        dateOnly("A", "E", "2024-03-13", Double.NaN, "work"),
                        dateOnly("A", "F", "2024-03-12", Double.NaN, "work"))
                .trace();

        assertEquals(List.of(
                "B|close|A|2024-03-12 23:59|2024-03-12 23:59|2024-03-12|A|work",
                "F|close|A|2024-03-12 00:00|2024-03-12 23:59|2024-03-12|A|work"), describe(r));
        TraceSummary s = r.summary();
        assertEquals(1, s.cases());
        assertEquals(1, s.sources());
        assertEquals(5, s.eventsRead());
        assertEquals(3, s.eventsAfterAsOf());
        assertEquals(2, s.atTier(1));
        assertEquals(0, s.atTier(2));
        assertEquals(0, s.beyondClose());
    }

    @Test
    void anEventStartingBeforeTheEndOfTheAsOfDayCountsOnlyUpTo24() {
        TraceResult r = asOf("2024-03-12").cases(confirmed("A", "2024-03-10"))
                .events(span("A", "B", "2024-03-12 22:00", "2024-03-13 03:00", "meal"))
                .trace();

        assertEquals(List.of("B|close|A|2024-03-12 22:00|2024-03-12 23:59|2024-03-12|A|meal"), describe(r));
        assertEquals(1, r.summary().eventsRead());
        assertEquals(0, r.summary().eventsAfterAsOf());
    }
}
