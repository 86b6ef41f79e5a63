package org.ctrace.domain.trace;

import static org.ctrace.domain.trace.Fixture.asOf;
import static org.ctrace.domain.trace.Fixture.confirmed;
import static org.ctrace.domain.trace.Fixture.describe;
import static org.ctrace.domain.trace.Fixture.describeOrders;
import static org.ctrace.domain.trace.Fixture.point;
import static org.ctrace.domain.trace.Fixture.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.QuarantineRegistry;
import org.ctrace.domain.RuleProfile;
import org.ctrace.domain.RuleProfiles;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3 "Tiers and dates": tier k+1 is traced from tier k up to --depth (default 2 where
 * trace_secondary, else 1); trace_secondary=false caps the depth at 1. A chain as of
 * 2024-03-12: case A (onset 2024-03-10) — meal 03-08 10:00–11:00 — B — 03-09 10:00 — C —
 * 03-10 10:00 — D — 03-11 10:00 — E; nobody has a quarantine row.
 */
class DepthTest {

    private static final String B = "B|close|A|2024-03-08 10:00|2024-03-08 11:00|2024-03-08|A|meal";
    private static final String C = "C|secondary|B|2024-03-09 10:00|2024-03-09 10:00|2024-03-09|B|work";
    private static final String D = "D|tier3|C|2024-03-10 10:00|2024-03-10 10:00|2024-03-10|C|work";
    private static final String E = "E|tier4|D|2024-03-11 10:00|2024-03-11 10:00|2024-03-11|D|work";

    private static Fixture.Run chain(RuleProfile rules) {
        return asOf("2024-03-12").rules(rules).cases(confirmed("A", "2024-03-10"))
                .events(span("A", "B", "2024-03-08 10:00", "2024-03-08 11:00", "meal"),
                        point("B", "C", "2024-03-09 10:00", "work"),
                        point("C", "D", "2024-03-10 10:00", "work"),
                        point("D", "E", "2024-03-11 10:00", "work"));
    }

    @Test
    void tierNamesAreCloseSecondaryThenTierN() {
        assertEquals("close", TracedPerson.tierName(1));
        assertEquals("secondary", TracedPerson.tierName(2));
        assertEquals("tier3", TracedPerson.tierName(3));
        assertEquals("tier4", TracedPerson.tierName(4));
    }

    @Test
    void defaultDepthTracesSecondaryContactsOnly() {
        TraceResult r = chain(RuleProfiles.CN_9).trace();

        assertEquals(List.of(B, C), describe(r));
        assertEquals(1, r.summary().atTier(1));
        assertEquals(1, r.summary().atTier(2));
        assertEquals(0, r.summary().atTier(3));
        assertEquals(1, r.summary().beyondClose());
    }

    @Test
    void depthThreeFindsTier3ContactsWithTheSecondaryQuarantine() {
        Fixture.Run run = chain(RuleProfiles.CN_9).depth(3);
        TraceResult r = run.trace();

        assertEquals(List.of(B, C, D), describe(r));
        assertEquals(List.of(1, 1, 1), r.summary().perTier());
        assertEquals(2, r.summary().beyondClose());

        List<QuarantineOrder> orders = run.orders();
        assertEquals(List.of(
                "B|close|A|2024-03-08 10:00|2024-03-08 11:00|centralized|2024-03-15|2024-03-18|none||quarantine",
                "C|secondary|B|2024-03-09 10:00|2024-03-09 10:00|home|2024-03-16||none||quarantine",
                "D|tier3|C|2024-03-10 10:00|2024-03-10 10:00|home|2024-03-17||none||quarantine"),
                describeOrders(orders));
        assertEquals("last exposure 2024-03-10 to C (work); cn-9: 7 days home", orders.get(2).basis());
    }

    @Test
    void depthFourFindsTier4() {
        assertEquals(List.of(B, C, D, E), describe(chain(RuleProfiles.CN_9).depth(4).trace()));
    }

    @Test
    void depthOneStopsAtCloseContacts() {
        assertEquals(List.of(B), describe(chain(RuleProfiles.CN_9).depth(1).trace()));
    }

    @Test
    void traceSecondaryFalseCapsTheDepthAtOne() {
        // cn-5 does not trace secondary contacts (lookback 2: A's window opens 2024-03-08 00:00).
        TraceResult cn5 = chain(RuleProfiles.CN_5).depth(3).trace();
        assertEquals(List.of(B), describe(cn5));
        assertEquals(0, cn5.summary().atTier(2));
        assertEquals(0, cn5.summary().beyondClose());

        RuleProfile noSecondary = RuleProfiles.CN_9.toBuilder().traceSecondary(false).build();
        assertEquals(1, noSecondary.defaultDepth());
        assertEquals(List.of(B), describe(chain(noSecondary).depth(3).trace()));
    }

    @Test
    void traceSecondaryTrueOnAProfileThatDoesNotTraceUsesTheCloseValues() {
        RuleProfile cn5 = RuleProfiles.CN_5.toBuilder().traceSecondary(true).build();
        Fixture.Run run = chain(cn5);

        List<QuarantineOrder> orders = run.orders();
        assertEquals(List.of(
                "B|close|A|2024-03-08 10:00|2024-03-08 11:00|centralized|2024-03-22||none||quarantine",
                "C|secondary|B|2024-03-09 10:00|2024-03-09 10:00|centralized|2024-03-23||none||quarantine"),
                describeOrders(orders));
        assertEquals("last exposure 2024-03-08 to A (meal); cn-5 (adjusted): 14 days centralized",
                orders.get(0).basis());
        assertEquals("last exposure 2024-03-09 to B (work); cn-5 (adjusted): 14 days centralized",
                orders.get(1).basis());
    }

    @Test
    void depthMustBeAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> new ContactTracer(RuleProfiles.CN_9, List.of(),
                PersonRegistry.none(), QuarantineRegistry.none(), sink -> { }, Fixture.date("2024-03-12"), 0));
    }
}
