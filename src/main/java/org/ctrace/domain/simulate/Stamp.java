package org.ctrace.domain.simulate;

import org.ctrace.domain.WallClock;

/**
 * A simulated date or date-time and the form it is written in.
 *
 * @param instant wall-clock seconds ({@link WallClock}); 00:00 of the day for a date form
 * @param form how it is written
 */
public record Stamp(long instant, TimeForm form) {

    /** A date alone, given as a day number (days since 1970-01-01). */
    public static Stamp ofDay(long epochDay, TimeForm form) {
        if (form.hasTime()) {
            throw new IllegalArgumentException(form + " is not a date form");
        }
        return new Stamp(epochDay * WallClock.DAY, form);
    }

    /** The day number of the stamp. */
    public long day() {
        return WallClock.day(instant);
    }
}
