package org.ctrace.domain.chains;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jgrapht.Graph;

/**
 * The outcome of {@link TransmissionChains#chains()}: the clusters, each case's place, each link,
 * the problems found in the input links, and the case-link graph of the reported clusters.
 *
 * @param clusters the clusters of at least the minimum size, by id (C1, C2…)
 * @param cases their cases, cluster by cluster, each in (anchor date, person_id) order
 * @param links their links, cluster by cluster, by from then to in that order, then kind
 * @param problems warnings about the input links (all clusters, whatever their size)
 * @param summary counts
 * @param graph the case-link graph of the reported clusters (cases and kept non-cases as
 *              vertices, links as edges from {@code from} to {@code to}); read-only
 */
public record ChainResult(List<Cluster> clusters, List<ChainCase> cases, List<ChainLink> links,
                          List<LinkProblem> problems, ChainSummary summary, Graph<String, ChainLink> graph) {

    public ChainResult {
        clusters = List.copyOf(clusters);
        cases = List.copyOf(cases);
        links = List.copyOf(links);
        problems = List.copyOf(problems);
    }

    /** The reported cases by id. */
    public Map<String, ChainCase> caseIndex() {
        return cases.stream().collect(Collectors.toUnmodifiableMap(ChainCase::personId, Function.identity()));
    }
}
