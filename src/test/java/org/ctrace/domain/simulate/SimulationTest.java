package org.ctrace.domain.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ctrace.domain.Area;
import org.ctrace.domain.Classification;
import org.ctrace.domain.QuarantineStatus;
import org.ctrace.domain.WallClock;
import org.junit.jupiter.api.Test;

class SimulationTest {

    private static final LocalDate START = LocalDate.of(2024, 3, 1);

    /** Keeps every row in memory; fine for test sizes. */
    static final class Recorder implements SimulationSink {
        final List<PersonRow> persons = new ArrayList<>();
        final List<CaseRow> cases = new ArrayList<>();
        final List<ContactRow> contacts = new ArrayList<>();
        final List<QuarantineRow> quarantine = new ArrayList<>();

        @Override
        public void person(PersonRow row) {
            persons.add(row);
        }

        @Override
        public void caseRow(CaseRow row) {
            cases.add(row);
        }

        @Override
        public void contact(ContactRow row) {
            contacts.add(row);
        }

        @Override
        public void quarantine(QuarantineRow row) {
            quarantine.add(row);
        }
    }

    static SimulationSpec spec(int persons, int cases, long events, long seed, double share, Language lang) {
        return new SimulationSpec(persons, cases, events, seed, share, START, 21, null, lang);
    }

    static Recorder run(SimulationSpec spec) {
        Recorder r = new Recorder();
        new Simulation(spec).run(r);
        return r;
    }

    @Test
    void personsLiveInHouseholdsOfOneToSixWithinOneVillage() {
        Recorder r = run(spec(2000, 20, 0, 1, 0.5, Language.EN));
        assertEquals(2000, r.persons.size());
        int phonesWithCode = 0;
        for (int i = 0; i < r.persons.size(); i++) {
            PersonRow p = r.persons.get(i);
            assertEquals(i, p.person());
            assertTrue(p.name().matches("[A-Z][a-z']+ [A-Z][a-z']+"), p.name());
            assertTrue(p.phone().matches("(\\+86 )?1[35789]\\d{9}"), p.phone());
            phonesWithCode += p.phone().startsWith("+86 ") ? 1 : 0;
            if (i > 0 && r.persons.get(i - 1).household() == p.household()) {
                assertEquals(r.persons.get(i - 1).area(), p.area(), "housemates share a village");
            }
        }
        assertTrue(phonesWithCode > 40 && phonesWithCode < 180, "about 5% +86: " + phonesWithCode);
        int[] sizes = new int[r.persons.get(1999).household() + 1];
        r.persons.forEach(p -> sizes[p.household()]++);
        for (int size : sizes) {
            assertTrue(size >= 1 && size <= 6, "household of " + size);
        }
        Set<String> districts = new TreeSet<>();
        r.persons.forEach(p -> districts.add(p.area().district()));
        assertTrue(districts.size() >= 2, "several districts: " + districts);
        assertTrue(r.persons.get(0).area().city().endsWith(" City"));
    }

    @Test
    void villagesHoldHundredsOfPersonsAtAnyScale() {
        for (int persons : new int[] {2_000, 60_000, 200_000}) {
            Recorder r = run(spec(persons, 0, 0, 3, 0.5, Language.EN));
            Set<String> villages = new HashSet<>();
            Set<String> districts = new HashSet<>();
            r.persons.forEach(p -> villages.add(p.area().district() + "/" + p.area().town() + "/" + p.area().village()));
            r.persons.forEach(p -> districts.add(p.area().district()));
            double perVillage = persons / (double) villages.size();
            assertTrue(perVillage > 150 && perVillage < 600, persons + " persons: " + perVillage + " per village");
            assertTrue(districts.size() >= 2 && districts.size() <= 16, districts.size() + " districts");
        }
    }

    @Test
    void chineseNamesUseTheAdministrativeSuffixes() {
        Recorder r = run(spec(3000, 5, 10, 9, 0.5, Language.ZH));
        for (PersonRow p : r.persons) {
            assertTrue(p.name().matches("\\p{IsHan}{2,3}"), p.name());
            assertTrue(p.area().city().endsWith("市"));
            assertTrue(p.area().district().endsWith("区"));
            assertTrue(p.area().town().endsWith("镇") || p.area().town().endsWith("街道"), p.area().town());
            assertTrue(p.area().village().endsWith("村"));
        }
        // The language changes the words, not the draws.
        Recorder en = run(spec(3000, 5, 10, 9, 0.5, Language.EN));
        assertEquals(en.cases, r.cases);
        assertEquals(en.contacts, r.contacts);
    }

