package org.ctrace.domain.trace;

import static org.ctrace.domain.trace.Fixture.asOf;
import static org.ctrace.domain.trace.Fixture.confirmed;
import static org.ctrace.domain.trace.Fixture.date;
import static org.ctrace.domain.trace.Fixture.describeOrders;
import static org.ctrace.domain.trace.Fixture.living;
import static org.ctrace.domain.trace.Fixture.on;
import static org.ctrace.domain.trace.Fixture.point;
import static org.ctrace.domain.trace.Fixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.ctrace.domain.Area;
import org.ctrace.domain.Person;
import org.ctrace.domain.QuarantineRecord;
import org.ctrace.domain.QuarantineStatus;
import org.ctrace.domain.QuarantineType;
import org.junit.jupiter.api.Test;

/**
 * SPEC §5: the quarantine list's action (the first of quarantine, upgrade, extend, ok that
 * applies), current_status, and its sort order (tier, city, district, town, village,
 * person_id with String.compareTo). Profile cn-9, as of 2024-03-12; case A has onset 2024-03-10.
 */
class QuarantineListingTest {

    @Test
    void theActionIsTheFirstThatApplies() {
        // Every Pn meets A at 2024-03-10 10:00: close, centralized until 2024-03-17, monitoring until 2024-03-20.
        // S1..S3 meet P1 (no row, window to the as-of day's end) on 2024-03-11: secondary, home until 2024-03-18.
        Fixture.Run run = asOf("2024-03-12").cases(confirmed("A", "2024-03-10"));
        for (int i = 1; i <= 12; i++) {
            run.events(point("A", "P" + i, "2024-03-10 10:00", "work"));
        }
        run.events(point("P1", "S1", "2024-03-11 10:00", "work"),
                point("P1", "S2", "2024-03-11 11:00", "work"),
                point("P1", "S3", "2024-03-11 12:00", "work"));
        run.rows(row("P2", QuarantineStatus.RELEASED, on("2024-03-01"), null),
                row("P3", QuarantineStatus.RELEASED, on("2024-03-01"), "2024-03-16"),
                row("P4", QuarantineStatus.RELEASED, on("2024-03-01"), "2024-03-17"),
                row("P5", QuarantineStatus.HOME, on("2024-03-11"), "2024-03-20"),
                row("P6", QuarantineStatus.HOME, on("2024-03-11"), "2024-03-12"),
                row("P7", QuarantineStatus.HOSPITAL, on("2024-03-11"), null),
                row("P8", QuarantineStatus.HOSPITAL, on("2024-03-11"), "2024-03-15"),
                row("P9", QuarantineStatus.CENTRALIZED, on("2024-03-11"), "2024-03-16"),
                row("P10", QuarantineStatus.CENTRALIZED, on("2024-03-11"), "2024-03-17"),
                row("P11", QuarantineStatus.CENTRALIZED, on("2024-03-11"), null),
                row("P12", QuarantineStatus.CENTRALIZED, on("2024-03-13"), "2024-03-20"),
                row("S1", QuarantineStatus.HOME, on("2024-03-11"), "2024-03-17"),
                row("S2", QuarantineStatus.CENTRALIZED, on("2024-03-11"), null),
                row("S3", QuarantineStatus.HOME, on("2024-03-11"), "2024-03-18"));

        String close = "|close|A|2024-03-10 10:00|2024-03-10 10:00|centralized|2024-03-17|2024-03-20|";
        assertEquals(List.of(
                "P1" + close + "none||quarantine",
                "P10" + close + "centralized|2024-03-17|ok",
                "P11" + close + "centralized||ok",
                "P12" + close + "none||quarantine",
                "P2" + close + "released||quarantine",
                "P3" + close + "released|2024-03-16|quarantine",
                "P4" + close + "released|2024-03-17|ok",
                "P5" + close + "home|2024-03-20|upgrade",
                "P6" + close + "home|2024-03-12|upgrade",
                "P7" + close + "hospital||ok",
                "P8" + close + "hospital|2024-03-15|extend",
                "P9" + close + "centralized|2024-03-16|extend",
                "S1|secondary|P1|2024-03-11 10:00|2024-03-11 10:00|home|2024-03-18||home|2024-03-17|extend",
                "S2|secondary|P1|2024-03-11 11:00|2024-03-11 11:00|home|2024-03-18||centralized||ok",
                "S3|secondary|P1|2024-03-11 12:00|2024-03-11 12:00|home|2024-03-18||home|2024-03-18|ok"),
                describeOrders(run.orders()));
    }

    /** A row started on 2024-03-11 with the given status and planned end. */
    private static QuarantineRecord held(QuarantineStatus status, String plannedEnd) {
        return row("X", status, on("2024-03-11"), plannedEnd);
    }

