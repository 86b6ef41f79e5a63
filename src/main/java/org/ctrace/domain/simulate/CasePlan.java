package org.ctrace.domain.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.ctrace.domain.Classification;
import org.ctrace.domain.WallClock;

/**
 * The cases of a simulation, in anchor-date order: who, when, and the window in which
 * their contact events are planned.
 *
 * <p>Anchors grow more frequent towards the end of the period, as in a growing outbreak.
 * Some cases have an infector, an earlier case 1 to 7 days before them (a serial interval),
 * usually from its household or village; the contact that infected them is planned too.
 */
final class CasePlan {

    /** Days before the anchor at which events count: the default profile's lookback (cn-9). */
    static final int LOOKBACK_DAYS = 4;

    private static final int MAX_SERIAL_DAYS = 7;

    private final int[] person;
    private final long[] anchorDay;
    private final long[] windowOpen;
    private final long[] windowClose;
    private final int[] infector;
    private final BitSet isCase;
    private final List<CaseRow> rows = new ArrayList<>();

    CasePlan(SimulationSpec spec, Population population, SplittableRandom r) {
        int n = spec.cases();
        long first = spec.start().toEpochDay();
        long asOf = spec.asOf().toEpochDay();
        long periodStart = first * WallClock.DAY;
        long periodEnd = (first + spec.days()) * WallClock.DAY;
        person = new int[n];
        anchorDay = new long[n];
        windowOpen = new long[n];
        windowClose = new long[n];
        infector = new int[n];
        isCase = new BitSet(population.persons());
        for (int i = 0; i < n; i++) {
            anchorDay[i] = first + (long) (spec.days() * Math.sqrt(r.nextDouble()));
        }
        Arrays.sort(anchorDay);
        for (int i = 0; i < n; i++) {
            infector[i] = r.nextInt(20) < 9 ? infectorOf(i, r) : -1;
            person[i] = choosePerson(i, population, r);
            isCase.set(person[i]);
            CaseRow row = row(i, asOf, r);
            rows.add(row);
            windowOpen[i] = Math.max(periodStart, (anchorDay[i] - LOOKBACK_DAYS) * WallClock.DAY);
            long close = row.isolation() == null ? periodEnd
                    : row.isolation().form().hasTime() ? row.isolation().instant()
                    : row.isolation().instant() + WallClock.DAY;
            windowClose[i] = Math.min(periodEnd, close);
        }
    }

    int size() {
        return person.length;
    }

    List<CaseRow> rows() {
        return rows;
    }

    int person(int c) {
        return person[c];
    }

    long anchorDay(int c) {
        return anchorDay[c];
    }

    /** Where the case's planned events go: its infectious window, within the period. */
    long windowOpen(int c) {
        return windowOpen[c];
    }

    long windowClose(int c) {
        return windowClose[c];
    }

    /** The case index of the case's infector, or -1. */
    int infector(int c) {
        return infector[c];
    }

    boolean isCase(int p) {
        return isCase.get(p);
    }

    /** An earlier case whose anchor is 1 to 7 days before this one's, or -1. */
    private int infectorOf(int c, SplittableRandom r) {
        int lo = firstFrom(c, anchorDay[c] - MAX_SERIAL_DAYS);
        int hi = firstFrom(c, anchorDay[c]);
        return hi > lo ? lo + r.nextInt(hi - lo) : -1;
    }

    /** The first of the cases before {@code end} whose anchor is on or after the day. */
    private int firstFrom(int end, long day) {
        int lo = 0;
        int hi = end;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (anchorDay[mid] < day) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int choosePerson(int c, Population population, SplittableRandom r) {
        int source = infector[c];
        if (source >= 0) {
            int near = r.nextBoolean() ? population.housemate(person[source], r)
                    : population.acquaintance(person[source], r);
            if (near >= 0 && !isCase.get(near)) {
                return near;
            }
        }
        for (int attempt = 0; attempt < 32; attempt++) {
            int p = r.nextInt(population.persons());
            if (!isCase.get(p)) {
                return p;
            }
        }
        // A city where most persons are cases: take the next free person.
        int p = isCase.nextClearBit(r.nextInt(population.persons()));
        return p < population.persons() ? p : isCase.nextClearBit(0);
    }

    private CaseRow row(int c, long asOf, SplittableRandom r) {
        int kind = r.nextInt(100);
        Classification cls = kind < 75 ? Classification.CONFIRMED : kind < 90 ? Classification.ASYMPTOMATIC
                : kind < 96 ? Classification.SUSPECTED : Classification.PROBABLE;
        TimeForm form = dateForm(r);
        long anchor = anchorDay[c];
        Stamp onset = cls == Classification.ASYMPTOMATIC ? null : Stamp.ofDay(anchor, form);
        Stamp sample = null;
        if (onset == null || r.nextInt(100) < (cls == Classification.CONFIRMED ? 85 : 50)) {
            long day = onset == null ? anchor : anchor + r.nextInt(3);
            sample = Stamp.ofDay(day <= asOf ? day : Math.max(anchor, asOf), form);
        }
        Stamp isolation = null;
        long isolationDay = anchor + isolationDelay(r);
        if (r.nextInt(10) > 0 && isolationDay <= asOf) {
            isolation = r.nextInt(10) < 3
                    ? new Stamp(isolationDay * WallClock.DAY + (8 * 60 + r.nextInt(14 * 60)) * 60L, TimeForm.MINUTES)
                    : Stamp.ofDay(isolationDay, form);
        }
        int infectorPerson = infector[c] < 0 ? -1 : person[infector[c]];
        return new CaseRow(person[c], cls, onset, sample, isolation, infectorPerson);
    }

    /** 0 to 4 days after the anchor, most within two. */
    private static int isolationDelay(SplittableRandom r) {
        int u = r.nextInt(100);
        return u < 25 ? 0 : u < 55 ? 1 : u < 75 ? 2 : u < 90 ? 3 : 4;
    }

    /** A date form, as line lists mix them: mostly ISO, some slashes, some compact. */
    static TimeForm dateForm(SplittableRandom r) {
        int u = r.nextInt(20);
        return u < 15 ? TimeForm.DATE : u < 18 ? TimeForm.DATE_SLASH : TimeForm.DATE_COMPACT;
    }
}
