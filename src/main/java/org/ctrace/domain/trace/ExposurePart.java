package org.ctrace.domain.trace;

/**
 * The part of one qualifying contact event that lies inside a source's window (SPEC §3
 * "Events": only the part inside the window counts), or the whole window for a household
 * member under the household rule.
 *
 * @param from start of the part
 * @param to end of the part (exclusive); equal to {@code from} for a point
 * @param point whether the event is a point in time
 * @param dateOnly whether the event is date-only (reported for a day, not a time)
 * @param minutes for points and date-only events the known minutes, or NaN when unknown
 * @param setting the event's setting, lower case, or empty
 * @param countsAlone whether its day counts whatever the minutes (an always-close setting,
 *                    or the household rule)
 */
public record ExposurePart(long from, long to, boolean point, boolean dateOnly, double minutes, String setting,
                    boolean countsAlone) {

    /** Whether the minutes are unknown (a point or date-only event without a duration). */
    boolean minutesUnknown() {
        return (point || dateOnly) && Double.isNaN(minutes);
    }
}
