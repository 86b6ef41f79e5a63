package org.ctrace.domain.simulate;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ctrace.domain.WallClock;

/**
 * The stream of contact events: exactly {@code events} rows, of which {@code caseShare}
 * (exactly, by selection sampling) are planned around the outbreak and the rest are
 * encounters between persons chosen at random (the haystack).
 *
 * <p>An outbreak event first replays each known infection (infector meets infectee 1 to 7
 * days before the infectee's anchor), then either meets a case inside its infectious window
 * ({@link #DIRECT_SHARE} of them; a housemate at home one time in ten) or meets a recent
 * contact of a case in the three days after that contact's exposure, so that tier 1 and tier
 * 2 both exist.
 *
 * <p>Memory does not grow with the number of events: the recent contacts are a ring of
 * {@link #RING} entries, and the first meeting with a case is one int per person.
 */
final class ContactGenerator {

    /** Of the outbreak events, the share that meet a case itself; the rest meet a recent contact. */
    static final double DIRECT_SHARE = 0.7;

    /*
     * How often a case's or a contact's event is with a housemate, and how often a case's falls
     * outside its window. Housemates are listed by the household rule whatever the events say,
     * so an evening at home again and again adds rows to contacts.csv but no one to the list;
     * with these values 2M persons, 2,000 cases and 1M or 10M events give the outbreak the
     * peers of ../shared/peers were measured on (BENCHMARKS.md, "The inputs").
     */
    private static final int CASE_HOUSEMATE_PCT = 10;
    private static final int FOLLOW_UP_HOUSEMATE_PCT = 5;
    private static final int OUTSIDE_WINDOW_PCT = 5;

    static final int RING = 4096;

    /** In {@link #firstMeetings()}: never met a case. */
    static final int NEVER = Integer.MAX_VALUE;

    private static final int MINUTE = 60;
    private static final int FOLLOW_DAYS = 3;

    /** Outbreak events away from home: people a case meets in a week. */
    private static final Setting[] OUTBREAK = weighted(new Setting[] {Setting.MEAL, Setting.VEHICLE, Setting.WORK,
        Setting.SCHOOL, Setting.HEALTHCARE, Setting.VENUE, Setting.OTHER}, new int[] {15, 10, 20, 8, 5, 30, 12});

    /** The haystack: a city's check-ins, shifts and rides. */
    private static final Setting[] HAYSTACK = weighted(new Setting[] {Setting.HOUSEHOLD, Setting.MEAL,
        Setting.VEHICLE, Setting.WORK, Setting.SCHOOL, Setting.HEALTHCARE, Setting.VENUE, Setting.OTHER},
            new int[] {3, 10, 8, 15, 7, 4, 47, 6});

    /** Spellings of protected (true, false) as exports write them, the plain ones most often. */
    private static final String[][] SPELLINGS = {{"true", "false"}, {"true", "false"}, {"true", "false"},
        {"yes", "no"}, {"yes", "no"}, {"1", "0"}, {"1", "0"}, {"TRUE", "FALSE"}, {"Yes", "No"}, {"True", "False"}};

    private final SimulationSpec spec;
    private final Population population;
    private final CasePlan cases;
    private final SplittableRandom r;
    private final long periodStart;
    private final long periodEnd;

    private final int[] ringPerson = new int[RING];
    private final long[] ringTime = new long[RING];
    private int ringNext;
    private int ringSize;
    private final int[] firstMeeting;
    private int nextLink;
    private long caseEvents;
    private long contactEvents;

    ContactGenerator(SimulationSpec spec, Population population, CasePlan cases, SplittableRandom r) {
        this.spec = spec;
        this.population = population;
        this.cases = cases;
        this.r = r;
        this.periodStart = WallClock.startOf(spec.start());
        this.periodEnd = periodStart + spec.days() * WallClock.DAY;
        this.firstMeeting = new int[population.persons()];
        Arrays.fill(firstMeeting, NEVER);
    }

