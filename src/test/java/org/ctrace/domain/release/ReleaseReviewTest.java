package org.ctrace.domain.release;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ctrace.domain.Area;
import org.ctrace.domain.Case;
import org.ctrace.domain.Classification;
import org.ctrace.domain.ContactEvent;
import org.ctrace.domain.Moment;
import org.ctrace.domain.Person;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.QuarantineRecord;
import org.ctrace.domain.QuarantineRegistry;
import org.ctrace.domain.QuarantineStatus;
import org.ctrace.domain.QuarantineType;
import org.ctrace.domain.RuleProfiles;
import org.ctrace.domain.WallClock;
import org.ctrace.domain.trace.Action;
import org.ctrace.domain.trace.QuarantineList;
import org.ctrace.domain.trace.QuarantineOrder;
import org.ctrace.domain.trace.TracedPerson;
import org.junit.jupiter.api.Test;

/**
 * SPEC §7: who may be released at the end of the as-of day D = 2024-03-15, who must be held,
 * and who is to be reviewed.
 *
 * <p>Most tests give the quarantine list inline (cn-9 rows: 7 days after the last exposure,
 * monitoring 3 more days for tier 1), the quarantine rows and the registry; the last one runs
 * the whole chain from cases and contact events. A decision is described as
 * {@code person_id|tier|current_status|planned_end|quarantine_end|monitoring_end|decision|reason}.
 */
class ReleaseReviewTest {

    private static final LocalDate D = LocalDate.parse("2024-03-15");

    private static final Area DONGLI = new Area("Qinghe", "Beiyuan", "Liuzhuang", "Dongli");
    private static final Area XILI = new Area("Qinghe", "Beiyuan", "Liuzhuang", "Xili");
    private static final Area QIANJIN = new Area("Qinghe", "Nanhu", "Hexi", "Qianjin");

    private static final String NOT_LISTED =
            "not on the quarantine list: no exposure in the data requires quarantine; check before release";

    // ---- release --------------------------------------------------------------------------------

    @Test
    void releaseWhenTheQuarantineEndIsTheAsOfDayOrEarlierButNotTheDayAfter() {
        Review r = new Review()
                // quarantine_end = D: complete at the end of D
                .listed("R1", 1, "2024-03-15", "2024-03-18", row("R1", QuarantineStatus.CENTRALIZED, "2024-03-08",
                        "2024-03-15"))
                // quarantine_end = D + 1 (planned end too): one more day, not printed
                .listed("R2", 1, "2024-03-16", "2024-03-19", row("R2", QuarantineStatus.CENTRALIZED, "2024-03-09",
                        "2024-03-16"))
                // tier 2 (no monitoring) ending on D
                .listed("R3", 2, "2024-03-15", null, row("R3", QuarantineStatus.HOME, "2024-03-08", "2024-03-15"))
                // tier 2 ending on D + 1: not printed
                .listed("R4", 2, "2024-03-16", null, row("R4", QuarantineStatus.HOME, "2024-03-09", "2024-03-16"))
                // complete before D while the plan runs on: the plan does not keep anyone in
                .listed("R5", 1, "2024-03-14", "2024-03-17", row("R5", QuarantineStatus.HOSPITAL, "2024-03-08",
                        "2024-03-20"))
                // an open-ended plan, complete on D
                .listed("R6", 2, "2024-03-15", null, row("R6", QuarantineStatus.CENTRALIZED, "2024-03-08", null))
                // tier 1 under a profile without monitoring (monitoring_end empty)
                .listed("R7", 1, "2024-03-15", null, row("R7", QuarantineStatus.CENTRALIZED, "2024-03-08",
                        "2024-03-15"));

        assertEquals(List.of(
                "R1|close|centralized|2024-03-15|2024-03-15|2024-03-18|release|home health monitoring until 2024-03-18",
                "R3|secondary|home|2024-03-15|2024-03-15||release|quarantine complete",
                "R5|close|hospital|2024-03-20|2024-03-14|2024-03-17|release|home health monitoring until 2024-03-17",
                "R6|secondary|centralized||2024-03-15||release|quarantine complete",
                "R7|close|centralized|2024-03-15|2024-03-15||release|quarantine complete"), r.decisions());
    }

