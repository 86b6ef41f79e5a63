package org.ctrace.domain.simulate;

/**
 * A row of the simulated contacts.csv, kept to primitives because a benchmark writes
 * hundreds of millions of them. Every row is valid under SPEC §2: two different persons, an
 * end after the start, no negative number.
 *
 * @param personA a person number
 * @param personB another person number
 * @param start when the encounter began (wall-clock seconds; 00:00 for a date form)
 * @param form how start, and end when given, are written
 * @param end when it ended, or {@link #NONE}; only with a time form
 * @param durationMin whole minutes, or -1 when absent
 * @param setting the setting word
 * @param distanceDm the closest distance in tenths of a metre, or -1 when unknown
 * @param protectedWord the protected cell as written (true, No, 1…), or empty
 */
public record ContactRow(int personA, int personB, long start, TimeForm form, long end, int durationMin,
                         String setting, int distanceDm, String protectedWord) {

    /** No end. */
    public static final long NONE = Long.MIN_VALUE;
}
