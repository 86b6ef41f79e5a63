package org.ctrace.domain;

import java.time.LocalDate;

/**
 * A row of the quarantine status registry (quarantine.csv, SPEC §2): where a person stands today.
 *
 * @param personId the person
 * @param status centralized, home, hospital or released
 * @param start when quarantine began (a date alone means during that day)
 * @param plannedEnd the planned end (the actual end, for released), or null when open-ended
 * @param siteId the quarantine site, or empty
 */
public record QuarantineRecord(String personId, QuarantineStatus status, Moment start, LocalDate plannedEnd,
                               String siteId) {

    /** Whether the planned end is before the given date; an open end never is. */
    public boolean endsBefore(LocalDate date) {
        return plannedEnd != null && plannedEnd.isBefore(date);
    }
}
