package org.ctrace.domain.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.ctrace.domain.Area;
import org.ctrace.domain.AreaLevel;
import org.ctrace.domain.Person;
import org.ctrace.domain.QuarantineType;
import org.ctrace.domain.WallClock;
import org.ctrace.domain.coverage.CoverageRow.Kind;
import org.ctrace.domain.trace.Action;
import org.ctrace.domain.trace.QuarantineOrder;
import org.ctrace.domain.trace.TracedPerson;
import org.junit.jupiter.api.Test;

/**
 * SPEC §6: coverage by area and the gap list, on quarantine-list rows written inline.
 *
 * <p>Every row is a cn-9 row of the list: tier 1 is centralized until 2024-03-19 with
 * monitoring until 2024-03-22, tier 2 and beyond home until 2024-03-20. Only the person,
 * tier, current status, planned end and action vary; SPEC §5 decides the action, so each row
 * below is given the action §5 gives its status and planned end.
 *
 * <p>A coverage row is described as
 * {@code kind|city|district|town|village|required_close|required_secondary|centralized|home|hospital|not_quarantined|wrong_type|early_release|coverage_pct}
 * (an empty coverage_pct when it is null), so one {@code assertEquals} on the list checks every
 * value, the order, and that no other row exists.
 */
class CoverageReportTest {

    private static final Area DONGLI = new Area("Qinghe", "Beiyuan", "Liuzhuang", "Dongli");
    private static final Area XILI = new Area("Qinghe", "Beiyuan", "Liuzhuang", "Xili");
    private static final Area SHANGCUN = new Area("Qinghe", "Beiyuan", "Shiqiao", "Shangcun");
    private static final Area QIANJIN = new Area("Qinghe", "Nanhu", "Hexi", "Qianjin");
    private static final Area FARM = new Area("Rivers", "East", "Ford", "Green");

    // ---- counting rules ---------------------------------------------------------------------

    @Test
    void eachListedPersonCountsOnceByActionAndOnceByCurrentStatus() {
        List<QuarantineOrder> list = List.of(
                listed("A1", DONGLI, 1, "centralized", null, Action.OK),
                listed("A2", DONGLI, 1, "none", null, Action.QUARANTINE),
                listed("A3", DONGLI, 1, "home", "2024-03-25", Action.UPGRADE),
                listed("A4", DONGLI, 2, "home", "2024-03-18", Action.EXTEND),
                listed("A5", DONGLI, 2, "hospital", "2024-03-25", Action.OK),
                listed("A6", DONGLI, 1, "released", "2024-03-14", Action.QUARANTINE),
                listed("A7", DONGLI, 3, "none", null, Action.QUARANTINE),
                listed("A8", DONGLI, 2, "centralized", "2024-03-20", Action.OK));

        // close A1 A2 A3 A6 = 4; secondary A4 A5 A7 A8 = 4 (tier 3 counts as secondary);
        // centralized A1 A8, home A3 A4, hospital A5 (released A6 and none A2 A7 in no status column);
        // quarantine -> not_quarantined A2 A6 A7, upgrade -> wrong_type A3, extend -> early_release A4;
        // coverage 100 x (8 - 3) / 8 = 62.5
        assertEquals(List.of(
                "AREA|Qinghe|Beiyuan|Liuzhuang|Dongli|4|4|2|2|1|3|1|1|62.5",
                "TOTAL|TOTAL||||4|4|2|2|1|3|1|1|62.5"),
                describe(new CoverageReport(list, List.of(DONGLI), AreaLevel.VILLAGE).rows()));
    }

