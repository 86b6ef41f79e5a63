package org.ctrace.domain.trace;

import static org.ctrace.domain.trace.Fixture.asOf;
import static org.ctrace.domain.trace.Fixture.classified;
import static org.ctrace.domain.trace.Fixture.confirmed;
import static org.ctrace.domain.trace.Fixture.describe;
import static org.ctrace.domain.trace.Fixture.describeOrders;
import static org.ctrace.domain.trace.Fixture.point;
import static org.ctrace.domain.trace.Fixture.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ctrace.domain.Classification;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.QuarantineRegistry;
import org.ctrace.domain.RuleProfile;
import org.ctrace.domain.RuleProfiles;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3: include_suspected decides whether suspected and probable cases are sources (they
 * are cases either way, never listed); a person's tier is the lowest that applies, and it
 * lists every source it is close to at that tier, with first and last exposure over them.
 */
class SourcesTest {

    /**
     * Cases A (confirmed), S (suspected), P (probable), Q (asymptomatic), onset 2024-03-10;
     * half-hour meals on 2024-03-09 (qualifying under every profile, distance unknown).
     */
    private static Fixture.Run classifications(RuleProfile rules) {
        return asOf("2024-03-12").rules(rules)
                .cases(confirmed("A", "2024-03-10"),
                        classified("S", Classification.SUSPECTED, "2024-03-10"),
                        classified("P", Classification.PROBABLE, "2024-03-10"),
                        classified("Q", Classification.ASYMPTOMATIC, "2024-03-10"))
                .events(span("A", "S", "2024-03-09 12:00", "2024-03-09 12:30", "meal"),
                        span("S", "X", "2024-03-09 12:00", "2024-03-09 12:30", "meal"),
                        span("P", "Y", "2024-03-09 13:00", "2024-03-09 13:30", "meal"),
                        span("Q", "Z", "2024-03-09 14:00", "2024-03-09 14:30", "meal"));
    }

    private static final String X = "X|close|S|2024-03-09 12:00|2024-03-09 12:30|2024-03-09|S|meal";
    private static final String Y = "Y|close|P|2024-03-09 13:00|2024-03-09 13:30|2024-03-09|P|meal";
    private static final String Z = "Z|close|Q|2024-03-09 14:00|2024-03-09 14:30|2024-03-09|Q|meal";

    @Test
    void westernProfilesDoNotUseSuspectedOrProbableCasesAsSources() {
        for (RuleProfile rules : List.of(RuleProfiles.CDC_2020, RuleProfiles.ECDC_2020)) {
            TraceResult r = classifications(rules).trace();
            assertEquals(List.of(Z), describe(r), rules.name());
            assertEquals(4, r.summary().cases(), rules.name());
            assertEquals(2, r.summary().sources(), rules.name());
        }
    }

    @Test
    void chineseProfilesUseSuspectedAndProbableCasesAsSourcesButNeverListThem() {
        for (RuleProfile rules : List.of(RuleProfiles.CN_9, RuleProfiles.CN_8, RuleProfiles.CN_5)) {
            TraceResult r = classifications(rules).trace();
            assertEquals(List.of(X, Y, Z), describe(r), rules.name());
            assertEquals(4, r.summary().cases(), rules.name());
            assertEquals(4, r.summary().sources(), rules.name());
        }
    }

    @Test
    void includeSuspectedCanBeSwitchedOn() {
        RuleProfile cdc = RuleProfiles.CDC_2020.toBuilder().includeSuspected(true).build();
        assertTrue(cdc.adjusted());

        TraceResult r = classifications(cdc).trace();
        assertEquals(List.of(X, Y, Z), describe(r));
        assertEquals(4, r.summary().sources());
    }