    /** Writes every event to the sink. */
    void run(SimulationSink sink) {
        long events = spec.events();
        long outbreak = cases.size() == 0 ? 0 : Math.round(spec.caseShare() * events);
        for (long i = 0; i < events; i++) {
            if (outbreak > 0 && r.nextLong(events - i) < outbreak) {
                outbreak--;
                outbreakEvent(sink);
            } else {
                haystackEvent(sink);
            }
        }
    }

    long caseEvents() {
        return caseEvents;
    }

    long contactEvents() {
        return contactEvents;
    }

    /**
     * By person, the minutes from the period's start to the start of the person's first
     * planned meeting with a case, or {@link #NEVER}.
     */
    int[] firstMeetings() {
        return firstMeeting;
    }

    private void outbreakEvent(SimulationSink sink) {
        if (infectionEvent(sink)) {
            caseEvents++;
        } else if (ringSize > 0 && r.nextDouble() >= DIRECT_SHARE) {
            followUpEvent(sink);
            contactEvents++;
        } else {
            caseEvent(sink);
            caseEvents++;
        }
    }

    /** The next known infection that can be placed: infector meets infectee before its anchor. */
    private boolean infectionEvent(SimulationSink sink) {
        while (nextLink < cases.size()) {
            int c = nextLink++;
            int source = cases.infector(c);
            if (source < 0) {
                continue;
            }
            long anchor = cases.anchorDay(c) * WallClock.DAY;
            long lo = Math.max(cases.windowOpen(source), anchor - 7 * WallClock.DAY);
            long hi = Math.min(cases.windowClose(source), anchor);
            if (hi - lo < MINUTE) {
                continue;
            }
            int a = cases.person(source);
            int b = cases.person(c);
            Setting s = population.household(a) == population.household(b) ? Setting.HOUSEHOLD : pick(OUTBREAK);
            emit(sink, a, b, time(s, lo, hi), s);
            return true;
        }
        return false;
    }

    private void caseEvent(SimulationSink sink) {
        int c = r.nextInt(cases.size());
        int p = cases.person(c);
        long lo = cases.windowOpen(c);
        long hi = cases.windowClose(c);
        // Some fall anywhere in the period: meetings outside the window, which must not count.
        if (hi - lo < MINUTE || r.nextInt(100) < OUTSIDE_WINDOW_PCT) {
            lo = periodStart;
            hi = periodEnd;
        }
        int mate = r.nextInt(100) < CASE_HOUSEMATE_PCT ? population.housemate(p, r) : -1;
        Setting s = mate >= 0 ? Setting.HOUSEHOLD : pick(OUTBREAK);
        int q = mate >= 0 ? mate : acquaintance(p);
        long t = time(s, lo, hi);
        remember(q, t);
        emit(sink, p, q, t, s);
    }

    private void followUpEvent(SimulationSink sink) {
        int slot = r.nextInt(ringSize);
        int p = ringPerson[slot];
        long from = ringTime[slot];
        int mate = r.nextInt(100) < FOLLOW_UP_HOUSEMATE_PCT ? population.housemate(p, r) : -1;
        Setting s = mate >= 0 ? Setting.HOUSEHOLD : pick(OUTBREAK);
        int q = mate >= 0 ? mate : acquaintance(p);
        emit(sink, p, q, time(s, from, Math.min(periodEnd, from + FOLLOW_DAYS * WallClock.DAY)), s);
    }

    /**
     * Whom a case or contact meets: anyone its acquaintance rule gives, or, with a circle,
     * one of its {@code circle} regulars, chosen by a random stream of its own so the same
     * person always has the same regulars.
     */
    private int acquaintance(int p) {
        if (spec.circle() == 0) {
            return population.acquaintance(p, r);
        }
        long regular = r.nextInt(spec.circle());
        return population.acquaintance(p, new SplittableRandom(spec.seed() ^ (p * 0x9E3779B97F4A7C15L)
                ^ ((regular + 1) * 0xC2B2AE3D27D4EB4FL)));
    }