    @Test
    void aCitysListIsCountedInBlocksWithNothingLostOrCountedTwice() {
        // 10,007 rows over three blocks of 4,096, the areas interleaved: every seventh row in Xili
        // (1,430 of them), the rest in Dongli; tier 1 on even rows; every third row not quarantined
        List<QuarantineOrder> list = new ArrayList<>();
        for (int i = 0; i < 10_007; i++) {
            boolean quarantined = i % 3 != 0;
            list.add(listed("P" + i, i % 7 == 0 ? XILI : DONGLI, i % 2 == 0 ? 1 : 2,
                    quarantined ? "centralized" : "none", null, quarantined ? Action.OK : Action.QUARANTINE));
        }
        int[] close = new int[2];
        int[] secondary = new int[2];
        int[] notQuarantined = new int[2];
        for (int i = 0; i < 10_007; i++) {
            int at = i % 7 == 0 ? 1 : 0;
            close[at] += i % 2 == 0 ? 1 : 0;
            secondary[at] += i % 2 == 0 ? 0 : 1;
            notQuarantined[at] += i % 3 == 0 ? 1 : 0;
        }
        List<CoverageRow> rows = new CoverageReport(list, List.of(DONGLI, XILI), AreaLevel.VILLAGE).rows();
        for (int at = 0; at < 2; at++) {
            CoverageRow r = rows.get(at);
            assertEquals(at == 0 ? DONGLI : XILI, r.area());
            assertEquals(close[at], r.requiredClose());
            assertEquals(secondary[at], r.requiredSecondary());
            assertEquals(notQuarantined[at], r.notQuarantined());
            assertEquals(close[at] + secondary[at] - notQuarantined[at], r.centralized());
        }
        assertEquals(1_430, rows.get(1).required());
        assertEquals(10_007, rows.get(2).required());
        assertEquals(3_336, rows.get(2).notQuarantined());
        assertEquals(3, rows.size());
    }

    @Test
    void tierThreeAndBeyondCountAsSecondary() {
        List<QuarantineOrder> list = List.of(
                listed("T3", DONGLI, 3, "home", "2024-03-20", Action.OK),
                listed("T4", DONGLI, 4, "home", "2024-03-20", Action.OK),
                listed("T2", DONGLI, 2, "home", "2024-03-20", Action.OK));

        assertEquals(List.of(
                "AREA|Qinghe|Beiyuan|Liuzhuang|Dongli|0|3|0|3|0|0|0|0|100.0",
                "TOTAL|TOTAL||||0|3|0|3|0|0|0|0|100.0"),
                describe(new CoverageReport(list, List.of(DONGLI), AreaLevel.VILLAGE).rows()));
    }

    @Test
    void everyAreaOfTheRegistryHasARowEvenWhenAllItsCountsAreZero() {
        List<QuarantineOrder> list = List.of(listed("A1", DONGLI, 1, "none", null, Action.QUARANTINE));
        // a registered person without area names (Area.UNKNOWN in the registry) makes no zero row
        List<Area> registry = List.of(QIANJIN, DONGLI, Area.UNKNOWN, XILI, FARM);

        assertEquals(List.of(
                "AREA|Qinghe|Beiyuan|Liuzhuang|Dongli|1|0|0|0|0|1|0|0|0.0",
                "AREA|Qinghe|Beiyuan|Liuzhuang|Xili|0|0|0|0|0|0|0|0|",
                "AREA|Qinghe|Nanhu|Hexi|Qianjin|0|0|0|0|0|0|0|0|",
                "AREA|Rivers|East|Ford|Green|0|0|0|0|0|0|0|0|",
                "TOTAL|TOTAL||||1|0|0|0|0|1|0|0|0.0"),
                describe(new CoverageReport(list, registry, AreaLevel.VILLAGE).rows()));
    }

    @Test
    void anEmptyListStillReportsEveryAreaAndATotalWithoutPercentage() {
        assertEquals(List.of(
                "AREA|Qinghe|Beiyuan|||0|0|0|0|0|0|0|0|",
                "AREA|Qinghe|Nanhu|||0|0|0|0|0|0|0|0|",
                "TOTAL|TOTAL||||0|0|0|0|0|0|0|0|"),
                describe(new CoverageReport(List.of(), List.of(QIANJIN, DONGLI), AreaLevel.DISTRICT).rows()));
    }

