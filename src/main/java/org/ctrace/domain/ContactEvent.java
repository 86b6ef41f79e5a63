package org.ctrace.domain;

/**
 * One recorded encounter between two persons (contacts.csv, SPEC §2), already resolved to
 * its span under SPEC §3 "Events".
 *
 * <p>Three shapes: a timed span {@code [start, end)} with {@code end > start}; a point
 * ({@code end == start}, not date-only) whose minutes are 0 when a zero length was given and
 * unknown otherwise; and a date-only event covering the whole day {@code [00:00, 24:00)}
 * whose minutes are its duration_min, or unknown.
 *
 * @param personA one person
 * @param personB the other person (never the same)
 * @param start span start, wall-clock seconds
 * @param end span end (exclusive); equal to start for a point
 * @param dateOnly whether this is a date-only event
 * @param minutes for points and date-only events the known minutes, or NaN when unknown;
 *                unused for timed spans, whose minutes are their length
 * @param setting the setting word in lower case, or empty when unknown
 * @param distanceM the closest distance in metres, or NaN when unknown
 * @param isProtected whether effective protection was worn
 * @param indexA personA's position in the run's {@link PersonRegistry}, or −1 when unknown
 *               (lets tracing use arrays rather than look the id up again)
 * @param indexB personB's position in the registry, or −1
 */
public record ContactEvent(String personA, String personB, long start, long end, boolean dateOnly,
                           double minutes, String setting, double distanceM, boolean isProtected, int indexA,
                           int indexB) {

    /** An event whose persons' registry positions are not known. */
    public ContactEvent(String personA, String personB, long start, long end, boolean dateOnly, double minutes,
                        String setting, double distanceM, boolean isProtected) {
        this(personA, personB, start, end, dateOnly, minutes, setting, distanceM, isProtected, -1, -1);
    }

    /** The same event with the persons' registry positions. */
    public ContactEvent withIndexes(int a, int b) {
        return new ContactEvent(personA, personB, start, end, dateOnly, minutes, setting, distanceM, isProtected,
                a, b);
    }

    /** Whether the event is a point in time (no span). */
    public boolean isPoint() {
        return end == start && !dateOnly;
    }

    /** The other person of the event, given one of its two. */
    public String other(String person) {
        return person.equals(personA) ? personB : personA;
    }
}
