package org.ctrace.domain;

/**
 * The half-open span {@code [opens, closes)} during which a source's contacts count (SPEC §3
 * "Windows"): for a case from 00:00 of its anchor date minus lookback_days until isolation,
 * for a close contact from its first exposure until its quarantine start; never past 24:00 of
 * the as-of day.
 *
 * @param sourceId the source person
 * @param opens first instant inside the window
 * @param closes first instant after the window
 */
public record InfectiousWindow(String sourceId, long opens, long closes) {

    /** Whether no instant lies inside (the source was isolated before the window opened). */
    public boolean isEmpty() {
        return closes <= opens;
    }

    /** Whether an instant lies inside the window. */
    public boolean contains(long instant) {
        return instant >= opens && instant < closes;
    }
}
