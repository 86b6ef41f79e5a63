package org.ctrace.domain.trace;

import static org.ctrace.domain.trace.Fixture.asOf;
import static org.ctrace.domain.trace.Fixture.confirmed;
import static org.ctrace.domain.trace.Fixture.describe;
import static org.ctrace.domain.trace.Fixture.describeOrders;
import static org.ctrace.domain.trace.Fixture.point;
import static org.ctrace.domain.trace.Fixture.span;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.ctrace.domain.RuleProfile;
import org.ctrace.domain.RuleProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §3 "Tiers and dates" and §5: quarantine_end = date(last_exposure) + the tier's
 * quarantine days; monitoring_end = quarantine_end + close_monitoring_days for tier 1 only,
 * empty when 0; quarantine_type and the basis follow the profile. 2024 is a leap year.
 *
 * <p>Case A (onset 2024-02-27) shares a household-setting half hour with B on 2024-02-26
 * 10:00–10:30 (inside every profile's window); B meets C for an instant on 2024-02-28 09:00.
 */
class QuarantineDatesTest {

    private static Fixture.Run run(RuleProfile rules) {
        return asOf("2024-03-01").rules(rules).cases(confirmed("A", "2024-02-27"))
                .events(span("A", "B", "2024-02-26 10:00", "2024-02-26 10:30", "household"),
                        point("B", "C", "2024-02-28 09:00", "work"));
    }

    static Stream<Arguments> closeContactDates() {
        return Stream.of(
                Arguments.of(RuleProfiles.CN_9, "centralized|2024-03-04|2024-03-07",
                        "cn-9: 7 days centralized + 3 days home monitoring"),
                Arguments.of(RuleProfiles.CN_8, "centralized|2024-03-11|2024-03-18",
                        "cn-8: 14 days centralized + 7 days home monitoring"),
                Arguments.of(RuleProfiles.CN_5, "centralized|2024-03-11|", "cn-5: 14 days centralized"),
                Arguments.of(RuleProfiles.CDC_2020, "home|2024-03-11|", "cdc-2020: 14 days home"),
                Arguments.of(RuleProfiles.ECDC_2020, "home|2024-03-11|", "ecdc-2020: 14 days home"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closeContactDates")
    void closeContactQuarantineAndMonitoringFollowTheProfile(RuleProfile rules, String dates, String rule) {
        List<QuarantineOrder> orders = run(rules).depth(1).orders();

        assertEquals(List.of("B|close|A|2024-02-26 10:00|2024-02-26 10:30|" + dates + "|none||quarantine"),
                describeOrders(orders));
        assertEquals("last exposure 2024-02-26 to A (household); " + rule, orders.get(0).basis());
    }

    @Test
    void cn9SecondaryContactsHaveSevenDaysAtHomeWithoutMonitoring() {
        List<QuarantineOrder> orders = run(RuleProfiles.CN_9).orders();

        assertEquals(List.of(
                "B|close|A|2024-02-26 10:00|2024-02-26 10:30|centralized|2024-03-04|2024-03-07|none||quarantine",
                "C|secondary|B|2024-02-28 09:00|2024-02-28 09:00|home|2024-03-06||none||quarantine"),
                describeOrders(orders));
        assertEquals("last exposure 2024-02-28 to B (work); cn-9: 7 days home", orders.get(1).basis());
    }

    @Test
    void cn8SecondaryContactsHaveSevenDaysCentralizedWithoutMonitoring() {
        List<QuarantineOrder> orders = run(RuleProfiles.CN_8).orders();

        assertEquals(List.of(
                "B|close|A|2024-02-26 10:00|2024-02-26 10:30|centralized|2024-03-11|2024-03-18|none||quarantine",
                "C|secondary|B|2024-02-28 09:00|2024-02-28 09:00|centralized|2024-03-06||none||quarantine"),
                describeOrders(orders));
        assertEquals("last exposure 2024-02-28 to B (work); cn-8: 7 days centralized", orders.get(1).basis());
    }

    @Test
    void secondaryTracedOnAWesternProfileUsesTheCloseValues() {
        RuleProfile cdc = RuleProfiles.CDC_2020.toBuilder().traceSecondary(true).build();
        List<QuarantineOrder> orders = run(cdc).orders();

        assertEquals(List.of(
                "B|close|A|2024-02-26 10:00|2024-02-26 10:30|home|2024-03-11||none||quarantine",
                "C|secondary|B|2024-02-28 09:00|2024-02-28 09:00|home|2024-03-13||none||quarantine"),
                describeOrders(orders));
        assertEquals("last exposure 2024-02-28 to B (work); cdc-2020 (adjusted): 14 days home",
                orders.get(1).basis());
    }

    @Test
    void overriddenDaysChangeTheDatesAndMarkTheProfileAdjusted() {
        RuleProfile rules = RuleProfiles.CN_9.toBuilder().closeQuarantineDays(10).closeMonitoringDays(0)
                .secondaryQuarantineDays(5).build();
        List<QuarantineOrder> orders = run(rules).orders();

        assertEquals(List.of(
                "B|close|A|2024-02-26 10:00|2024-02-26 10:30|centralized|2024-03-07||none||quarantine",
                "C|secondary|B|2024-02-28 09:00|2024-02-28 09:00|home|2024-03-04||none||quarantine"),
                describeOrders(orders));
        assertEquals("last exposure 2024-02-26 to A (household); cn-9 (adjusted): 10 days centralized",
                orders.get(0).basis());
        assertEquals("last exposure 2024-02-28 to B (work); cn-9 (adjusted): 5 days home", orders.get(1).basis());
    }

    @Test
    void theTraceBehindTheDatesIsTheSameUnderEveryProfile() {
        for (RuleProfile rules : RuleProfiles.ALL) {
            assertEquals(List.of("B|close|A|2024-02-26 10:00|2024-02-26 10:30|2024-02-26|A|household"),
                    describe(run(rules).depth(1).trace()), rules.name());
        }
    }
}