    @Test
    void listedPersonsWithoutAnAreaGetOneRowAfterTheAreasAndBeforeTheTotal() {
        List<QuarantineOrder> list = List.of(
                listed("U1", Area.UNKNOWN, 1, "none", null, Action.QUARANTINE),
                listed("A1", DONGLI, 1, "centralized", "2024-03-19", Action.OK),
                listed("U2", Area.UNKNOWN, 2, "home", "2024-03-19", Action.EXTEND),
                listed("F1", FARM, 2, "hospital", null, Action.OK));

        // the empty names sort before every name, yet the row comes after the areas ("Rivers" included)
        List<CoverageRow> rows = new CoverageReport(list, List.of(FARM, DONGLI), AreaLevel.DISTRICT).rows();
        assertEquals(List.of(
                "AREA|Qinghe|Beiyuan|||1|0|1|0|0|0|0|0|100.0",
                "AREA|Rivers|East|||0|1|0|0|1|0|0|0|100.0",
                "UNKNOWN_AREA|||||1|1|0|1|0|1|0|1|50.0",
                "TOTAL|TOTAL||||2|2|1|1|1|1|0|1|75.0"), describe(rows));
    }

    @Test
    void noUnknownAreaRowWhenEveryListedPersonHasAnArea() {
        // Area.UNKNOWN among the registry's areas (a registered person without area names) is
        // not a listed person: no unknown-area row
        List<QuarantineOrder> list = List.of(listed("A1", DONGLI, 1, "none", null, Action.QUARANTINE));
        assertEquals(List.of(
                "AREA|Qinghe||||1|0|0|0|0|1|0|0|0.0",
                "TOTAL|TOTAL||||1|0|0|0|0|1|0|0|0.0"),
                describe(new CoverageReport(list, List.of(DONGLI, Area.UNKNOWN), AreaLevel.CITY).rows()));
    }

    @Test
    void theTotalSumsEveryRowAndComputesItsOwnPercentage() {
        List<QuarantineOrder> list = List.of(
                listed("A1", DONGLI, 1, "none", null, Action.QUARANTINE),
                listed("A2", DONGLI, 2, "home", "2024-03-20", Action.OK),
                listed("Q1", QIANJIN, 1, "home", "2024-03-19", Action.UPGRADE),
                listed("Q2", QIANJIN, 1, "hospital", "2024-03-18", Action.EXTEND),
                listed("Q3", QIANJIN, 2, "released", null, Action.QUARANTINE),
                listed("U1", Area.UNKNOWN, 1, "centralized", null, Action.OK));

        // Beiyuan 1/2 not quarantined: 50.0; Nanhu 1/3: 66.7; unknown 0/1: 100.0;
        // the total is 2/6 not quarantined: 66.7 (not an average of the rows' percentages)
        assertEquals(List.of(
                "AREA|Qinghe|Beiyuan|||1|1|0|1|0|1|0|0|50.0",
                "AREA|Qinghe|Nanhu|||2|1|0|1|1|1|1|1|66.7",
                "UNKNOWN_AREA|||||1|0|1|0|0|0|0|0|100.0",
                "TOTAL|TOTAL||||4|2|1|2|1|2|1|1|66.7"),
                describe(new CoverageReport(list, List.of(DONGLI, QIANJIN), AreaLevel.DISTRICT).rows()));
    }

    // ---- coverage_pct -------------------------------------------------------------------------

    @Test
    void coveragePctIsRoundedHalfUpToOneDecimal() {
        assertEquals("87.5", pct(8, 1), "7/8 exactly");
        assertEquals("12.5", pct(8, 7), "1/8 exactly");
        assertEquals("66.7", pct(3, 1), "2/3 = 66.66...");
        assertEquals("33.3", pct(3, 2), "1/3 = 33.33...");
        assertEquals("83.3", pct(6, 1), "5/6 = 83.33...");
        assertEquals("16.7", pct(6, 5), "1/6 = 16.66...");
        assertEquals("1.3", pct(80, 79), "1.25 is a tie: half-up gives 1.3 (half-even would give 1.2)");
        assertEquals("0.3", pct(400, 399), "0.25 is a tie: half-up gives 0.3 (half-even would give 0.2)");
        assertEquals("1.2", pct(2000, 1977), "1.15 exactly (as a double it is 1.1499..., which would give 1.1)");
        assertEquals("100.0", pct(7, 0), "nobody missed");
        assertEquals("0.0", pct(7, 7), "everybody missed");
        assertEquals("99.9", pct(1999, 1), "1998/1999 = 99.949...: not rounded up to 100.0");
    }

