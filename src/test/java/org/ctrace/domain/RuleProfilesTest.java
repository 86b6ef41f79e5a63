package org.ctrace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SPEC §3: the five published rule profiles, and overrides that mark a profile adjusted. */
class RuleProfilesTest {

    /** Every parameter of a profile, in the order of the SPEC §3 parameter table. */
    private static String parameters(RuleProfile p) {
        return String.join(" ", p.name(), "lookback=" + p.lookbackDays(), "min=" + p.minMinutes(),
                "dist=" + p.maxDistanceM(), "always=" + String.join(",", p.alwaysCloseSettings()),
                "unknown=" + p.unknownDuration().word(), "household=" + p.householdRule(),
                "close=" + p.closeQuarantineDays() + "/" + p.closeQuarantineType().word(),
                "monitoring=" + p.closeMonitoringDays(), "secondary=" + p.traceSecondary(),
                "secondaryQ=" + p.secondaryQuarantineDays() + "/" + p.secondaryQuarantineType().word(),
                "suspected=" + p.includeSuspected(), "adjusted=" + p.adjusted());
    }

    @Test
    void cn9IsTheNinthChineseEdition() {
        assertEquals("cn-9 lookback=4 min=0 dist=1.0 always=household,meal,vehicle unknown=close household=true "
                        + "close=7/centralized monitoring=3 secondary=true secondaryQ=7/home suspected=true adjusted=false",
                parameters(RuleProfiles.CN_9));
    }

    @Test
    void cn8IsTheEighthChineseEdition() {
        assertEquals("cn-8 lookback=4 min=0 dist=1.0 always=household,meal,vehicle unknown=close household=true "
                        + "close=14/centralized monitoring=7 secondary=true secondaryQ=7/centralized suspected=true "
                        + "adjusted=false",
                parameters(RuleProfiles.CN_8));
    }

    @Test
    void cn5TracesNoSecondaryContactsAndItsSecondaryValuesDefaultToTheCloseOnes() {
        assertEquals("cn-5 lookback=2 min=0 dist=1.0 always=household,meal,vehicle unknown=close household=true "
                        + "close=14/centralized monitoring=0 secondary=false secondaryQ=14/centralized suspected=true "
                        + "adjusted=false",
                parameters(RuleProfiles.CN_5));
    }

    @Test
    void cdc2020() {
        assertEquals("cdc-2020 lookback=2 min=15 dist=1.83 always=household unknown=close household=true "
                        + "close=14/home monitoring=0 secondary=false secondaryQ=14/home suspected=false adjusted=false",
                parameters(RuleProfiles.CDC_2020));
    }

    @Test
    void ecdc2020() {
        assertEquals("ecdc-2020 lookback=2 min=15 dist=2.0 always=household unknown=close household=true "
                        + "close=14/home monitoring=0 secondary=false secondaryQ=14/home suspected=false adjusted=false",
                parameters(RuleProfiles.ECDC_2020));
    }

    @Test
    void allProfilesAreNamedInOrderAndCiteASource() {
        assertEquals(List.of("cn-9", "cn-8", "cn-5", "cdc-2020", "ecdc-2020"),
                RuleProfiles.ALL.stream().map(RuleProfile::name).toList());
        for (RuleProfile p : RuleProfiles.ALL) {
            assertEquals(Optional.of(p), RuleProfiles.named(p.name()));
            assertFalse(p.source().isBlank(), p.name());
            assertEquals(p.name(), p.label());
        }
        assertEquals(Optional.empty(), RuleProfiles.named("cn-10"));
        assertEquals(Optional.empty(), RuleProfiles.named("CN-9"));
    }

    @Test
    void defaultDepthIsTwoWhereSecondaryContactsAreTracedElseOne() {
        assertEquals(2, RuleProfiles.CN_9.defaultDepth());
        assertEquals(2, RuleProfiles.CN_8.defaultDepth());
        assertEquals(1, RuleProfiles.CN_5.defaultDepth());
        assertEquals(1, RuleProfiles.CDC_2020.defaultDepth());
        assertEquals(1, RuleProfiles.ECDC_2020.defaultDepth());
    }

