package org.ctrace.io;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import org.ctrace.domain.WallClock;

/**
 * Reads the common forms of dates, numbers and words straight from ASCII bytes, for the
 * parallel contacts reader. Anything it does not recognise gets {@link #UNSURE}, and the row
 * is then read by the ordinary path ({@link TimeParser}, {@link Row}), which decides whether
 * it is valid and says why not; so this class only has to agree with them where it answers.
 */
final class FastFields {

    /** Not recognised here: read the row the ordinary way. */
    static final long UNSURE = Long.MIN_VALUE;
    /** An empty cell. */
    static final long EMPTY = Long.MIN_VALUE + 1;

    private final ZoneRules zone;
    /** The real instant of the last {@link #moment} read, when it was written with an offset; else {@link #NO_OFFSET}. */
    private long offsetInstant = NO_OFFSET;

    /** {@link #offsetInstant()} of a moment written without an offset. */
    static final long NO_OFFSET = Long.MIN_VALUE;

    FastFields(ZoneId zone) {
        this.zone = zone.getRules();
    }

    /**
     * A date or date-time as {@code instant * 2 + (hasTime ? 1 : 0)}, {@link #EMPTY} or
     * {@link #UNSURE}; the forms of {@link TimeParser}.
     */
    long moment(byte[] b, int s, int e) {
        offsetInstant = NO_OFFSET;
        if (s == e) {
            return EMPTY;
        }
        int year;
        int month;
        int day;
        int p;
        if (e - s >= 8 && digits(b, s, 8) && (e - s == 8 || !isDigit(b[s + 8]))) {
            year = num(b, s, 4);
            month = num(b, s + 4, 2);
            day = num(b, s + 6, 2);
            p = s + 8;
        } else if (e - s >= 10 && digits(b, s, 4) && b[s + 4] == '-' && digits(b, s + 5, 2) && b[s + 7] == '-'
                && digits(b, s + 8, 2)) {
            year = num(b, s, 4);
            month = num(b, s + 5, 2);
            day = num(b, s + 8, 2);
            p = s + 10;
        } else if (e - s >= 8 && digits(b, s, 4) && b[s + 4] == '/') {
            year = num(b, s, 4);
            p = s + 5;
            int n = run(b, p, e, 2);
            if (n == 0 || p + n >= e || b[p + n] != '/') {
                return UNSURE;
            }
            month = num(b, p, n);
            p += n + 1;
            n = run(b, p, e, 2);
            if (n == 0) {
                return UNSURE;
            }
            day = num(b, p, n);
            p += n;
        } else {
            return UNSURE;
        }
        if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || year < TimeParser.FIRST_YEAR
                || year > TimeParser.LAST_YEAR) {
            return UNSURE;
        }
        long days = epochDay(year, month, day);
        if (p == e) {
            return days * WallClock.DAY * 2;
        }
        if (b[p] != ' ' && b[p] != 'T') {
            return UNSURE;
        }
        p++;
        int n = run(b, p, e, 2);
        if (n == 0 || p + n + 3 > e || b[p + n] != ':' || !digits(b, p + n + 1, 2)) {
            return UNSURE;
        }
        int hour = num(b, p, n);
        int minute = num(b, p + n + 1, 2);
        int second = 0;
        p += n + 3;
        if (p < e && b[p] == ':') {
            if (p + 3 > e || !digits(b, p + 1, 2)) {
                return UNSURE;
            }
            second = num(b, p + 1, 2);
            p += 3;
            if (p < e && b[p] == '.') {
                int f = run(b, p + 1, e, 9);
                if (f == 0) {
                    return UNSURE;
                }
                p += 1 + f;
            }
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return UNSURE;
        }
        long local = days * WallClock.DAY + hour * 3600L + minute * 60L + second;
        if (p == e) {
            return local * 2 + 1;
        }
        int offset;
        if (p + 1 == e && b[p] == 'Z') {
            offset = 0;
        } else if ((b[p] == '+' || b[p] == '-') && (e - p == 3 || e - p == 5 || e - p == 6)) {
            if (!digits(b, p + 1, 2)) {
                return UNSURE;
            }
            int hh = num(b, p + 1, 2);
            int mm = 0;
            if (e - p == 5 && digits(b, p + 3, 2)) {
                mm = num(b, p + 3, 2);
            } else if (e - p == 6 && b[p + 3] == ':' && digits(b, p + 4, 2)) {
                mm = num(b, p + 4, 2);
            } else if (e - p != 3) {
                return UNSURE;
            }
            if (hh > 18 || mm > 59 || hh == 18 && mm > 0) {
                return UNSURE;
            }
            offset = (hh * 3600 + mm * 60) * (b[p] == '-' ? -1 : 1);
        } else {
            return UNSURE;
        }
        long epochSecond = local - offset;
        long here = epochSecond + zone.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
        offsetInstant = epochSecond;
        return here * 2 + 1;
    }

    /**
     * The real instant (seconds since 1970-01-01T00:00Z) of the last {@link #moment} read
     * when it was written with an offset or Z, else {@link #NO_OFFSET}: as
     * {@link TimeParser#offsetInstant}.
     */
    long offsetInstant() {
        return offsetInstant;
    }

    /**
     * A number of at least 0 written as digits with an optional point, as a double; NaN for an
     * empty cell; {@link Double#NEGATIVE_INFINITY} when not recognised here (signs, exponents,
     * more digits than a double holds exactly).
     */
    static double decimal(byte[] b, int s, int e) {
        if (s == e) {
            return Double.NaN;
        }
        long mantissa = 0;
        int scale = -1;
        int digits = 0;
        for (int p = s; p < e; p++) {
            byte c = b[p];
            if (c >= '0' && c <= '9') {
                if (++digits > 15) {
                    return Double.NEGATIVE_INFINITY;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                return Double.NEGATIVE_INFINITY;
            }
        }
        if (digits == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        // one correctly rounded division of two exact values: the same double as parseDouble
        return scale <= 0 ? mantissa : mantissa / POWERS[scale];
    }

    private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16};

    /** protected: 0 false, 1 true, −1 not recognised here. */
    static int flag(byte[] b, int s, int e) {
        int n = e - s;
        if (n == 0) {
            return 0;
        }
        if (n == 1) {
            return b[s] == '0' ? 0 : b[s] == '1' ? 1 : -1;
        }
        if (n == 2) {
            return is(b, s, "no") ? 0 : -1;
        }
        if (n == 3) {
            return is(b, s, "yes") ? 1 : -1;
        }
        if (n == 4) {
            return is(b, s, "true") ? 1 : -1;
        }
        if (n == 5) {
            return is(b, s, "false") ? 0 : -1;
        }
        return -1;
    }

    /** Whether the bytes spell the lower-case word, in any case. */
    private static boolean is(byte[] b, int s, String word) {
        for (int i = 0; i < word.length(); i++) {
            if ((b[s + i] | 0x20) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether ASCII bytes equal a String. */
    static boolean equal(byte[] b, int s, int e, String id) {
        if (id.length() != e - s) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (b[s + i] != id.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean digits(byte[] b, int s, int n) {
        for (int i = 0; i < n; i++) {
            if (!isDigit(b[s + i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static int run(byte[] b, int s, int e, int max) {
        int n = 0;
        while (n < max && s + n < e && isDigit(b[s + n])) {
            n++;
        }
        return n;
    }

    private static int num(byte[] b, int s, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            v = v * 10 + b[s + i] - '0';
        }
        return v;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long epochDay(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