    @Test
    void coveragePctCountsCloseAndSecondaryContactsAsRequired() {
        // required = required_close + required_secondary = 1 + 2; not_quarantined 1: 66.7
        CoverageRow row = new CoverageRow(DONGLI, Kind.AREA, 1, 2, 0, 0, 0, 1, 0, 0);
        assertEquals(3, row.required());
        assertEquals("66.7", row.coveragePct().toPlainString());
        // wrong_type and early_release are quarantined, if not as required: they do not lower coverage
        CoverageRow other = new CoverageRow(DONGLI, Kind.AREA, 2, 2, 0, 2, 0, 0, 1, 1);
        assertEquals("100.0", other.coveragePct().toPlainString());
    }

    @Test
    void coveragePctIsNullWhenNobodyIsRequired() {
        assertNull(new CoverageRow(DONGLI, Kind.AREA, 0, 0, 0, 0, 0, 0, 0, 0).coveragePct());
    }

    // ---- levels -------------------------------------------------------------------------------

    /** Four listed persons in four villages of Qinghe; Rivers has nobody listed. */
    private static final List<QuarantineOrder> SPREAD = List.of(
            listed("P1", DONGLI, 1, "none", null, Action.QUARANTINE),
            listed("P2", XILI, 1, "centralized", "2024-03-19", Action.OK),
            listed("P3", SHANGCUN, 2, "home", "2024-03-21", Action.OK),
            listed("P4", QIANJIN, 1, "home", "2024-03-19", Action.UPGRADE));

    private static final List<Area> SPREAD_REGISTRY = List.of(FARM, QIANJIN, SHANGCUN, XILI, DONGLI);

    private static final String SPREAD_TOTAL = "TOTAL|TOTAL||||3|1|1|2|0|1|1|0|75.0";

    @Test
    void byCity() {
        assertEquals(List.of(
                "AREA|Qinghe||||3|1|1|2|0|1|1|0|75.0",
                "AREA|Rivers||||0|0|0|0|0|0|0|0|",
                SPREAD_TOTAL), describe(new CoverageReport(SPREAD, SPREAD_REGISTRY, AreaLevel.CITY).rows()));
    }

    @Test
    void byDistrict() {
        assertEquals(List.of(
                "AREA|Qinghe|Beiyuan|||2|1|1|1|0|1|0|0|66.7",
                "AREA|Qinghe|Nanhu|||1|0|0|1|0|0|1|0|100.0",
                "AREA|Rivers|East|||0|0|0|0|0|0|0|0|",
                SPREAD_TOTAL), describe(new CoverageReport(SPREAD, SPREAD_REGISTRY, AreaLevel.DISTRICT).rows()));
    }

    @Test
    void byTown() {
        assertEquals(List.of(
                "AREA|Qinghe|Beiyuan|Liuzhuang||2|0|1|0|0|1|0|0|50.0",
                "AREA|Qinghe|Beiyuan|Shiqiao||0|1|0|1|0|0|0|0|100.0",
                "AREA|Qinghe|Nanhu|Hexi||1|0|0|1|0|0|1|0|100.0",
                "AREA|Rivers|East|Ford||0|0|0|0|0|0|0|0|",
                SPREAD_TOTAL), describe(new CoverageReport(SPREAD, SPREAD_REGISTRY, AreaLevel.TOWN).rows()));
    }