    // ---- hold -----------------------------------------------------------------------------------

    @Test
    void holdWhenThePlannedEndIsTheAsOfDayOrEarlierButTheRequiredEndIsLater() {
        Review r = new Review()
                // planned end = D, required end D + 1: releasing tonight would be one day early
                .listed("H1", 1, "2024-03-16", "2024-03-19", row("H1", QuarantineStatus.CENTRALIZED, "2024-03-10",
                        "2024-03-15"))
                // planned end = D + 1: the plan still holds the person tonight, not printed
                .listed("H2", 1, "2024-03-17", "2024-03-20", row("H2", QuarantineStatus.CENTRALIZED, "2024-03-10",
                        "2024-03-16"))
                // a planned end well before D, at home, tier 2
                .listed("H3", 2, "2024-03-20", null, row("H3", QuarantineStatus.HOME, "2024-03-09", "2024-03-10"))
                // an open-ended plan is never due: not printed
                .listed("H4", 1, "2024-03-20", "2024-03-23", row("H4", QuarantineStatus.CENTRALIZED, "2024-03-13",
                        null))
                // in hospital with a planned end before D
                .listed("H5", 1, "2024-03-19", "2024-03-22", row("H5", QuarantineStatus.HOSPITAL, "2024-03-12",
                        "2024-03-14"));

        assertEquals(List.of(
                "H1|close|centralized|2024-03-15|2024-03-16|2024-03-19|hold|quarantine required until 2024-03-16"
                        + " (last exposure 2024-03-09 to C1 (meal)); releasing now would be early",
                "H3|secondary|home|2024-03-10|2024-03-20||hold|quarantine required until 2024-03-20"
                        + " (last exposure 2024-03-13 to C1 (meal)); releasing now would be early",
                "H5|close|hospital|2024-03-14|2024-03-19|2024-03-22|hold|quarantine required until 2024-03-19"
                        + " (last exposure 2024-03-12 to C1 (meal)); releasing now would be early"), r.decisions());
    }

    @Test
    void releaseWinsOverHoldWhenBothEndsAreDue() {
        // quarantine_end = D and planned end = D: complete, not early
        Review r = new Review().listed("B1", 2, "2024-03-15", null,
                row("B1", QuarantineStatus.HOME, "2024-03-08", "2024-03-14"));
        assertEquals(List.of("B1|secondary|home|2024-03-14|2024-03-15||release|quarantine complete"), r.decisions());
    }

    // ---- review ---------------------------------------------------------------------------------

    @Test
    void reviewEveryoneInQuarantineWhoIsNotOnTheList() {
        Review r = new Review()
                .unlisted(row("V1", QuarantineStatus.HOME, "2024-03-10", "2024-03-20"))
                // a planned end on or before D does not release someone the data do not explain
                .unlisted(row("V2", QuarantineStatus.CENTRALIZED, "2024-03-05", "2024-03-12"))
                .unlisted(row("V3", QuarantineStatus.HOSPITAL, "2024-03-11", null))
                .unlisted(row("V4", QuarantineStatus.CENTRALIZED, "2024-03-15", "2024-03-15"));

        assertEquals(List.of(
                "V1||home|2024-03-20|||review|" + NOT_LISTED,
                "V2||centralized|2024-03-12|||review|" + NOT_LISTED,
                "V3||hospital||||review|" + NOT_LISTED,
                "V4||centralized|2024-03-15|||review|" + NOT_LISTED), r.decisions());
        assertEquals(NOT_LISTED, ReleaseReview.NOT_LISTED);
    }

    @Test
    void anUnregisteredPersonInQuarantineIsReviewedWithEmptyNameAndArea() {
        Review r = new Review().unlisted(row("V1", QuarantineStatus.HOME, "2024-03-10", "2024-03-20"));
        QuarantineRecord stranger = row("Z9", QuarantineStatus.HOME, "2024-03-10", "2024-03-20");
        r.rows.add(stranger);
        List<ReleaseRow> rows = r.review().decisions();
        assertEquals(2, rows.size());
        // the empty area names sort before every name
        assertEquals(Person.unregistered("Z9"), rows.get(0).person());
        assertEquals(stranger, rows.get(0).quarantine());
        assertEquals(null, rows.get(0).order());
        assertEquals(ReleaseDecision.REVIEW, rows.get(0).decision());
        assertEquals("V1", rows.get(1).person().id());
    }