    private void haystackEvent(SimulationSink sink) {
        int a = r.nextInt(population.persons());
        Setting s = pick(HAYSTACK);
        if (spec.farNoise()) {
            // the city's day: people in the same place, but not close (no household, known distance)
            s = s == Setting.HOUSEHOLD || s == Setting.MEAL || s == Setting.VEHICLE ? Setting.VENUE : s;
            emit(sink, a, population.acquaintance(a, r), time(s, periodStart, periodEnd), s, true);
            return;
        }
        int b = s == Setting.HOUSEHOLD ? population.housemate(a, r) : -1;
        if (b < 0) {
            s = s == Setting.HOUSEHOLD ? Setting.VENUE : s;
            b = population.acquaintance(a, r);
        }
        emit(sink, a, b, time(s, periodStart, periodEnd), s);
    }

    private void remember(int person, long t) {
        ringPerson[ringNext] = person;
        ringTime[ringNext] = t;
        ringNext = (ringNext + 1) % RING;
        ringSize = Math.min(ringSize + 1, RING);
        firstMeeting[person] = (int) Math.min(firstMeeting[person], (t - periodStart) / MINUTE);
    }

    /** A whole-minute start in [lo, hi), at an hour that suits the setting when the range allows. */
    private long time(Setting s, long lo, long hi) {
        if (hi - lo < MINUTE) {
            return lo;
        }
        long firstDay = WallClock.day(lo);
        long days = WallClock.day(hi - 1) - firstDay + 1;
        long t = (firstDay + r.nextLong(days)) * WallClock.DAY + s.startMinute(r) * (long) MINUTE;
        if (t < lo || t >= hi) {
            t = lo + r.nextLong((hi - lo) / MINUTE) * MINUTE;
        }
        return t;
    }

    /** Writes the event in one of the shapes real exports use, in one of the date forms. */
    private void emit(SimulationSink sink, int p, int q, long t, Setting s) {
        emit(sink, p, q, t, s, false);
    }

    /** Writes one event; a far one is recorded at a known distance of 1.2 to 20 m. */
    private void emit(SimulationSink sink, int p, int q, long t, Setting s, boolean far) {
        int a = p;
        int b = q;
        if (r.nextBoolean()) {
            a = q;
            b = p;
        }
        int minutes = s.minutes(r);
        int shape = r.nextInt(100);
        long start = t;
        long end = ContactRow.NONE;
        int duration = -1;
        TimeForm form;
        if (shape < 87) {
            int f = r.nextInt(10);
            form = f < 6 ? TimeForm.MINUTES : f < 8 ? TimeForm.MINUTES_SLASH : TimeForm.ISO_SECONDS;
            if (form == TimeForm.ISO_SECONDS) {
                start += r.nextInt(MINUTE);
            }
            if (shape < 52) {
                duration = minutes;
            } else if (shape < 77) {
                end = start + minutes * (long) MINUTE;
            }
        } else {
            form = CasePlan.dateForm(r);
            start = WallClock.day(t) * WallClock.DAY;
            duration = shape < 95 ? minutes : -1;
        }
        int distance = far ? 12 + r.nextInt(189) : s.distanceDm(r);
        String word = "";
        if (r.nextInt(100) >= 35) {
            String[] spelling = SPELLINGS[r.nextInt(SPELLINGS.length)];
            word = s.isProtected(r) ? spelling[0] : spelling[1];
        }
        sink.contact(new ContactRow(a, b, start, form, end, duration, s.word(), distance, word));
    }

    private Setting pick(Setting[] table) {
        return table[r.nextInt(table.length)];
    }

    /** A table in which each setting appears as often as its weight, for one draw per pick. */
    private static Setting[] weighted(Setting[] settings, int[] weights) {
        int total = Arrays.stream(weights).sum();
        Setting[] table = new Setting[total];
        int at = 0;
        for (int i = 0; i < settings.length; i++) {
            Arrays.fill(table, at, at + weights[i], settings[i]);
            at += weights[i];
        }
        return table;
    }
}