    @Test
    void byVillage() {
        assertEquals(List.of(
                "AREA|Qinghe|Beiyuan|Liuzhuang|Dongli|1|0|0|0|0|1|0|0|0.0",
                "AREA|Qinghe|Beiyuan|Liuzhuang|Xili|1|0|1|0|0|0|0|0|100.0",
                "AREA|Qinghe|Beiyuan|Shiqiao|Shangcun|0|1|0|1|0|0|0|0|100.0",
                "AREA|Qinghe|Nanhu|Hexi|Qianjin|1|0|0|1|0|0|1|0|100.0",
                "AREA|Rivers|East|Ford|Green|0|0|0|0|0|0|0|0|",
                SPREAD_TOTAL), describe(new CoverageReport(SPREAD, SPREAD_REGISTRY, AreaLevel.VILLAGE).rows()));
    }

    @Test
    void areasSortByTheirNamesWithStringCompareTo() {
        // String.compareTo: upper case before lower case, "Z" before "a"
        Area lower = new Area("Qinghe", "anhe", "", "");
        Area upper = new Area("Qinghe", "Zhou", "", "");
        assertEquals(List.of(
                "AREA|Qinghe|Zhou|||0|0|0|0|0|0|0|0|",
                "AREA|Qinghe|anhe|||0|0|0|0|0|0|0|0|",
                "TOTAL|TOTAL||||0|0|0|0|0|0|0|0|"),
                describe(new CoverageReport(List.of(), List.of(lower, upper), AreaLevel.DISTRICT).rows()));
    }

    // ---- the gap list -------------------------------------------------------------------------

    @Test
    void theGapListHoldsExactlyTheRowsThatAreNotOkWithTheirReasons() {
        List<QuarantineOrder> list = List.of(
                listed("S2", QIANJIN, 2, "home", "2024-03-18", Action.EXTEND),
                listed("P7", QIANJIN, 1, "none", null, Action.QUARANTINE),
                listed("P1", DONGLI, 1, "centralized", null, Action.OK),
                listed("P10", QIANJIN, 1, "home", "2024-03-25", Action.UPGRADE),
                listed("S1", DONGLI, 3, "none", null, Action.QUARANTINE),
                listed("P9", DONGLI, 1, "released", "2024-03-14", Action.QUARANTINE),
                listed("A1", DONGLI, 2, "none", null, Action.QUARANTINE),
                listed("P3", DONGLI, 1, "released", null, Action.QUARANTINE),
                listed("Q5", QIANJIN, 2, "hospital", "2024-03-20", Action.OK),
                listed("X1", Area.UNKNOWN, 2, "none", null, Action.QUARANTINE));

        // by area (the empty names of an unregistered person first, as in the quarantine list's
        // String.compareTo order), then tier, then person id ("P10" before "P7")
        List<String> expected = List.of(
                "X1|secondary|quarantine|not quarantined: home quarantine until 2024-03-20 is required",
                "P3|close|quarantine|not quarantined: released, but centralized quarantine until 2024-03-19"
                        + " is required",
                "P9|close|quarantine|not quarantined: released with end 2024-03-14, but centralized quarantine"
                        + " until 2024-03-19 is required",
                "A1|secondary|quarantine|not quarantined: home quarantine until 2024-03-20 is required",
                "S1|tier3|quarantine|not quarantined: home quarantine until 2024-03-20 is required",
                "P10|close|upgrade|wrong type: at home, but centralized quarantine until 2024-03-19 is required",
                "P7|close|quarantine|not quarantined: centralized quarantine until 2024-03-19 is required",
                "S2|secondary|extend|early release: planned end 2024-03-18, but home quarantine until 2024-03-20"
                        + " is required");
        List<Area> registry = List.of(DONGLI, QIANJIN);
        assertEquals(expected, describeGaps(new CoverageReport(list, registry, AreaLevel.DISTRICT).gaps()));
        // the gap list does not depend on the level of the coverage table
        assertEquals(expected, describeGaps(new CoverageReport(list, registry, AreaLevel.CITY).gaps()));
        assertEquals(expected, describeGaps(new CoverageReport(list, registry, AreaLevel.VILLAGE).gaps()));
    }