    // ---- never printed --------------------------------------------------------------------------

    @Test
    void aReleasedRowNeverAppears() {
        Review r = new Review()
                // would be release: quarantine_end before D
                .listed("E1", 1, "2024-03-10", "2024-03-13", row("E1", QuarantineStatus.RELEASED, "2024-03-04",
                        "2024-03-10"))
                // would be hold: planned end before D, quarantine_end after D
                .listed("E2", 1, "2024-03-20", "2024-03-23", row("E2", QuarantineStatus.RELEASED, "2024-03-12",
                        "2024-03-14"))
                // would be review: not on the list
                .unlisted(row("E3", QuarantineStatus.RELEASED, "2024-03-01", "2024-03-08"))
                // released without an end
                .unlisted(row("E4", QuarantineStatus.RELEASED, "2024-03-01", null))
                // a control row in quarantine, so the list is not empty for another reason
                .unlisted(row("K1", QuarantineStatus.HOME, "2024-03-10", "2024-03-20"));

        assertEquals(List.of("K1||home|2024-03-20|||review|" + NOT_LISTED), r.decisions());
    }

    @Test
    void aPersonOnTheListWhoseRequiredAndPlannedEndsAreBothAfterTheAsOfDayIsNotPrinted() {
        Review r = new Review()
                .listed("N1", 1, "2024-03-16", "2024-03-19", row("N1", QuarantineStatus.CENTRALIZED, "2024-03-10",
                        "2024-03-16"))
                .listed("N2", 1, "2024-03-20", "2024-03-23", row("N2", QuarantineStatus.HOME, "2024-03-14",
                        "2024-03-25"))
                .listed("N3", 2, "2024-03-18", null, row("N3", QuarantineStatus.HOME, "2024-03-14", null))
                // planned end before the required end, but after D: extend is coverage's business, not release's
                .listed("N4", 2, "2024-03-20", null, row("N4", QuarantineStatus.HOME, "2024-03-14", "2024-03-17"));

        assertEquals(List.of(), r.decisions());
    }

    @Test
    void rowsStartingAfterTheAsOfDayAreAbsent() {
        Review r = new Review()
                // on the list, quarantine complete, but the row starts on D + 1: treated as absent
                .listed("F1", 1, "2024-03-14", "2024-03-17", row("F1", QuarantineStatus.CENTRALIZED, "2024-03-16",
                        "2024-03-20"))
                // not on the list, starting on D + 1: absent, so not reviewed
                .unlisted(row("F2", QuarantineStatus.HOME, "2024-03-16", "2024-03-23"))
                // starting on D (a date): in force
                .unlisted(row("F3", QuarantineStatus.HOME, "2024-03-15", "2024-03-22"))
                // starting at 23:30 of D: in force
                .listed("F4", 1, "2024-03-15", "2024-03-18", new QuarantineRecord("F4", QuarantineStatus.CENTRALIZED,
                        new Moment(WallClock.of(LocalDateTime.parse("2024-03-15T23:30")), true), null, ""));

        assertEquals(List.of(
                "F3||home|2024-03-22|||review|" + NOT_LISTED,
                "F4|close|centralized||2024-03-15|2024-03-18|release|home health monitoring until 2024-03-18"),
                r.decisions());
    }

    // ---- order ----------------------------------------------------------------------------------

    @Test
    void sortedByCityDistrictTownVillageThenPersonId() {
        Review r = new Review()
                .listed("P1", QIANJIN, 1, "2024-03-14", "2024-03-17", row("P1", QuarantineStatus.CENTRALIZED,
                        "2024-03-08", "2024-03-14"))
                .listed("P9", XILI, 1, "2024-03-14", "2024-03-17", row("P9", QuarantineStatus.CENTRALIZED,
                        "2024-03-08", "2024-03-14"))
                .unlisted("P2", XILI, row("P2", QuarantineStatus.HOME, "2024-03-10", "2024-03-20"))
                .listed("P10", XILI, 2, "2024-03-19", null, row("P10", QuarantineStatus.HOME, "2024-03-12",
                        "2024-03-13"))
                .unlisted("Q1", DONGLI, row("Q1", QuarantineStatus.HOME, "2024-03-10", "2024-03-20"));

        // Dongli, then Xili (P10, P2, P9 by String.compareTo, whatever the decision), then Nanhu's Qianjin
        assertEquals(List.of("Q1|review", "P10|hold", "P2|review", "P9|release", "P1|release"),
                r.review().decisions().stream().map(x -> x.person().id() + "|" + x.decision().word()).toList());
    }

