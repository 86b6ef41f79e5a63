package org.ctrace.domain.release;

import org.ctrace.domain.Person;
import org.ctrace.domain.QuarantineRecord;
import org.ctrace.domain.trace.QuarantineOrder;

/**
 * One row of the release list (SPEC §7).
 *
 * @param person the person in quarantine
 * @param quarantine the person's quarantine row
 * @param order the person's quarantine-list row, or null when not on the list
 * @param decision release, hold or review
 * @param reason why, in words
 */
public record ReleaseRow(Person person, QuarantineRecord quarantine, QuarantineOrder order, ReleaseDecision decision,
                         String reason) {
}
