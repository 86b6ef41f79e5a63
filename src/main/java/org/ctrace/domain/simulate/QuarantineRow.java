package org.ctrace.domain.simulate;

import org.ctrace.domain.QuarantineStatus;

/**
 * A row of the simulated quarantine.csv.
 *
 * @param person the person number
 * @param status centralized, home, hospital or released
 * @param start when quarantine began
 * @param end the planned end (the actual end, for released), a date, or null when open-ended
 * @param siteId the quarantine site, or empty
 */
public record QuarantineRow(int person, QuarantineStatus status, Stamp start, Stamp end, String siteId) {
}