    // ---- the whole chain --------------------------------------------------------------------------

    @Test
    void fromCasesAndContactsToDecisions() {
        // cn-9, as of D. C1: onset 03-10, isolated 03-12 (a date): window [03-06 00:00, 03-13 00:00).
        //  P1 meal 03-08 -> close, quarantine_end 03-15 = D, monitoring 03-18: release.
        //  P2 meal 03-09 -> close, quarantine_end 03-16 = D + 1, planned end D: hold.
        //  P4 meal 03-11 -> quarantine_end 03-18, planned 03-25: not printed.
        //  P5 meal 03-08 -> quarantine_end D, but its row is released: not printed.
        //  P6 meal 03-08 -> quarantine_end D, but its row starts on D + 1 (absent): not printed.
        //  S1 household with P1 on 03-08 (inside P1's window, which closes at its quarantine start,
        //    03-09 24:00) -> secondary, quarantine_end D, no monitoring: release, quarantine complete.
        //  C1, the case, in hospital: not on the list: review. P3, in quarantine with no exposure: review.
        List<Person> persons = List.of(person("C1", DONGLI), person("P1", XILI), person("P2", DONGLI),
                person("P3", QIANJIN), person("P4", DONGLI), person("P5", DONGLI), person("P6", DONGLI),
                person("S1", XILI));
        List<Case> cases = List.of(new Case("C1", Classification.CONFIRMED, LocalDate.parse("2024-03-10"), null,
                Moment.ofDate(LocalDate.parse("2024-03-12")), ""));
        List<ContactEvent> events = List.of(
                meal("C1", "P1", "2024-03-08T12:00", "2024-03-08T12:30"),
                meal("P2", "C1", "2024-03-09T12:00", "2024-03-09T12:30"),
                meal("C1", "P4", "2024-03-11T12:00", "2024-03-11T12:30"),
                meal("C1", "P5", "2024-03-08T13:00", "2024-03-08T13:30"),
                meal("C1", "P6", "2024-03-08T14:00", "2024-03-08T14:30"),
                new ContactEvent("P1", "S1", at("2024-03-08T18:00"), at("2024-03-08T18:30"), false, Double.NaN,
                        "household", Double.NaN, false));
        QuarantineRegistry quarantine = new QuarantineRegistry(List.of(
                row("C1", QuarantineStatus.HOSPITAL, "2024-03-12", null),
                row("P1", QuarantineStatus.CENTRALIZED, "2024-03-09", "2024-03-15"),
                row("P2", QuarantineStatus.CENTRALIZED, "2024-03-10", "2024-03-15"),
                row("P3", QuarantineStatus.HOME, "2024-03-14", "2024-03-21"),
                row("P4", QuarantineStatus.HOME, "2024-03-12", "2024-03-25"),
                row("P5", QuarantineStatus.RELEASED, "2024-03-09", "2024-03-15"),
                row("P6", QuarantineStatus.CENTRALIZED, "2024-03-16", "2024-03-22"),
                row("S1", QuarantineStatus.HOME, "2024-03-09", "2024-03-15")), D);
        PersonRegistry registry = PersonRegistry.of(persons);
        QuarantineList list = QuarantineList.of(RuleProfiles.CN_9, cases, registry, quarantine,
                sink -> events.forEach(sink), D, 2);

        assertEquals(List.of(
                "C1||hospital||||review|" + NOT_LISTED,
                "P2|close|centralized|2024-03-15|2024-03-16|2024-03-19|hold|quarantine required until 2024-03-16"
                        + " (last exposure 2024-03-09 to C1 (meal)); releasing now would be early",
                "P1|close|centralized|2024-03-15|2024-03-15|2024-03-18|release|home health monitoring until 2024-03-18",
                "S1|secondary|home|2024-03-15|2024-03-15||release|quarantine complete",
                "P3||home|2024-03-21|||review|" + NOT_LISTED),
                describe(new ReleaseReview(list.orders(), quarantine, registry, D).decisions()));
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Builds the inputs of one review: the list, the quarantine rows and the registry. */
    private static final class Review {
        private final List<QuarantineOrder> orders = new ArrayList<>();
        private final List<QuarantineRecord> rows = new ArrayList<>();
        private final List<Person> persons = new ArrayList<>();

        /** A listed person in Dongli with its quarantine row. */
        Review listed(String id, int tier, String quarantineEnd, String monitoringEnd, QuarantineRecord row) {
            return listed(id, DONGLI, tier, quarantineEnd, monitoringEnd, row);
        }

        /**
         * A listed person: a cn-9 row whose last exposure (to C1, at a meal) is 7 days before the
         * quarantine end; the row's status and planned end are copied into the list row.
         */
        Review listed(String id, Area area, int tier, String quarantineEnd, String monitoringEnd,
                      QuarantineRecord row) {
            Person p = person(id, area);
            LocalDate end = LocalDate.parse(quarantineEnd);
            LocalDate lastDay = end.minusDays(7);
            TracedPerson traced = new TracedPerson(id, tier, List.of("C1"), WallClock.startOf(lastDay) + 12 * 3600,
                    WallClock.startOf(lastDay) + 13 * 3600, lastDay, "C1", "meal");
            // the action plays no part in release (SPEC §7); it is given as SPEC §5 would
            Action action = row.status() == QuarantineStatus.RELEASED ? Action.QUARANTINE
                    : tier == 1 && row.status() == QuarantineStatus.HOME ? Action.UPGRADE
                    : row.endsBefore(end) ? Action.EXTEND : Action.OK;
            orders.add(new QuarantineOrder(p, traced, tier == 1 ? QuarantineType.CENTRALIZED : QuarantineType.HOME,
                    end, monitoringEnd == null ? null : LocalDate.parse(monitoringEnd), row.status().word(),
                    row.plannedEnd(), action, traced.lastExposureText()));
            persons.add(p);
            rows.add(row);
            return this;
        }

        /** A registered person in Dongli, in quarantine, not on the list. */
        Review unlisted(QuarantineRecord row) {
            return unlisted(row.personId(), DONGLI, row);
        }

        Review unlisted(String id, Area area, QuarantineRecord row) {
            persons.add(person(id, area));
            rows.add(row);
            return this;
        }

        ReleaseReview review() {
            return new ReleaseReview(orders, new QuarantineRegistry(rows, D), PersonRegistry.of(persons), D);
        }

        List<String> decisions() {
            return describe(review().decisions());
        }
    }

    private static Person person(String id, Area area) {
        return new Person(id, "", "", area, "");
    }

    /** A quarantine row starting on a date (a date alone). */
    private static QuarantineRecord row(String id, QuarantineStatus status, String start, String plannedEnd) {
        return new QuarantineRecord(id, status, Moment.ofDate(LocalDate.parse(start)),
                plannedEnd == null ? null : LocalDate.parse(plannedEnd), "");
    }

    private static ContactEvent meal(String a, String b, String start, String end) {
        return new ContactEvent(a, b, at(start), at(end), false, Double.NaN, "meal", Double.NaN, false);
    }

    private static long at(String isoDateTime) {
        return WallClock.of(LocalDateTime.parse(isoDateTime));
    }

    private static String text(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static List<String> describe(List<ReleaseRow> rows) {
        List<String> out = new ArrayList<>();
        for (ReleaseRow r : rows) {
            QuarantineOrder o = r.order();
            out.add(String.join("|", Arrays.asList(r.person().id(), o == null ? "" : TracedPerson.tierName(o.tier()),
                    r.quarantine().status().word(), text(r.quarantine().plannedEnd()),
                    o == null ? "" : text(o.quarantineEnd()), o == null ? "" : text(o.monitoringEnd()),
                    r.decision().word(), r.reason())));
        }
        return out;
    }
}
