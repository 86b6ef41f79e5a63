package org.ctrace.domain.trace;

import java.time.LocalDate;
import org.ctrace.domain.Person;
import org.ctrace.domain.QuarantineType;

/**
 * One row of the quarantine list (SPEC §5): who must be quarantined, why, until when, and
 * what the team must do given the person's current status.
 *
 * @param person the person (unregistered persons have empty name and areas)
 * @param traced the tracing behind the order
 * @param quarantineType the required quarantine type
 * @param quarantineEnd the last day of quarantine: date(last exposure) + the tier's days
 * @param monitoringEnd the last day of home health monitoring (tier 1 only), or null
 * @param currentStatus the status in quarantine.csv, or {@code none}
 * @param plannedEnd the planned end in quarantine.csv, or null
 * @param action what to do
 * @param basis one sentence a field worker can read, saying why
 */
public record QuarantineOrder(Person person, TracedPerson traced, QuarantineType quarantineType,
                              LocalDate quarantineEnd, LocalDate monitoringEnd, String currentStatus,
                              LocalDate plannedEnd, Action action, String basis) {

    /** The person's id. */
    public String personId() {
        return person.id();
    }

    /** The tier number. */
    public int tier() {
        return traced.tier();
    }
}
