package org.ctrace.domain.simulate;

import org.ctrace.domain.Classification;

/**
 * A row of the simulated cases.csv.
 *
 * @param person the case's person number
 * @param classification confirmed, asymptomatic, suspected or probable
 * @param onset symptom onset, or null (asymptomatic cases have none)
 * @param sample specimen date, or null
 * @param isolation when the case was isolated, or null when it was not by the as-of day
 * @param infector the person number of an earlier case that infected it, or -1
 */
public record CaseRow(int person, Classification classification, Stamp onset, Stamp sample, Stamp isolation,
                      int infector) {
}