    @Test
    void actionTableForARequiredEndOf20240317() {
        LocalDate end = date("2024-03-17");
        QuarantineType centralized = QuarantineType.CENTRALIZED;
        QuarantineType home = QuarantineType.HOME;

        assertEquals(Action.QUARANTINE, QuarantineListing.action(null, centralized, end));
        assertEquals(Action.QUARANTINE, QuarantineListing.action(held(QuarantineStatus.RELEASED, null), home, end));
        assertEquals(Action.QUARANTINE,
                QuarantineListing.action(held(QuarantineStatus.RELEASED, "2024-03-16"), home, end));
        assertEquals(Action.OK, QuarantineListing.action(held(QuarantineStatus.RELEASED, "2024-03-17"), home, end));
        assertEquals(Action.UPGRADE, QuarantineListing.action(held(QuarantineStatus.HOME, "2024-03-10"), centralized, end));
        assertEquals(Action.UPGRADE, QuarantineListing.action(held(QuarantineStatus.HOME, null), centralized, end));
        assertEquals(Action.EXTEND, QuarantineListing.action(held(QuarantineStatus.HOME, "2024-03-16"), home, end));
        assertEquals(Action.OK, QuarantineListing.action(held(QuarantineStatus.HOME, "2024-03-17"), home, end));
        assertEquals(Action.OK, QuarantineListing.action(held(QuarantineStatus.HOME, null), home, end));
        assertEquals(Action.OK, QuarantineListing.action(held(QuarantineStatus.HOSPITAL, null), centralized, end));
        assertEquals(Action.EXTEND,
                QuarantineListing.action(held(QuarantineStatus.HOSPITAL, "2024-03-16"), centralized, end));
        assertEquals(Action.OK, QuarantineListing.action(held(QuarantineStatus.CENTRALIZED, "2024-03-18"), home, end));
        assertEquals(Action.EXTEND,
                QuarantineListing.action(held(QuarantineStatus.CENTRALIZED, "2024-03-16"), centralized, end));
        assertEquals("quarantine", Action.QUARANTINE.word());
        assertEquals("upgrade", Action.UPGRADE.word());
        assertEquals("extend", Action.EXTEND.word());
        assertEquals("ok", Action.OK.word());
    }

    @Test
    void theListIsSortedByTierThenAreaThenPersonIdWithStringCompareTo() {
        Area v1 = new Area("Beijing", "Chaoyang", "T1", "V1");
        Fixture.Run run = asOf("2024-03-12").cases(confirmed("A", "2024-03-10"))
                .persons(new Person("Z", "Zhang San", "13800000000", new Area("Anhui", "Hefei", "T1", "V1"), ""),
                        living("Q", new Area("Beijing", "Chaoyang", "T1", "")),
                        living("P10", v1), living("P2", v1), living("p1", v1),
                        living("R", new Area("Beijing", "Dongcheng", "T1", "V1")),
                        living("C1", new Area("北京", "东城区", "", "")),
                        living("C2", new Area("北京", "朝阳区", "", "")),
                        living("A2", new Area("Anhui", "Hefei", "T1", "V1")),
                        living("V", Area.UNKNOWN), living("E", Area.UNKNOWN));
        for (String id : List.of("C2", "C1", "R", "p1", "P2", "P10", "Q", "Z", "U", "V", "E")) {
            run.events(point("A", id, "2024-03-10 10:00", "work"));
        }
        run.events(point("U", "A2", "2024-03-11 10:00", "work"));

        List<QuarantineOrder> orders = run.orders();

        // "" < "Anhui" < "Beijing" < "北京"; "Chaoyang" < "Dongcheng"; village "" < "V1";
        // "P10" < "P2" < "p1"; 东 (U+4E1C) < 朝 (U+671D), although Chaoyang comes first in pinyin.
        // U is not registered: its empty areas sort with those of the registered E and V, by id.
        assertEquals(List.of("E", "U", "V", "Z", "Q", "P10", "P2", "p1", "R", "C1", "C2", "A2"),
                orders.stream().map(QuarantineOrder::personId).toList());
        // a split finds each row's area by its place, without making the row: the same area
        QuarantineList list = new QuarantineList(null, orders);
        assertEquals(orders.stream().map(o -> o.person().area()).toList(),
                IntStream.range(0, orders.size()).mapToObj(list::areaAt).toList());
        QuarantineOrder u = orders.get(1);
        assertEquals("", u.person().name());
        assertEquals("", u.person().phone());
        assertEquals(Area.UNKNOWN, u.person().area());
        QuarantineOrder z = orders.get(3);
        assertEquals("Zhang San", z.person().name());
        assertEquals("13800000000", z.person().phone());
        assertEquals(new Area("Anhui", "Hefei", "T1", "V1"), z.person().area());
        assertEquals(2, orders.get(11).tier());
    }

    @Test
    void theOrderComparatorComparesTierBeforeArea() {
        TracedPerson closeContact = new TracedPerson("B", 1, List.of("A"), 0, 0, date("1970-01-01"), "A", "");
        TracedPerson secondary = new TracedPerson("A2", 2, List.of("B"), 0, 0, date("1970-01-01"), "B", "");
        QuarantineOrder late = order(living("B", new Area("Z", "", "", "")), closeContact);
        QuarantineOrder early = order(living("A2", new Area("A", "", "", "")), secondary);

        assertTrue(QuarantineListing.ORDER.compare(late, early) < 0);
    }

    private static QuarantineOrder order(Person p, TracedPerson t) {
        return new QuarantineOrder(p, t, QuarantineType.HOME, date("1970-01-08"), null, "none", null,
                Action.QUARANTINE, "");
    }
}