    @Test
    void tierParametersSplitIntoCloseAndSecondaryAndBeyond() {
        RuleProfile cn8 = RuleProfiles.CN_8;
        assertEquals(14, cn8.quarantineDays(1));
        assertEquals(7, cn8.quarantineDays(2));
        assertEquals(7, cn8.quarantineDays(3));
        assertEquals(QuarantineType.CENTRALIZED, cn8.quarantineType(1));
        assertEquals(QuarantineType.CENTRALIZED, cn8.quarantineType(3));
        assertEquals(7, cn8.monitoringDays(1));
        assertEquals(0, cn8.monitoringDays(2));
        assertEquals(0, cn8.monitoringDays(3));

        RuleProfile cn9 = RuleProfiles.CN_9;
        assertEquals(QuarantineType.CENTRALIZED, cn9.quarantineType(1));
        assertEquals(QuarantineType.HOME, cn9.quarantineType(2));
        assertEquals(QuarantineType.HOME, cn9.quarantineType(4));
    }

    @Test
    void anOverrideMarksTheProfileAdjustedAndKeepsEverythingElse() {
        RuleProfile p = RuleProfiles.CN_9.toBuilder().lookbackDays(2).minMinutes(15).build();

        assertEquals("cn-9 lookback=2 min=15 dist=1.0 always=household,meal,vehicle unknown=close household=true "
                        + "close=7/centralized monitoring=3 secondary=true secondaryQ=7/home suspected=true adjusted=true",
                parameters(p));
        assertEquals("cn-9 (adjusted)", p.label());
        assertEquals(RuleProfiles.CN_9.source(), p.source());
        assertFalse(RuleProfiles.CN_9.adjusted(), "the published profile is unchanged");
        assertEquals(4, RuleProfiles.CN_9.lookbackDays());
    }

    @Test
    void everyParameterCanBeOverridden() {
        RuleProfile p = RuleProfiles.CDC_2020.toBuilder()
                .lookbackDays(4).minMinutes(0).maxDistanceM(1.0).alwaysCloseSettings(Set.of("household", "meal"))
                .unknownDuration(UnknownDuration.IGNORE).householdRule(false)
                .closeQuarantineDays(7).closeQuarantineType(QuarantineType.CENTRALIZED).closeMonitoringDays(3)
                .traceSecondary(true).secondaryQuarantineDays(5).secondaryQuarantineType(QuarantineType.CENTRALIZED)
                .includeSuspected(true).build();

        assertEquals("cdc-2020 lookback=4 min=0 dist=1.0 always=household,meal unknown=ignore household=false "
                        + "close=7/centralized monitoring=3 secondary=true secondaryQ=5/centralized suspected=true "
                        + "adjusted=true",
                parameters(p));
        assertEquals("cdc-2020 (adjusted)", p.label());
        assertEquals(2, p.defaultDepth());
    }

