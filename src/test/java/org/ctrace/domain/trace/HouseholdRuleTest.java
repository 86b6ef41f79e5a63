package org.ctrace.domain.trace;

import static org.ctrace.domain.trace.Fixture.asOf;
import static org.ctrace.domain.trace.Fixture.confirmed;
import static org.ctrace.domain.trace.Fixture.describe;
import static org.ctrace.domain.trace.Fixture.describeOrders;
import static org.ctrace.domain.trace.Fixture.inHousehold;
import static org.ctrace.domain.trace.Fixture.on;
import static org.ctrace.domain.trace.Fixture.row;
import static org.ctrace.domain.trace.Fixture.span;
import static org.ctrace.domain.trace.Fixture.time;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ctrace.domain.QuarantineStatus;
import org.ctrace.domain.RuleProfiles;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3 household_rule: persons sharing a source's household_id have every day of the
 * source's window counted, and exposure over the whole window; at tier 1 (a case) and at
 * tier 2 (a close contact, whose window runs from its first exposure to its quarantine start).
 *
 * <p>Households: h1 = {A, H}, h2 = {B, M}; N has no household. Case A (onset 2024-03-10,
 * isolated on 2024-03-09) has the cn-9 window [2024-03-06 00:00, 2024-03-10 00:00). B meets A
 * at a meal on 2024-03-08 10:00–11:00 and is in centralized quarantine from 2024-03-09, so
 * B's window is [2024-03-08 10:00, 2024-03-10 00:00).
 */
class HouseholdRuleTest {

    private static Fixture.Run households() {
        return asOf("2024-03-12").cases(confirmed("A", "2024-03-10", on("2024-03-09")))
                .persons(inHousehold("A", "h1"), inHousehold("H", "h1"), inHousehold("B", "h2"),
                        inHousehold("M", "h2"), inHousehold("N", ""))
                .rows(row("B", QuarantineStatus.CENTRALIZED, on("2024-03-09"), null))
                .events(span("A", "B", "2024-03-08 10:00", "2024-03-08 11:00", "meal"));
    }

    @Test
    void householdMembersAreExposedOverTheWholeWindowAtTier1AndTier2() {
        Fixture.Run run = households();

        assertEquals(List.of(
                "B|close|A|2024-03-08 10:00|2024-03-08 11:00|2024-03-08|A|meal",
                "H|close|A|2024-03-06 00:00|2024-03-09 23:59|2024-03-09|A|household",
                "M|secondary|B|2024-03-08 10:00|2024-03-09 23:59|2024-03-09|B|household"), describe(run.trace()));

        List<QuarantineOrder> orders = run.orders();
        assertEquals(List.of(
                "B|close|A|2024-03-08 10:00|2024-03-08 11:00|centralized|2024-03-15|2024-03-18|centralized||ok",
                "H|close|A|2024-03-06 00:00|2024-03-09 23:59|centralized|2024-03-16|2024-03-19|none||quarantine",
                "M|secondary|B|2024-03-08 10:00|2024-03-09 23:59|home|2024-03-16||none||quarantine"),
                describeOrders(orders));
        assertEquals("last exposure 2024-03-08 to A (meal); cn-9: 7 days centralized + 3 days home monitoring",
                orders.get(0).basis());
        assertEquals("last exposure 2024-03-09 to A (household); cn-9: 7 days centralized + 3 days home monitoring",
                orders.get(1).basis());
        assertEquals("last exposure 2024-03-09 to B (household); cn-9: 7 days home", orders.get(2).basis());
    }

    @Test
    void withoutTheHouseholdRuleHouseholdMembersNeedEvents() {
        Fixture.Run run = households().rules(RuleProfiles.CN_9.toBuilder().householdRule(false).build());

        assertEquals(List.of("B|close|A|2024-03-08 10:00|2024-03-08 11:00|2024-03-08|A|meal"), describe(run.trace()));
    }

    @Test
    void householdExposureEndsAtATimedIsolation() {
        TraceResult r = asOf("2024-03-12").cases(confirmed("A", "2024-03-10", time("2024-03-09 18:30")))
                .persons(inHousehold("A", "h1"), inHousehold("H", "h1"))
                .trace();

        assertEquals(List.of("H|close|A|2024-03-06 00:00|2024-03-09 18:30|2024-03-09|A|household"), describe(r));
    }

    @Test
    void householdExposureOfACaseStillInTheCommunityRunsTo24OfTheAsOfDay() {
        // cdc-2020 also applies the household rule: lookback 2, window [2024-03-08 00:00, 2024-03-13 00:00).
        TraceResult r = asOf("2024-03-12").rules(RuleProfiles.CDC_2020).cases(confirmed("A", "2024-03-10"))
                .persons(inHousehold("A", "h1"), inHousehold("H", "h1"), inHousehold("O", "h9"))
                .trace();

        assertEquals(List.of("H|close|A|2024-03-08 00:00|2024-03-12 23:59|2024-03-12|A|household"), describe(r));
    }

    @Test
    void aHousemateWhoIsACaseIsNotListed() {
        TraceResult r = asOf("2024-03-12").cases(confirmed("A", "2024-03-10"), confirmed("H", "2024-03-11", on("2024-03-11")))
                .persons(inHousehold("A", "h1"), inHousehold("H", "h1"), inHousehold("G", "h1"))
                .trace();

        // G lives with both cases: A's window [03-06 00:00, 03-13 00:00), H's [03-07 00:00, 03-12 00:00).
        assertEquals(List.of("G|close|A;H|2024-03-06 00:00|2024-03-12 23:59|2024-03-12|A|household"), describe(r));
        assertEquals(List.of(
                "A>G|close|2024-03-06 00:00|2024-03-12 23:59|2024-03-12|household",
                "H>G|close|2024-03-07 00:00|2024-03-11 23:59|2024-03-11|household"),
                r.graph().exposuresOf("G").stream().map(Fixture::describe).toList());
    }
}