    @Test
    void theGapListCountsMatchTheTotalRow() {
        List<QuarantineOrder> list = List.of(
                listed("A1", DONGLI, 1, "none", null, Action.QUARANTINE),
                listed("A2", DONGLI, 1, "home", "2024-03-19", Action.UPGRADE),
                listed("A3", DONGLI, 2, "home", "2024-03-18", Action.EXTEND),
                listed("A4", DONGLI, 2, "home", "2024-03-20", Action.OK));
        CoverageReport report = new CoverageReport(list, List.of(DONGLI), AreaLevel.DISTRICT);
        CoverageRow total = report.rows().get(report.rows().size() - 1);
        assertEquals(total.notQuarantined() + total.wrongType() + total.earlyRelease(), report.gaps().size());
        assertEquals(List.of("A1", "A2", "A3"), report.gaps().stream().map(g -> g.order().personId()).toList());
        // the gap keeps the quarantine-list row itself
        assertEquals(list.get(1), report.gaps().get(1).order());
    }

    @Test
    void noGapsWhenEveryoneIsOk() {
        List<QuarantineOrder> list = List.of(listed("A1", DONGLI, 1, "centralized", null, Action.OK));
        assertEquals(List.of(), new CoverageReport(list, List.of(DONGLI), AreaLevel.DISTRICT).gaps());
    }

    // ---- helpers ------------------------------------------------------------------------------

    /**
     * A cn-9 quarantine-list row: tier 1 centralized until 2024-03-19 (monitoring until
     * 2024-03-22), tier 2 and beyond home until 2024-03-20; last exposure 2024-03-12 to C1 (meal).
     */
    private static QuarantineOrder listed(String id, Area area, int tier, String status, String plannedEnd,
                                          Action action) {
        boolean close = tier == 1;
        TracedPerson traced = new TracedPerson(id, tier, List.of("C1"), at("2024-03-12T10:00"),
                at("2024-03-12T11:00"), LocalDate.parse("2024-03-12"), "C1", "meal");
        return new QuarantineOrder(new Person(id, "", "", area, ""), traced,
                close ? QuarantineType.CENTRALIZED : QuarantineType.HOME,
                LocalDate.parse(close ? "2024-03-19" : "2024-03-20"),
                close ? LocalDate.parse("2024-03-22") : null,
                status, plannedEnd == null ? null : LocalDate.parse(plannedEnd), action,
                traced.lastExposureText() + "; cn-9");
    }

    private static long at(String isoDateTime) {
        return WallClock.of(LocalDateTime.parse(isoDateTime));
    }

    /** coverage_pct of a row with this many required (all close) and not quarantined. */
    private static String pct(int required, int notQuarantined) {
        return new CoverageRow(DONGLI, Kind.AREA, required, 0, required - notQuarantined, 0, 0, notQuarantined, 0,
                0).coveragePct().toPlainString();
    }

    private static List<String> describe(Collection<CoverageRow> rows) {
        List<String> out = new ArrayList<>();
        for (CoverageRow r : rows) {
            Area a = r.area();
            out.add(String.join("|", r.kind().name(), a.city(), a.district(), a.town(), a.village(),
                    Integer.toString(r.requiredClose()), Integer.toString(r.requiredSecondary()),
                    Integer.toString(r.centralized()), Integer.toString(r.home()), Integer.toString(r.hospital()),
                    Integer.toString(r.notQuarantined()), Integer.toString(r.wrongType()),
                    Integer.toString(r.earlyRelease()),
                    r.coveragePct() == null ? "" : r.coveragePct().toPlainString()));
        }
        return out;
    }

    private static List<String> describeGaps(List<Gap> gaps) {
        List<String> out = new ArrayList<>();
        for (Gap g : gaps) {
            QuarantineOrder o = g.order();
            out.add(String.join("|", o.personId(), TracedPerson.tierName(o.tier()), o.action().word(), g.reason()));
        }
        return out;
    }
}
