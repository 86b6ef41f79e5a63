/**
 * A synthetic outbreak for drills, demos and benchmarks (SPEC §4, {@code ctrace simulate}):
 * a registry of persons in one city, cases with infectious windows and infectors, a stream
 * of contact events in which a chosen share touches the cases or their recent contacts, and
 * a quarantine registry. Pure Java: rows go to a {@link org.ctrace.domain.simulate.SimulationSink};
 * the same {@link org.ctrace.domain.simulate.SimulationSpec} always gives the same rows.
 */
package org.ctrace.domain.simulate;
