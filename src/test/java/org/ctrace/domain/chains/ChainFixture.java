package org.ctrace.domain.chains;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ctrace.domain.Area;
import org.ctrace.domain.Case;
import org.ctrace.domain.Classification;
import org.ctrace.domain.ContactEvent;
import org.ctrace.domain.ContactEventSource;
import org.ctrace.domain.Moment;
import org.ctrace.domain.Person;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.WallClock;

/**
 * Tiny inline inputs for the chains tests: cases by onset day, links, events, and one-line
 * descriptions of the result rows, so that a single {@code assertEquals} on a list checks
 * every value, the order, and that nothing else was reported.
 */
final class ChainFixture {

    /** The as-of day of every test: 2024-03-31. */
    static final LocalDate AS_OF = LocalDate.of(2024, 3, 31);

    private ChainFixture() {
    }

    static LocalDate day(int dayOfMarch) {
        return LocalDate.of(2024, 3, dayOfMarch);
    }

    /** A confirmed case with onset on a day of March 2024 and no infector. */
    static Case onset(String id, int dayOfMarch) {
        return new Case(id, Classification.CONFIRMED, day(dayOfMarch), null, null, "");
    }

    /** A confirmed case with onset on a day of March 2024, infected by the given person. */
    static Case onset(String id, int dayOfMarch, String infector) {
        return new Case(id, Classification.CONFIRMED, day(dayOfMarch), null, null, infector);
    }

    /** A case with only a sample date (no onset): it has no serial interval. */
    static Case sampled(String id, int dayOfMarch) {
        return new Case(id, Classification.ASYMPTOMATIC, null, day(dayOfMarch), null, "");
    }

    /** A reported link as links.csv gives it, on line 2. */
    static CaseLink reported(String from, String to) {
        return new CaseLink(from, to, LinkKind.REPORTED, null, new LinkOrigin("links.csv", 2, "from", "to"));
    }

    /** A related link as links.csv gives it. */
    static CaseLink related(String from, String to) {
        return new CaseLink(from, to, LinkKind.RELATED, null, new LinkOrigin("links.csv", 2, "from", "to"));
    }

    /** The reported links of the cases' infector column. */
    static List<CaseLink> infectors(List<Case> cases) {
        List<CaseLink> links = new ArrayList<>();
        for (Case c : cases) {
            if (!c.infector().isEmpty()) {
                links.add(new CaseLink(c.infector(), c.personId(), LinkKind.REPORTED, null,
                        new LinkOrigin("cases.csv", 2, "infector", "person_id")));
            }
        }
        return links;
    }

    /** Chains of the cases (their infector column) and extra links, with default settings. */
    static ChainResult chains(List<Case> cases, CaseLink... extra) {
        return chains(ChainSettings.of(AS_OF), cases, extra);
    }

    static ChainResult chains(ChainSettings settings, List<Case> cases, CaseLink... extra) {
        List<CaseLink> links = new ArrayList<>(infectors(cases));
        links.addAll(Arrays.asList(extra));
        return new TransmissionChains(cases, links, PersonRegistry.none(), settings).chains();
    }

    /** A registry placing each person (id, district, id, district…) in a district of one city. */
    static PersonRegistry districts(String... idDistrict) {
        List<Person> persons = new ArrayList<>();
        for (int i = 0; i < idDistrict.length; i += 2) {
            persons.add(new Person(idDistrict[i], "", "", new Area("City", idDistrict[i + 1], "", ""), ""));
        }
        return PersonRegistry.of(persons);
    }

    /** {@code C1|3|A;B;C|A|2024-03-01|2024-03-09|3|true|} — cluster_id, size, cases, index cases, anchors, generations, active, districts. */
    static List<String> clusters(ChainResult r) {
        return r.clusters().stream().map(c -> String.join("|", c.id(), Integer.toString(c.size()),
                String.join(";", c.cases()), String.join(";", c.indexCases()), c.firstAnchor().toString(),
                c.lastAnchor().toString(), Integer.toString(c.generations()), Boolean.toString(c.active()),
                String.join(";", c.districts()))).toList();
    }

    /** {@code B|C1|2|A|1} — person_id, cluster_id, generation, infectors, infectees. */
    static List<String> cases(ChainResult r) {
        return r.cases().stream().map(c -> String.join("|", c.personId(), c.clusterId(),
                Integer.toString(c.generation()), String.join(";", c.infectors()), Integer.toString(c.infectees())))
                .toList();
    }

    /** {@code A>B|reported|false|3|C1} — from>to, kind, backward, serial interval (or -), cluster. */
    static List<String> links(ChainResult r) {
        return r.links().stream().map(l -> l.from() + ">" + l.to() + "|" + l.kind().word() + "|" + l.backward()
                + "|" + (l.serialIntervalDays() == null ? "-" : l.serialIntervalDays()) + "|" + l.clusterId()
                + (l.date() == null ? "" : "|" + (l.date().hasTime() ? WallClock.minutes(l.date().instant())
                : l.date().date().toString()))).toList();
    }

    /** Wall-clock seconds of a day of March 2024 at a time. */
    static long at(int dayOfMarch, int hour, int minute) {
        return WallClock.of(LocalDateTime.of(2024, 3, dayOfMarch, hour, minute));
    }

    /** A timed contact [start, start + minutes) on a day of March, distance unknown, unprotected. */
    static ContactEvent meet(String a, String b, int dayOfMarch, int hour, int minutes, String setting) {
        long start = at(dayOfMarch, hour, 0);
        return new ContactEvent(a, b, start, start + minutes * 60L, false, Double.NaN, setting, Double.NaN, false);
    }

    static ContactEventSource events(ContactEvent... events) {
        List<ContactEvent> list = List.of(events);
        return list::forEach;
    }

    static Moment date(int dayOfMarch) {
        return Moment.ofDate(day(dayOfMarch));
    }
}
