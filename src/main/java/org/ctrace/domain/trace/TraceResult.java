package org.ctrace.domain.trace;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The outcome of {@link ContactTracer#trace()}: everyone found, tier by tier, the exposure
 * graph behind them, and the counts for the summary.
 *
 * @param persons the traced persons, by tier then person id
 * @param graph the exposure graph ({@link ContactTracer#traceWithoutGraph} keeps none)
 * @param summary counts
 */
public record TraceResult(List<TracedPerson> persons, ExposureGraph graph, TraceSummary summary) {

    public TraceResult {
        persons = List.copyOf(persons);
    }

    /** The traced person with this id, if found. */
    public Optional<TracedPerson> find(String personId) {
        return Optional.ofNullable(index().get(personId));
    }

    /** The traced persons by id. */
    public Map<String, TracedPerson> index() {
        return persons.stream().collect(Collectors.toUnmodifiableMap(TracedPerson::personId, Function.identity()));
    }
}
