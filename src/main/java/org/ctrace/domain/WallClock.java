package org.ctrace.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Local wall-clock time as whole seconds since 1970-01-01 00:00, with no zone.
 *
 * <p>SPEC §2: all arithmetic is on local wall-clock date-times, with no daylight-saving
 * adjustment, so a plain count of seconds is exact and cheap. The helpers here convert to
 * and from {@link LocalDate} and print the {@code yyyy-MM-dd HH:mm} form used in outputs.
 */
public final class WallClock {

    /** Seconds in a calendar day. */
    public static final long DAY = 86_400;

    private WallClock() {
    }

    /** 00:00 of the given date. */
    public static long startOf(LocalDate date) {
        return date.toEpochDay() * DAY;
    }

    /** 24:00 of the given date, that is 00:00 of the next day. */
    public static long endOf(LocalDate date) {
        return startOf(date) + DAY;
    }

    /** The seconds of a local date-time. */
    public static long of(LocalDateTime time) {
        return time.toEpochSecond(ZoneOffset.UTC);
    }

    /** The calendar date an instant falls on. */
    public static LocalDate date(long instant) {
        return LocalDate.ofEpochDay(Math.floorDiv(instant, DAY));
    }

    /** The day number (days since 1970-01-01) of an instant. */
    public static long day(long instant) {
        return Math.floorDiv(instant, DAY);
    }

    /** The local date-time of an instant. */
    public static LocalDateTime toLocal(long instant) {
        return LocalDateTime.ofEpochSecond(instant, 0, ZoneOffset.UTC);
    }

    /** {@code yyyy-MM-dd HH:mm}, seconds dropped (not rounded), as SPEC §3 prints times. */
    public static String minutes(long instant) {
        LocalDateTime t = toLocal(instant);
        char[] out = new char[16];
        put(out, 0, t.getYear(), 4);
        out[4] = '-';
        put(out, 5, t.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, t.getDayOfMonth(), 2);
        out[10] = ' ';
        put(out, 11, t.getHour(), 2);
        out[13] = ':';
        put(out, 14, t.getMinute(), 2);
        return new String(out);
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
