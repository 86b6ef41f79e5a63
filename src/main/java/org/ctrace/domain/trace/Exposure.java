package org.ctrace.domain.trace;

import java.time.LocalDate;
import java.util.Objects;
import org.ctrace.domain.WallClock;

/**
 * A close pair (SPEC §3 "Close pairs and exposure"): the edge from a source to a person it
 * exposed, with the span of that exposure over the counted days.
 *
 * @param source the source person (a case, or a contact of the tier before)
 * @param person the exposed person
 * @param tier the tier at which the person was exposed (1 for a case's close contact)
 * @param first the earliest moment of the qualifying parts on counted days
 * @param lastEnd the latest end of those parts (a point's end is its instant)
 * @param lastDay the last day of contact: the day of {@code lastEnd}, or the day before when the
 *                latest part is a span ending at midnight
 * @param lastSetting the setting of the latest part ("household" under the household rule)
 */
public record Exposure(String source, String person, int tier, long first, long lastEnd, LocalDate lastDay,
                       String lastSetting) {

    public Exposure {
        Objects.requireNonNull(source);
        Objects.requireNonNull(person);
        Objects.requireNonNull(lastDay);
        Objects.requireNonNull(lastSetting);
    }

    /** {@code yyyy-MM-dd HH:mm} of the first moment. */
    public String firstText() {
        return WallClock.minutes(first);
    }

    /** The last moment as printed: 23:59 of the last day when the latest span ended at midnight. */
    public String lastText() {
        return lastText(lastEnd, lastDay);
    }

    static String lastText(long lastEnd, LocalDate lastDay) {
        if (lastDay.toEpochDay() < WallClock.day(lastEnd)) {
            return lastDay + " 23:59";
        }
        return WallClock.minutes(lastEnd);
    }
}
