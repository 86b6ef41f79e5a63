package org.ctrace.domain.chains;

/**
 * The days between a contact and the infected case's anchor date that make the contact a
 * candidate source ({@code --incubation A-B}, SPEC §8): calendar days, both bounds included.
 *
 * @param minDays the fewest days (at least 0)
 * @param maxDays the most days (at least minDays)
 */
public record Incubation(int minDays, int maxDays) {

    /** SPEC §8's default, 1 to 14 days. */
    public static final Incubation DEFAULT = new Incubation(1, 14);

    public Incubation {
        if (minDays < 0 || maxDays < minDays) {
            throw new IllegalArgumentException("an incubation of " + minDays + "-" + maxDays
                    + " days; expected A-B with 0 <= A <= B, such as 1-14");
        }
    }

    /** Whether a contact this many calendar days before the anchor date is in range. */
    public boolean contains(long days) {
        return days >= minDays && days <= maxDays;
    }

    @Override
    public String toString() {
        return minDays + "-" + maxDays;
    }
}