    /** 99999999 days of quarantine printed an end in the year +275814; more minutes than a day traced no one. */
    @Test
    void daysAreFromZeroToAYearAndMinutesAtMostADay() {
        RuleProfile.Builder b = RuleProfiles.CN_9.toBuilder();
        assertEquals(366, b.lookbackDays(366).closeQuarantineDays(366).closeMonitoringDays(366)
                .secondaryQuarantineDays(366).minMinutes(1440).build().lookbackDays());
        for (java.util.function.UnaryOperator<RuleProfile.Builder> wrong : List.<java.util.function.UnaryOperator<RuleProfile.Builder>>of(
                x -> x.lookbackDays(367), x -> x.closeQuarantineDays(99_999_999), x -> x.closeMonitoringDays(-1),
                x -> x.secondaryQuarantineDays(367), x -> x.minMinutes(1441))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> wrong.apply(RuleProfiles.CN_9.toBuilder()).build());
            assertTrue(e.getMessage().matches("[a-z_]+ must be from 0 to (366|1440), not -?\\d+"), e.getMessage());
        }
    }

    @Test
    void secondaryValuesThatDefaultToTheCloseOnesFollowACloseOverride() {
        // SPEC §3: where secondary is not traced, its days and type default to the close values
        RuleProfile p = RuleProfiles.CN_5.toBuilder().closeQuarantineDays(10).closeQuarantineType(QuarantineType.HOME)
                .traceSecondary(true).build();
        assertEquals(10, p.quarantineDays(2));
        assertEquals(QuarantineType.HOME, p.quarantineType(2), "never held more strictly than close contacts");
        RuleProfile days = RuleProfiles.CDC_2020.toBuilder().closeQuarantineDays(10).secondaryQuarantineDays(5)
                .traceSecondary(true).build();
        assertEquals(5, days.quarantineDays(2), "an override of the secondary days wins");
        assertEquals(QuarantineType.HOME, days.quarantineType(2));
        RuleProfile type = RuleProfiles.CN_5.toBuilder().closeQuarantineType(QuarantineType.HOME)
                .secondaryQuarantineType(QuarantineType.CENTRALIZED).build();
        assertEquals(QuarantineType.CENTRALIZED, type.quarantineType(2), "an override of the secondary type wins");
        // a profile that traces secondary contacts has values of its own
        RuleProfile cn9 = RuleProfiles.CN_9.toBuilder().closeQuarantineDays(10).closeQuarantineType(QuarantineType.HOME)
                .build();
        assertEquals(7, cn9.quarantineDays(2));
    }

    @Test
    void eachSingleOverrideMarksTheProfileAdjusted() {
        RuleProfile b = RuleProfiles.CN_9;
        List<RuleProfile> overridden = List.of(
                b.toBuilder().lookbackDays(5).build(),
                b.toBuilder().minMinutes(15).build(),
                b.toBuilder().maxDistanceM(2).build(),
                b.toBuilder().alwaysCloseSettings(Set.of("household")).build(),
                b.toBuilder().unknownDuration(UnknownDuration.IGNORE).build(),
                b.toBuilder().householdRule(false).build(),
                b.toBuilder().closeQuarantineDays(14).build(),
                b.toBuilder().closeQuarantineType(QuarantineType.HOME).build(),
                b.toBuilder().closeMonitoringDays(0).build(),
                b.toBuilder().traceSecondary(false).build(),
                b.toBuilder().secondaryQuarantineDays(14).build(),
                b.toBuilder().secondaryQuarantineType(QuarantineType.CENTRALIZED).build(),
                b.toBuilder().includeSuspected(false).build());
        for (RuleProfile p : overridden) {
            assertTrue(p.adjusted(), parameters(p));
            assertEquals("cn-9 (adjusted)", p.label());
        }
    }

    @Test
    void alwaysCloseSettingsAreMatchedWithoutRegardToCase() {
        RuleProfile p = RuleProfiles.CN_9.toBuilder().alwaysCloseSettings(Set.of(" Household ", "MEAL")).build();

        assertEquals(Set.of("household", "meal"), p.alwaysCloseSettings());
        assertTrue(p.isAlwaysClose("household"));
        assertTrue(p.isAlwaysClose("meal"));
        assertFalse(p.isAlwaysClose("vehicle"));
    }

    @Test
    void negativeValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> RuleProfiles.CN_9.toBuilder().lookbackDays(-1).build());
        assertThrows(IllegalArgumentException.class, () -> RuleProfiles.CN_9.toBuilder().minMinutes(-1).build());
        assertThrows(IllegalArgumentException.class, () -> RuleProfiles.CN_9.toBuilder().maxDistanceM(-0.5).build());
        assertThrows(IllegalArgumentException.class,
                () -> RuleProfiles.CN_9.toBuilder().maxDistanceM(Double.NaN).build());
        assertThrows(IllegalArgumentException.class,
                () -> RuleProfiles.CN_9.toBuilder().closeQuarantineDays(-1).build());
    }

    @Test
    void theBuilderWithoutChangesGivesThePublishedProfile() {
        assertSame(RuleProfiles.CN_9, RuleProfiles.CN_9.toBuilder().build());
    }
}