    /**
     * Cases A and C (onset 2024-03-10). X meets both; Y meets A; X and Y (both close) meet each
     * other; Z meets X and Y (secondary); W meets X first, then case A (close wins).
     */
    private static Fixture.Run lowestTier() {
        return asOf("2024-03-12").cases(confirmed("A", "2024-03-10"), confirmed("C", "2024-03-10"))
                .events(span("A", "X", "2024-03-08 10:00", "2024-03-08 11:00", "meal"),
                        span("C", "X", "2024-03-09 18:00", "2024-03-09 19:00", "meal"),
                        point("A", "Y", "2024-03-08 12:00", "work"),
                        span("X", "Y", "2024-03-09 20:00", "2024-03-09 21:00", "meal"),
                        point("X", "Z", "2024-03-10 09:00", "work"),
                        point("Y", "Z", "2024-03-10 10:00", "work"),
                        point("X", "W", "2024-03-10 08:00", "work"),
                        point("A", "W", "2024-03-11 08:00", "work"),
                        span("A", "C", "2024-03-08 10:00", "2024-03-08 11:00", "meal"));
    }

    @Test
    void theLowestTierWinsAndEverySourceAtThatTierIsListed() {
        TraceResult r = lowestTier().trace();

        assertEquals(List.of(
                "W|close|A|2024-03-11 08:00|2024-03-11 08:00|2024-03-11|A|work",
                "X|close|A;C|2024-03-08 10:00|2024-03-09 19:00|2024-03-09|C|meal",
                "Y|close|A|2024-03-08 12:00|2024-03-08 12:00|2024-03-08|A|work",
                "Z|secondary|X;Y|2024-03-10 09:00|2024-03-10 10:00|2024-03-10|Y|work"), describe(r));
        assertEquals(List.of(
                "A>X|close|2024-03-08 10:00|2024-03-08 11:00|2024-03-08|meal",
                "C>X|close|2024-03-09 18:00|2024-03-09 19:00|2024-03-09|meal"),
                r.graph().exposuresOf("X").stream().map(Fixture::describe).toList());
        assertEquals(List.of(
                "X>Z|secondary|2024-03-10 09:00|2024-03-10 09:00|2024-03-10|work",
                "Y>Z|secondary|2024-03-10 10:00|2024-03-10 10:00|2024-03-10|work"),
                r.graph().exposuresOf("Z").stream().map(Fixture::describe).toList());
        assertEquals(List.of(), r.graph().exposuresOf("A"));
        assertEquals(List.of(), r.graph().exposuresOf("C"));
        assertEquals(3, r.summary().atTier(1));
        assertEquals(1, r.summary().atTier(2));
    }

    @Test
    void theBasisNamesTheSourceOfTheLastExposure() {
        List<QuarantineOrder> orders = lowestTier().orders();

        assertEquals(List.of(
                "W|close|A|2024-03-11 08:00|2024-03-11 08:00|centralized|2024-03-18|2024-03-21|none||quarantine",
                "X|close|A;C|2024-03-08 10:00|2024-03-09 19:00|centralized|2024-03-16|2024-03-19|none||quarantine",
                "Y|close|A|2024-03-08 12:00|2024-03-08 12:00|centralized|2024-03-15|2024-03-18|none||quarantine",
                "Z|secondary|X;Y|2024-03-10 09:00|2024-03-10 10:00|home|2024-03-17||none||quarantine"),
                describeOrders(orders));
        assertEquals("last exposure 2024-03-09 to C (meal); cn-9: 7 days centralized + 3 days home monitoring",
                orders.get(1).basis());
        assertEquals("last exposure 2024-03-10 to Y (work); cn-9: 7 days home", orders.get(3).basis());
    }

    @Test
    void aCaseCannotBeListedTwice() {
        assertThrows(IllegalArgumentException.class, () -> new ContactTracer(RuleProfiles.CN_9,
                List.of(confirmed("A", "2024-03-10"), confirmed("A", "2024-03-11")), PersonRegistry.none(),
                QuarantineRegistry.none(), sink -> { }, Fixture.date("2024-03-12"), 2));
    }
}
