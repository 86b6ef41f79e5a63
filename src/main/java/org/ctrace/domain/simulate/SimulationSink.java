package org.ctrace.domain.simulate;

/**
 * Receives the rows of a {@link Simulation}, in this order: every person by number, then the
 * cases by anchor date, then the contact events, then the quarantine rows by person number.
 */
public interface SimulationSink {

    /** A person of the registry. */
    void person(PersonRow row);

    /** A case. */
    void caseRow(CaseRow row);

    /** A contact event. */
    void contact(ContactRow row);

    /** A quarantine status row. */
    void quarantine(QuarantineRow row);
}
