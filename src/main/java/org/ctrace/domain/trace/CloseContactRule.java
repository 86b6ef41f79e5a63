package org.ctrace.domain.trace;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.ctrace.domain.InfectiousWindow;
import org.ctrace.domain.RuleProfile;
import org.ctrace.domain.UnknownDuration;
import org.ctrace.domain.WallClock;

/**
 * Decides whether a (source, person) pair is close and over which span, following SPEC §3
 * "Close pairs and exposure".
 *
 * <p>A calendar day counts when, among the qualifying parts on that day (a part crossing
 * midnight is split): one counts alone (always-close setting, household rule); or
 * min_minutes is 0; or one has unknown minutes and unknown_duration is {@code close}; or the
 * minutes reach min_minutes. Minutes = the length of the union of the timed pieces (a
 * meeting reported by both persons is not counted twice) + for each date-only event the
 * lesser of its duration and its minutes inside the window. The pair is close when a day
 * counts; its exposure runs over the pieces on counted days.
 *
 * <p>Cost: O(p log p) time and O(p) memory for a pair with p parts.
 */
public final class CloseContactRule {

    private final RuleProfile rules;
    /**
     * The last days of exposures, as a rule one object per day: a city's million exposures fall on a few
     * weeks of days, and each of them would otherwise hold a LocalDate of its own for the
     * collector to trace until the run ends.
     */
    private final DayDate[] dates = new DayDate[64];

    CloseContactRule(RuleProfile rules) {
        this.rules = rules;
    }

    /**
     * The part of a qualifying event inside the window, or empty when it lies outside (a span
     * must overlap the window, a point must lie inside it).
     */
    public static Optional<ExposurePart> partInside(InfectiousWindow window, long start, long end, boolean dateOnly,
                                             double minutes, String setting, boolean countsAlone) {
        if (window.isEmpty()) {
            return Optional.empty();
        }
        boolean point = end == start && !dateOnly;
        if (point) {
            if (!window.contains(start)) {
                return Optional.empty();
            }
            return Optional.of(new ExposurePart(start, start, true, false, minutes, setting, countsAlone));
        }
        if (start >= window.closes() || end <= window.opens()) {
            return Optional.empty();
        }
        return Optional.of(new ExposurePart(Math.max(start, window.opens()), Math.min(end, window.closes()),
                false, dateOnly, minutes, setting, countsAlone));
    }

    /** The household rule's part: the source's whole window, every day counted. */
    static ExposurePart household(InfectiousWindow window) {
        return new ExposurePart(window.opens(), window.closes(), false, false, Double.NaN, "household", true);
    }

    /**
     * A fresh tally for a pair: a running summary when every qualifying part makes its day
     * count (min_minutes 0), since then the exposure is simply the earliest and latest part.
     */
    PairTally newTally() {
        return rules.minMinutes() == 0 ? new PairTally.Running() : new PairTally.Parts();
    }

    /** The exposure of the pair, or empty when no day counts. */
    Optional<Exposure> evaluate(String source, String person, int tier, List<ExposurePart> parts) {
        TreeMap<Long, Day> days = new TreeMap<>();
        for (ExposurePart part : parts) {
            for (ExposurePart piece : splitAtMidnight(part)) {
                days.computeIfAbsent(WallClock.day(piece.from()), d -> new Day()).add(piece);
            }
        }
        List<ExposurePart> counted = new ArrayList<>();
        for (Day day : days.values()) {
            if (counts(day)) {
                counted.addAll(day.pieces);
            }
        }
        if (counted.isEmpty()) {
            return Optional.empty();
        }
        long first = Long.MAX_VALUE;
        for (ExposurePart piece : counted) {
            first = Math.min(first, piece.from());
        }
        ExposurePart last = counted.stream().max(LATEST).orElseThrow();
        return Optional.of(new Exposure(source, person, tier, first, last.to(), lastDay(last), last.setting()));
    }

    /** A day number and its date. */
    private record DayDate(long number, LocalDate date) {
    }

