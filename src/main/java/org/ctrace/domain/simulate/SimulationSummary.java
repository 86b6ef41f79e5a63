package org.ctrace.domain.simulate;

/**
 * What a {@link Simulation} produced.
 *
 * @param persons persons in the registry
 * @param households their households
 * @param villages villages of the city
 * @param cases cases
 * @param events contact events
 * @param caseEvents events planned with a case (the rest may still meet one by chance)
 * @param contactEvents events planned with a recent contact of a case
 * @param quarantineRows quarantine rows
 */
public record SimulationSummary(int persons, int households, int villages, int cases, long events,
                                long caseEvents, long contactEvents, int quarantineRows) {
}
