package org.ctrace.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.ctrace.domain.Moment;
import org.ctrace.domain.WallClock;

/**
 * Reads the dates and date-times of SPEC §2: {@code yyyy-MM-dd}, {@code yyyy/M/d} or
 * {@code yyyyMMdd}, optionally followed by {@code " H:mm"}, {@code " H:mm:ss"} or ISO
 * {@code "THH:mm[:ss]"} (one- or two-digit hours, optional fraction of a second), and for a
 * date-time an optional {@code Z} or {@code +08:00} offset, converted to the run's zone.
 *
 * <p>Hand-written rather than a chain of {@code DateTimeFormatter}s: it runs once or twice
 * per contact event, and failed formatter attempts are costly.
 */
public final class TimeParser {

    /** What a date or date-time must look like, for error messages. */
    public static final String DATE_TIME_FORMS =
            "a date (yyyy-MM-dd, yyyy/M/d or yyyyMMdd), optionally with a time (' H:mm', ' H:mm:ss' or 'THH:mm[:ss]')"
                    + " and an offset (Z, +08:00)";

    /** What a date must look like, for error messages. */
    public static final String DATE_FORMS = "a date (yyyy-MM-dd, yyyy/M/d or yyyyMMdd)";

    /**
     * The years a date may have. One outside them is a typing error (0224 for 2024) that would
     * otherwise pass unseen: an onset in 0224 opens a window of eighteen centuries, and an event
     * in 0224 lies in no window. Dates computed from these stay printable as yyyy-MM-dd.
     */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2199;

    /** The years, for error messages. */
    public static final String YEARS = "a year from " + FIRST_YEAR + " to " + LAST_YEAR;

    private final ZoneId zone;

    /** A parser that converts offsets to the given zone. */
    public TimeParser(ZoneId zone) {
        this.zone = zone;
    }

    /** The zone offsets are converted to. */
    public ZoneId zone() {
        return zone;
    }

    /** A date, or null when the text is not one of the date forms (a time is not allowed). */
    public LocalDate date(String s) {
        Moment m = moment(s);
        return m == null || m.hasTime() ? null : m.date();
    }

    /** A date or date-time, or null when the text is not one of the accepted forms. */
    public Moment moment(String s) {
        return read(s, false, false);
    }

    /** Whether text that is no date or date-time would be one but for its year (see {@link #FIRST_YEAR}). */
    public boolean isOfAnotherEra(String s) {
        if (read(s, false, true) == null) {
            return false;
        }
        // every form starts with the four digits of the year as written
        int year = Integer.parseInt(s.substring(0, 4));
        return year < FIRST_YEAR || year > LAST_YEAR;
    }

    /** What a date, or a date-time (with {@code forms} the forms of one), must be, for the message about text that is not. */
    public String expected(String s, String forms) {
        // a date-time in a column of dates is wrong for its time, whatever its year
        return isOfAnotherEra(s) && (forms.equals(DATE_TIME_FORMS) || !read(s, false, true).hasTime()) ? YEARS : forms;
    }

    /**
     * The real instant, in seconds since 1970-01-01T00:00Z, of a date-time written with an
     * offset or {@code Z}; null for any other text (a local time does not say which of a
     * repeated hour it means).
     */
    public Long offsetInstant(String s) {
        // most times have no offset: the sequential reader asks of every timed row's start and end
        if (!s.endsWith("Z") && s.indexOf('+') < 0 && s.lastIndexOf('-') < 10) {
            return null;
        }
        Moment m = read(s, true, false);
        return m == null ? null : m.instant();
    }

    /**
     * {@link #moment}, or with {@code real} the instant of a date-time with an offset (else null);
     * with {@code anyYear}, a date of any year.
     */
    private Moment read(String s, boolean real, boolean anyYear) {
        Cursor c = new Cursor(s);
        int year;
        int month;
        int day;
        if (s.length() >= 8 && c.digits(8) && (s.length() == 8 || !Character.isDigit(s.charAt(8)))) {
            c.at = 0;
            year = c.number(4);
            month = c.number(2);
            day = c.number(2);
        } else {
            c.at = 0;
            year = c.number(4);
            if (year < 0 || !c.more()) {
                return null;
            }
            char sep = s.charAt(c.at++);
            if (sep == '-') {
                month = c.number(2);
                if (!c.skip('-')) {
                    return null;
                }
                day = c.number(2);
            } else if (sep == '/') {
                month = c.upTo(2);
                if (!c.skip('/')) {
                    return null;
                }
                day = c.upTo(2);
            } else {
                return null;
            }
        }
        if (month < 0 || day < 0) {
            return null;
        }
        if (!anyYear && (year < FIRST_YEAR || year > LAST_YEAR)) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
        if (!c.more()) {
            return real ? null : Moment.ofDate(date);
        }
        return time(c, date, real);
    }

    private Moment time(Cursor c, LocalDate date, boolean real) {
        char sep = c.s.charAt(c.at++);
        if (sep != ' ' && sep != 'T') {
            return null;
        }
        int hour = c.upTo(2);
        if (hour < 0 || !c.skip(':')) {
            return null;
        }
        int minute = c.number(2);
        int second = 0;
        if (c.skip(':')) {
            second = c.number(2);
            if (c.skip('.') && c.upTo(9) < 0) {
                return null;
            }
        }
        if (minute < 0 || second < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        LocalDateTime local = date.atTime(hour, minute, second);
        if (!c.more()) {
            return real ? null : new Moment(WallClock.of(local), true);
        }
        ZoneOffset offset = offset(c);
        if (offset == null) {
            return null;
        }
        if (real) {
            return new Moment(local.toEpochSecond(offset), true);
        }
        LocalDateTime here = local.atOffset(offset).atZoneSameInstant(zone).toLocalDateTime();
        return new Moment(WallClock.of(here), true);
    }

    private static ZoneOffset offset(Cursor c) {
        String rest = c.s.substring(c.at);
        if (rest.equals("Z")) {
            return ZoneOffset.UTC;
        }
        if (!rest.matches("[+-]\\d{2}(:?\\d{2})?")) {
            return null;
        }
        try {
            return ZoneOffset.of(rest.length() == 5 ? rest.substring(0, 3) + ":" + rest.substring(3) : rest);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A position in the text being read. */
    private static final class Cursor {
        final String s;
        int at;

        Cursor(String s) {
            this.s = s;
        }

        boolean more() {
            return at < s.length();
        }

        boolean skip(char c) {
            if (at < s.length() && s.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        boolean digits(int n) {
            for (int i = 0; i < n; i++) {
                if (at + i >= s.length() || !isDigit(s.charAt(at + i))) {
                    return false;
                }
            }
            return true;
        }

        /** Exactly n digits, or -1. */
        int number(int n) {
            if (!digits(n)) {
                return -1;
            }
            int v = 0;
            for (int i = 0; i < n; i++) {
                v = v * 10 + s.charAt(at++) - '0';
            }
            return v;
        }

        /** One to n digits, or -1. */
        int upTo(int n) {
            int v = 0;
            int read = 0;
            while (read < n && at < s.length() && isDigit(s.charAt(at))) {
                v = v * 10 + s.charAt(at++) - '0';
                read++;
            }
            return read == 0 ? -1 : v;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