    /** The day of contact a piece ends on ({@link #lastDayNumber}), the same object for the same day. */
    LocalDate lastDay(ExposurePart piece) {
        long number = lastDayNumber(piece);
        // direct-mapped by day number; a slot holds one immutable entry, so a reader on another
        // thread sees a whole entry or none, and at worst makes a second LocalDate for a day
        int slot = (int) (number & (dates.length - 1));
        DayDate d = dates[slot];
        if (d == null || d.number() != number) {
            d = new DayDate(number, LocalDate.ofEpochDay(number));
            dates[slot] = d;
        }
        return d.date();
    }

    /**
     * Orders pieces by their last day of contact, then end instant; among equals a point
     * first (it decides the day), then the setting name, so the choice is stable.
     */
    static final Comparator<ExposurePart> LATEST = CloseContactRule::compareLatest;

    /** {@link #LATEST} on primitives: it runs once per qualifying part, millions of times. */
    static int compareLatest(ExposurePart a, ExposurePart b) {
        int c = Long.compare(lastDayNumber(a), lastDayNumber(b));
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.to(), b.to());
        if (c != 0) {
            return c;
        }
        c = Boolean.compare(a.point(), b.point());
        return c != 0 ? c : b.setting().compareTo(a.setting());
    }

    /** The day of contact a piece ends on, as a day number: a span ending at midnight ends the day before. */
    static long lastDayNumber(ExposurePart piece) {
        return WallClock.day(piece.point() ? piece.to() : piece.to() - 1);
    }

    private boolean counts(Day day) {
        if (day.countsAlone || rules.minMinutes() == 0) {
            return true;
        }
        if (day.unknownMinutes && rules.unknownDuration() == UnknownDuration.CLOSE) {
            return true;
        }
        return day.seconds() >= rules.minMinutes() * 60L;
    }

    private static List<ExposurePart> splitAtMidnight(ExposurePart part) {
        if (part.point() || part.dateOnly()) {
            return List.of(part);
        }
        long dayEnd = WallClock.startOf(WallClock.date(part.from())) + WallClock.DAY;
        if (part.to() <= dayEnd) {
            return List.of(part);
        }
        List<ExposurePart> pieces = new ArrayList<>();
        long from = part.from();
        while (from < part.to()) {
            long to = Math.min(part.to(), dayEnd);
            pieces.add(new ExposurePart(from, to, false, false, part.minutes(), part.setting(), part.countsAlone()));
            from = to;
            dayEnd += WallClock.DAY;
        }
        return pieces;
    }

    /** The qualifying pieces of one calendar day and what they add up to. */
    private static final class Day {
        final List<ExposurePart> pieces = new ArrayList<>(2);
        boolean countsAlone;
        boolean unknownMinutes;
        long dateOnlySeconds;

        void add(ExposurePart piece) {
            pieces.add(piece);
            countsAlone |= piece.countsAlone();
            unknownMinutes |= piece.minutesUnknown();
            if (piece.dateOnly() && !Double.isNaN(piece.minutes())) {
                long reported = Math.round(piece.minutes() * 60);
                dateOnlySeconds += Math.min(reported, piece.to() - piece.from());
            }
        }

        /** The union of the timed spans plus the date-only reports, in seconds. */
        long seconds() {
            List<ExposurePart> spans = new ArrayList<>();
            for (ExposurePart p : pieces) {
                if (!p.point() && !p.dateOnly()) {
                    spans.add(p);
                }
            }
            spans.sort(Comparator.comparingLong(ExposurePart::from));
            long total = 0;
            long runFrom = Long.MIN_VALUE;
            long runTo = Long.MIN_VALUE;
            for (ExposurePart s : spans) {
                if (s.from() > runTo) {
                    total += runTo - runFrom;
                    runFrom = s.from();
                    runTo = s.to();
                } else {
                    runTo = Math.max(runTo, s.to());
                }
            }
            total += runTo - runFrom;
            return total + dateOnlySeconds;
        }
    }
}