    @Test
    void casesHaveAnchorsInThePeriodAndEarlierInfectors() {
        SimulationSpec spec = spec(2000, 60, 0, 5, 0.5, Language.EN);
        Recorder r = run(spec);
        assertEquals(60, r.cases.size());
        Set<Integer> seen = new HashSet<>();
        EnumSet<Classification> kinds = EnumSet.noneOf(Classification.class);
        long previous = Long.MIN_VALUE;
        int withInfector = 0;
        int notIsolated = 0;
        for (CaseRow c : r.cases) {
            Set<Integer> earlier = Set.copyOf(seen);
            assertTrue(seen.add(c.person()), "one row per case");
            kinds.add(c.classification());
            Stamp anchor = c.onset() != null ? c.onset() : c.sample();
            assertTrue(anchor.day() >= previous, "by anchor date");
            previous = anchor.day();
            assertTrue(anchor.day() >= START.toEpochDay() && anchor.day() < START.toEpochDay() + 21);
            if (c.classification() == Classification.ASYMPTOMATIC) {
                assertNull(c.onset());
            }
            if (c.isolation() == null) {
                notIsolated++;
            } else {
                long delay = c.isolation().day() - anchor.day();
                assertTrue(delay >= 0 && delay <= 4, "isolated " + delay + " days after the anchor");
            }
            if (c.infector() >= 0) {
                withInfector++;
                assertTrue(earlier.contains(c.infector()), "the infector is an earlier case");
            }
        }
        assertTrue(kinds.contains(Classification.CONFIRMED) && kinds.contains(Classification.ASYMPTOMATIC), kinds.toString());
        assertTrue(withInfector >= 10, withInfector + " with an infector");
        assertTrue(notIsolated >= 1 && notIsolated <= 20, notIsolated + " not isolated");
    }

    @Test
    void contactRowsAreValidAndMixEveryForm() {
        SimulationSpec spec = spec(2000, 20, 20_000, 11, 0.5, Language.EN);
        Recorder r = run(spec);
        assertEquals(20_000, r.contacts.size());
        long periodStart = WallClock.startOf(START);
        long periodEnd = periodStart + 21 * WallClock.DAY;
        Set<String> settings = new TreeSet<>();
        Set<String> words = new TreeSet<>();
        EnumSet<TimeForm> forms = EnumSet.noneOf(TimeForm.class);
        int crossing = 0;
        int unknownMinutes = 0;
        int farApart = 0;
        int noDistance = 0;
        for (ContactRow e : r.contacts) {
            assertNotEquals(e.personA(), e.personB(), "no self-contact");
            assertTrue(e.personA() >= 0 && e.personA() < 2000 && e.personB() >= 0 && e.personB() < 2000);
            assertTrue(e.start() >= periodStart && e.start() < periodEnd, "in the period");
            assertTrue(e.durationMin() == -1 || e.durationMin() >= 1);
            assertTrue(e.distanceDm() >= -1);
            assertTrue(e.end() == ContactRow.NONE || e.durationMin() == -1, "end or duration, not both");
            if (!e.form().hasTime()) {
                assertEquals(0, e.start() % WallClock.DAY, "a date form starts at 00:00");
                assertEquals(ContactRow.NONE, e.end());
            } else if (e.form() != TimeForm.ISO_SECONDS) {
                assertEquals(0, e.start() % 60, "seconds only where the form prints them");
            }
            long end = e.end() != ContactRow.NONE ? e.end()
                    : e.form().hasTime() && e.durationMin() > 0 ? e.start() + e.durationMin() * 60L : e.start();
            assertTrue(end >= e.start(), "no end before start");
            crossing += e.form().hasTime() && WallClock.day(end - 1) > WallClock.day(e.start()) ? 1 : 0;
            unknownMinutes += e.end() == ContactRow.NONE && e.durationMin() < 0 ? 1 : 0;
            farApart += e.distanceDm() > 10 ? 1 : 0;
            noDistance += e.distanceDm() < 0 ? 1 : 0;
            settings.add(e.setting());
            words.add(e.protectedWord());
            forms.add(e.form());
        }
        assertEquals(Set.of("household", "meal", "vehicle", "work", "school", "healthcare", "venue", "other"), settings);
        assertEquals(EnumSet.allOf(TimeForm.class), forms);
        assertTrue(Set.of("", "true", "false", "yes", "no", "1", "0", "TRUE", "FALSE", "Yes", "No", "True", "False")
                .containsAll(words), words.toString());
        assertTrue(words.containsAll(Set.of("", "true", "no", "1", "0")), words.toString());
        assertTrue(crossing > 20 && crossing < 2000, crossing + " cross midnight");
        assertTrue(unknownMinutes > 1000, unknownMinutes + " with unknown minutes");
        assertTrue(farApart > 1000 && noDistance > 1000, farApart + " above 1 m, " + noDistance + " unknown");
    }

