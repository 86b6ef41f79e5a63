package org.ctrace.domain.coverage;

import org.ctrace.domain.trace.QuarantineOrder;

/**
 * A listed person behind not_quarantined, wrong_type or early_release (SPEC §6): a row of
 * the list that must reach zero.
 *
 * @param order the quarantine-list row
 * @param reason what is wrong, in words a field team acts on
 */
public record Gap(QuarantineOrder order, String reason) {
}
