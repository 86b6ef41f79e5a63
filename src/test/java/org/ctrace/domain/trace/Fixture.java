package org.ctrace.domain.trace;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
import org.ctrace.domain.RuleProfile;
import org.ctrace.domain.RuleProfiles;
import org.ctrace.domain.WallClock;

/**
 * Tiny inline inputs for the tracing tests: events, cases, persons and quarantine rows built
 * from {@code yyyy-MM-dd HH:mm[:ss]} text, and a {@link Run} that traces them.
 *
 * <p>Traced persons and quarantine-list rows are described as one line of {@code |}-separated
 * values, so that a single {@code assertEquals} on a list checks every value, the order, and
 * that nobody else was listed.
 */
final class Fixture {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]", Locale.ROOT);

    private Fixture() {
    }

    /** Wall-clock seconds of {@code yyyy-MM-dd HH:mm[:ss]}. */
    static long at(String dateTime) {
        return WallClock.of(LocalDateTime.parse(dateTime, TIME));
    }

    static LocalDate date(String date) {
        return LocalDate.parse(date);
    }

    // ---- events -------------------------------------------------------------------------

    /** A timed span [start, end), distance unknown, unprotected. */
    static ContactEvent span(String a, String b, String start, String end, String setting) {
        return new ContactEvent(a, b, at(start), at(end), false, Double.NaN, setting, Double.NaN, false);
    }

    /** A point with unknown minutes (no end, no duration). */
    static ContactEvent point(String a, String b, String instant, String setting) {
        return new ContactEvent(a, b, at(instant), at(instant), false, Double.NaN, setting, Double.NaN, false);
    }

    /** A timed zero-length event: a point with 0 known minutes. */
    static ContactEvent zeroLength(String a, String b, String instant, String setting) {
        return new ContactEvent(a, b, at(instant), at(instant), false, 0, setting, Double.NaN, false);
    }

    /** A date-only event: the whole day, minutes = duration_min (NaN: unknown). */
    static ContactEvent dateOnly(String a, String b, String day, double minutes, String setting) {
        LocalDate d = date(day);
        return new ContactEvent(a, b, WallClock.startOf(d), WallClock.endOf(d), true, minutes, setting,
                Double.NaN, false);
    }

    /** The same event at a known distance. */
    static ContactEvent metres(double distance, ContactEvent e) {
        return new ContactEvent(e.personA(), e.personB(), e.start(), e.end(), e.dateOnly(), e.minutes(),
                e.setting(), distance, e.isProtected());
    }

    /** The same event with effective protection worn. */
    static ContactEvent protectedly(ContactEvent e) {
        return new ContactEvent(e.personA(), e.personB(), e.start(), e.end(), e.dateOnly(), e.minutes(),
                e.setting(), e.distanceM(), true);
    }

    // ---- cases, persons, quarantine rows ------------------------------------------------------

    /** A confirmed case with an onset date, still in the community. */
    static Case confirmed(String id, String onset) {
        return new Case(id, Classification.CONFIRMED, date(onset), null, null, "");
    }

    /** A confirmed case with an onset date and an isolation moment. */
    static Case confirmed(String id, String onset, Moment isolation) {
        return new Case(id, Classification.CONFIRMED, date(onset), null, isolation, "");
    }

    static Case classified(String id, Classification classification, String onset) {
        return new Case(id, classification, date(onset), null, null, "");
    }

    /** A date without a time (isolation or quarantine start "on" that day). */
    static Moment on(String day) {
        return Moment.ofDate(date(day));
    }

    /** A date-time. */
    static Moment time(String dateTime) {
        return new Moment(at(dateTime), true);
    }

    static Person inHousehold(String id, String householdId) {
        return new Person(id, "", "", Area.UNKNOWN, householdId);
    }

    static Person living(String id, Area area) {
        return new Person(id, "", "", area, "");
    }

    static QuarantineRecord row(String id, QuarantineStatus status, Moment start, String plannedEnd) {
        return new QuarantineRecord(id, status, start, plannedEnd == null ? null : date(plannedEnd), "");
    }

    // ---- descriptions ------------------------------------------------------------------------

    /** {@code id|tier|sources|first|last|lastDay|lastSource|lastSetting}. */
    static String describe(TracedPerson p) {
        return String.join("|", p.personId(), TracedPerson.tierName(p.tier()), String.join(";", p.sources()),
                p.firstText(), p.lastText(), p.lastDay().toString(), p.lastSource(), p.lastSetting());
    }

    /** Every traced person, in the result's order. */
    static List<String> describe(TraceResult r) {
        List<String> out = new ArrayList<>();
        for (TracedPerson p : r.persons()) {
            out.add(describe(p));
        }
        return out;
    }

    /** {@code source>person|tier|first|last|lastDay|lastSetting}. */
    static String describe(Exposure e) {
        return String.join("|", e.source() + ">" + e.person(), TracedPerson.tierName(e.tier()), e.firstText(),
                e.lastText(), e.lastDay().toString(), e.lastSetting());
    }

    /**
     * {@code id|tier|sources|first|last|quarantine_type|quarantine_end|monitoring_end|current_status|planned_end|action},
     * empty for null dates.
     */
    static String describe(QuarantineOrder o) {
        TracedPerson t = o.traced();
        return String.join("|", o.personId(), TracedPerson.tierName(o.tier()), String.join(";", t.sources()),
                t.firstText(), t.lastText(), o.quarantineType().word(), text(o.quarantineEnd()),
                text(o.monitoringEnd()), o.currentStatus(), text(o.plannedEnd()), o.action().word());
    }

    static List<String> describeOrders(List<QuarantineOrder> orders) {
        List<String> out = new ArrayList<>();
        for (QuarantineOrder o : orders) {
            out.add(describe(o));
        }
        return out;
    }

    private static String text(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    // ---- a run ---------------------------------------------------------------------------

    /** A trace answering for the end of {@code asOf}, with profile cn-9 unless told otherwise. */
    static Run asOf(String asOf) {
        return new Run(date(asOf));
    }

    static final class Run {
        private final LocalDate asOf;
        private RuleProfile rules = RuleProfiles.CN_9;
        private final List<Case> cases = new ArrayList<>();
        private final List<Person> persons = new ArrayList<>();
        private final List<QuarantineRecord> rows = new ArrayList<>();
        private final List<ContactEvent> events = new ArrayList<>();
        private int depth;

        private Run(LocalDate asOf) {
            this.asOf = asOf;
        }

        Run rules(RuleProfile profile) {
            rules = profile;
            return this;
        }

        Run cases(Case... c) {
            cases.addAll(Arrays.asList(c));
            return this;
        }

        Run persons(Person... p) {
            persons.addAll(Arrays.asList(p));
            return this;
        }

        Run rows(QuarantineRecord... r) {
            rows.addAll(Arrays.asList(r));
            return this;
        }

        Run events(ContactEvent... e) {
            events.addAll(Arrays.asList(e));
            return this;
        }

        /** The depth asked for; without it the profile's default (2 where secondary is traced, else 1). */
        Run depth(int d) {
            depth = d;
            return this;
        }

        PersonRegistry registry() {
            return persons.isEmpty() ? PersonRegistry.none() : PersonRegistry.of(persons);
        }

        QuarantineRegistry quarantine() {
            return new QuarantineRegistry(rows, asOf, registry());
        }

        TraceResult trace() {
            return trace(ContactTracer.PAIRS_PER_RUN);
        }

        /** The trace with its pairs evaluated in runs of about {@code pairsPerRun}. */
        TraceResult trace(int pairsPerRun) {
            return tracer(pairsPerRun).trace();
        }

        /** The trace a list is made from: no exposure graph. */
        TraceResult traceWithoutGraph() {
            return tracer(ContactTracer.PAIRS_PER_RUN).traceWithoutGraph();
        }

        private ContactTracer tracer(int pairsPerRun) {
            int d = depth > 0 ? depth : rules.defaultDepth();
            List<ContactEvent> copy = List.copyOf(events);
            return new ContactTracer(rules, cases, registry(), quarantine(), sink -> copy.forEach(sink), asOf, d,
                    pairsPerRun);
        }

        List<QuarantineOrder> orders() {
            return new QuarantineListing(traceWithoutGraph(), rules, registry(), quarantine()).orders();
        }
    }
}