    @Test
    void venueCheckInsAreShortAndHouseholdEveningsLong() {
        Recorder r = run(spec(2000, 20, 20_000, 13, 0.5, Language.EN));
        for (ContactRow e : r.contacts) {
            int minutes = e.durationMin() >= 0 ? e.durationMin()
                    : e.end() != ContactRow.NONE ? (int) ((e.end() - e.start()) / 60) : -1;
            if (minutes >= 0 && e.setting().equals("venue")) {
                assertTrue(minutes <= 30, "venue " + minutes);
            }
            if (minutes >= 0 && e.setting().equals("household")) {
                assertTrue(minutes >= 60, "household " + minutes);
            }
        }
    }

    @Test
    void householdMembersOfCasesMeetThemAtHome() {
        Recorder r = run(spec(2000, 20, 20_000, 17, 0.5, Language.EN));
        int[] household = new int[2000];
        r.persons.forEach(p -> household[p.person()] = p.household());
        Set<Integer> cases = new HashSet<>();
        r.cases.forEach(c -> cases.add(c.person()));
        int atHome = 0;
        for (ContactRow e : r.contacts) {
            if (e.setting().equals("household")) {
                assertEquals(household[e.personA()], household[e.personB()], "household events are between housemates");
                atHome += cases.contains(e.personA()) || cases.contains(e.personB()) ? 1 : 0;
            }
        }
        assertTrue(atHome > 100, atHome + " household events with a case");
    }

    @Test
    void casesMeetPeopleFromAcrossTheCityAndHousematesSeldom() {
        Recorder r = run(spec(50_000, 40, 40_000, 29, 1, Language.EN));
        Set<Integer> cases = new HashSet<>();
        r.cases.forEach(c -> cases.add(c.person()));
        int met = 0;
        int atHome = 0;
        int sameVillage = 0;
        int sameTown = 0;
        for (ContactRow e : r.contacts) {
            if (cases.contains(e.personA()) == cases.contains(e.personB())) {
                continue;
            }
            met++;
            if (e.setting().equals("household")) {
                atHome++;
                continue;
            }
            Area a = r.persons.get(e.personA()).area();
            Area b = r.persons.get(e.personB()).area();
            if (a.equals(b)) {
                sameVillage++;
            } else if (a.district().equals(b.district()) && a.town().equals(b.town())) {
                sameTown++;
            }
        }
        int away = met - atHome;
        // 10% of a case's events are with a housemate (fewer: some live alone); of the others,
        // 10% are drawn from its village, 20% from its town (a few of those in the village
        // again), 70% from the whole city.
        assertTrue(atHome > 0.04 * met && atHome < 0.12 * met, atHome + " of " + met + " at home");
        assertTrue(sameVillage > 0.10 * away && sameVillage < 0.20 * away, sameVillage + " of " + away + " in the village");
        assertTrue(sameTown > 0.12 * away && sameTown < 0.26 * away, sameTown + " of " + away + " in the town");
        assertTrue(away - sameVillage - sameTown > 0.6 * away, "most from elsewhere in the city");
    }

