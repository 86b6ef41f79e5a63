package org.ctrace.domain;

import java.time.LocalDate;

/**
 * A date or a date-time as an input gave it: SPEC §2 says a date without a time means the
 * whole day, so whether a time was given changes what the value means.
 *
 * @param instant the wall-clock seconds ({@link WallClock}); 00:00 of the day for a date alone
 * @param hasTime whether a time of day was given
 */
public record Moment(long instant, boolean hasTime) {

    /** A date alone. */
    public static Moment ofDate(LocalDate date) {
        return new Moment(WallClock.startOf(date), false);
    }

    /** The calendar date. */
    public LocalDate date() {
        return WallClock.date(instant);
    }

    /**
     * The instant at which something that happened "on" this moment is over: the moment
     * itself when a time was given, 24:00 of the day for a date alone (SPEC §3: an isolation
     * or quarantine start given as a date closes the window at 24:00 of that day).
     */
    public long closingInstant() {
        return hasTime ? instant : instant + WallClock.DAY;
    }
}
