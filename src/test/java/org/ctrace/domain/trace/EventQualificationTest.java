package org.ctrace.domain.trace;

import static org.ctrace.domain.trace.Fixture.asOf;
import static org.ctrace.domain.trace.Fixture.confirmed;
import static org.ctrace.domain.trace.Fixture.describe;
import static org.ctrace.domain.trace.Fixture.metres;
import static org.ctrace.domain.trace.Fixture.point;
import static org.ctrace.domain.trace.Fixture.protectedly;
import static org.ctrace.domain.trace.Fixture.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.ctrace.domain.RuleProfile;
import org.ctrace.domain.RuleProfiles;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3 "Events": an event qualifies when it is not protected, meets the window, and its
 * setting is always-close or its distance is unknown or at most max_distance_m. Case A has
 * onset 2024-03-10 and is still in the community; the run is as of 2024-03-12.
 */
class EventQualificationTest {

    @Test
    void protectedEventsNeverQualifyEvenInAlwaysCloseSettings() {
        TraceResult r = asOf("2024-03-12").cases(confirmed("A", "2024-03-10"))
                .events(protectedly(span("A", "B", "2024-03-08 12:00", "2024-03-08 13:00", "meal")),
                        span("A", "C", "2024-03-08 12:00", "2024-03-08 13:00", "meal"),
                        protectedly(point("A", "D", "2024-03-08 12:00", "household")))
                .trace();

        assertEquals(List.of("C|close|A|2024-03-08 12:00|2024-03-08 13:00|2024-03-08|A|meal"), describe(r));
    }

    @Test
    void cn9DistanceAboveOneMetreDisqualifiesExceptInAlwaysCloseSettings() {
        TraceResult r = asOf("2024-03-12").cases(confirmed("A", "2024-03-10"))
                .events(metres(1.5, span("A", "B", "2024-03-08 12:00", "2024-03-08 13:00", "work")),
                        metres(1.0, span("A", "C", "2024-03-08 12:00", "2024-03-08 13:00", "work")),
                        span("A", "D", "2024-03-08 12:00", "2024-03-08 13:00", "work"),
                        metres(3, span("A", "E", "2024-03-08 12:00", "2024-03-08 13:00", "meal")),
                        metres(10, span("A", "F", "2024-03-08 12:00", "2024-03-08 13:00", "vehicle")),
                        metres(1.01, span("A", "G", "2024-03-08 12:00", "2024-03-08 13:00", "")))
                .trace();

        assertEquals(List.of(
                "C|close|A|2024-03-08 12:00|2024-03-08 13:00|2024-03-08|A|work",
                "D|close|A|2024-03-08 12:00|2024-03-08 13:00|2024-03-08|A|work",
                "E|close|A|2024-03-08 12:00|2024-03-08 13:00|2024-03-08|A|meal",
                "F|close|A|2024-03-08 12:00|2024-03-08 13:00|2024-03-08|A|vehicle"), describe(r));
    }

    @Test
    void cdcDistanceAtMaxQualifiesAboveDoesNotAndHouseholdIgnoresDistanceAndMinutes() {
        // cdc-2020: lookback 2, min_minutes 15, max_distance_m 1.83, always-close: household only.
        TraceResult r = asOf("2024-03-12").rules(RuleProfiles.CDC_2020).cases(confirmed("A", "2024-03-10"))
                .events(metres(1.84, span("A", "B", "2024-03-09 10:00", "2024-03-09 10:20", "work")),
                        metres(1.83, span("A", "C", "2024-03-09 10:00", "2024-03-09 10:20", "work")),
                        metres(5, span("A", "D", "2024-03-09 10:00", "2024-03-09 10:05", "household")),
                        metres(0.5, span("A", "E", "2024-03-09 10:00", "2024-03-09 10:05", "meal")))
                .trace();

        assertEquals(List.of(
                "C|close|A|2024-03-09 10:00|2024-03-09 10:20|2024-03-09|A|work",
                "D|close|A|2024-03-09 10:00|2024-03-09 10:05|2024-03-09|A|household"), describe(r));
    }

    @Test
    void ecdcDistanceAtTwoMetresQualifies() {
        TraceResult r = asOf("2024-03-12").rules(RuleProfiles.ECDC_2020).cases(confirmed("A", "2024-03-10"))
                .events(metres(2.0, span("A", "B", "2024-03-09 10:00", "2024-03-09 10:20", "work")),
                        metres(2.01, span("A", "C", "2024-03-09 10:00", "2024-03-09 10:20", "work")))
                .trace();

        assertEquals(List.of("B|close|A|2024-03-09 10:00|2024-03-09 10:20|2024-03-09|A|work"), describe(r));
    }

    @Test
    void overriddenAlwaysCloseSettingsReplaceTheProfiles() {
        RuleProfile workOnly = RuleProfiles.CDC_2020.toBuilder().alwaysCloseSettings(Set.of("work")).build();
        assertTrue(workOnly.adjusted());

        TraceResult r = asOf("2024-03-12").rules(workOnly).cases(confirmed("A", "2024-03-10"))
                .events(metres(3, span("A", "B", "2024-03-09 10:00", "2024-03-09 10:05", "work")),
                        metres(3, span("A", "C", "2024-03-09 10:00", "2024-03-09 10:05", "household")),
                        span("A", "D", "2024-03-09 10:00", "2024-03-09 10:05", "household"))
                .trace();

        assertEquals(List.of("B|close|A|2024-03-09 10:00|2024-03-09 10:05|2024-03-09|A|work"), describe(r));
    }

    @Test
    void onlyThePartInsideTheWindowCounts() {
        // Window [2024-03-08 00:00, 2024-03-09 12:00) under cdc-2020: the event has 20 minutes but only 10 inside.
        TraceResult r = asOf("2024-03-12").rules(RuleProfiles.CDC_2020)
                .cases(confirmed("A", "2024-03-10", Fixture.time("2024-03-09 12:00")))
                .events(span("A", "B", "2024-03-09 11:50", "2024-03-09 12:10", "work"),
                        span("A", "C", "2024-03-09 11:40", "2024-03-09 12:10", "work"))
                .trace();

        assertEquals(List.of("C|close|A|2024-03-09 11:40|2024-03-09 12:00|2024-03-09|A|work"), describe(r));
    }
}