    @Test
    void caseShareIsExact() {
        for (double share : new double[] {0, 0.01, 0.5, 1}) {
            SimulationSummary s = new Simulation(spec(2000, 20, 10_000, 19, share, Language.EN)).run(new Recorder());
            assertEquals(Math.round(share * 10_000), s.caseEvents() + s.contactEvents(), "share " + share);
            assertEquals(10_000, s.events());
        }
        SimulationSummary none = new Simulation(spec(2000, 0, 1_000, 19, 0.9, Language.EN)).run(new Recorder());
        assertEquals(0, none.caseEvents() + none.contactEvents(), "no cases: all haystack");
    }

    @Test
    void quarantineRowsCoverContactsInEveryState() {
        SimulationSpec spec = spec(2000, 20, 20_000, 23, 0.5, Language.EN);
        Recorder r = run(spec);
        Set<Integer> cases = new HashSet<>();
        r.cases.forEach(c -> cases.add(c.person()));
        Set<Integer> met = new HashSet<>();
        for (ContactRow e : r.contacts) {
            if (cases.contains(e.personA())) {
                met.add(e.personB());
            }
            if (cases.contains(e.personB())) {
                met.add(e.personA());
            }
        }
        EnumSet<QuarantineStatus> statuses = EnumSet.noneOf(QuarantineStatus.class);
        long asOf = spec.asOf().toEpochDay();
        int previous = -1;
        int ofContacts = 0;
        int afterAsOf = 0;
        int openEnded = 0;
        for (QuarantineRow q : r.quarantine) {
            assertTrue(q.person() > previous, "one row per person, by person");
            previous = q.person();
            assertTrue(!cases.contains(q.person()), "cases are isolated, not quarantined");
            statuses.add(q.status());
            ofContacts += met.contains(q.person()) ? 1 : 0;
            afterAsOf += q.start().day() > asOf ? 1 : 0;
            if (q.end() == null) {
                openEnded++;
            } else {
                assertTrue(q.end().day() >= q.start().day(), "no end before start");
            }
        }
        assertEquals(EnumSet.allOf(QuarantineStatus.class), statuses);
        assertTrue(ofContacts > met.size() / 3, ofContacts + " of " + met.size() + " who met a case");
        assertTrue(ofContacts < r.quarantine.size(), "some unrelated persons too");
        assertTrue(afterAsOf > 0 && openEnded > 0);
    }

    @Test
    void theSameSpecGivesTheSameRows() {
        Recorder a = run(spec(1500, 15, 5_000, 29, 0.5, Language.EN));
        Recorder b = run(spec(1500, 15, 5_000, 29, 0.5, Language.EN));
        assertEquals(a.persons, b.persons);
        assertEquals(a.cases, b.cases);
        assertEquals(a.contacts, b.contacts);
        assertEquals(a.quarantine, b.quarantine);
        assertNotEquals(a.contacts, run(spec(1500, 15, 5_000, 30, 0.5, Language.EN)).contacts);
        // Persons and cases come from streams of their own: more events leave them as they were.
        Recorder more = run(spec(1500, 15, 9_000, 29, 0.5, Language.EN));
        assertEquals(a.persons, more.persons);
        assertEquals(a.cases, more.cases);
    }

    @Test
    void badSpecsSayWhatWasExpected() {
        assertEquals("persons must be at least 2, not 1",
                assertThrows(IllegalArgumentException.class, () -> spec(1, 0, 0, 1, 0.5, Language.EN)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> spec(10, 11, 0, 1, 0.5, Language.EN));
        assertThrows(IllegalArgumentException.class, () -> spec(10, 1, -1, 1, 0.5, Language.EN));
        assertThrows(IllegalArgumentException.class, () -> spec(10, 1, 0, 1, 1.5, Language.EN));
        assertThrows(IllegalArgumentException.class, () -> spec(10, 1, 0, 1, Double.NaN, Language.EN));
        assertThrows(IllegalArgumentException.class,
                () -> new SimulationSpec(10, 1, 0, 1, 0.5, START, 0, null, Language.EN));
        assertThrows(IllegalArgumentException.class,
                () -> new SimulationSpec(10, 1, 0, 1, 0.5, START, 21, START.minusDays(1), Language.EN));
        assertEquals(LocalDate.of(2024, 3, 21), spec(10, 1, 0, 1, 0.5, Language.EN).asOf());
    }
}
