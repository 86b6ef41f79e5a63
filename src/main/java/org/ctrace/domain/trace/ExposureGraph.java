package org.ctrace.domain.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.builder.GraphTypeBuilder;

/**
 * The exposure graph: persons as vertices, close pairs as directed edges from source to
 * exposed person, carrying the exposure span and setting. Built tier by tier by
 * {@link ContactTracer}; read-only once tracing is done.
 */
public final class ExposureGraph {

    private final Graph<String, Exposure> graph;

    ExposureGraph() {
        this.graph = GraphTypeBuilder.<String, Exposure>directed()
                .allowingMultipleEdges(false)
                .allowingSelfLoops(false)
                .edgeClass(Exposure.class)
                .buildGraph();
    }

    void add(Exposure e) {
        graph.addVertex(e.source());
        graph.addVertex(e.person());
        graph.addEdge(e.source(), e.person(), e);
    }

    /** The exposures that reached a person (its incoming edges), sorted by source. */
    public List<Exposure> exposuresOf(String person) {
        if (!graph.containsVertex(person)) {
            return List.of();
        }
        List<Exposure> in = new ArrayList<>(graph.incomingEdgesOf(person));
        in.sort((a, b) -> a.source().compareTo(b.source()));
        return Collections.unmodifiableList(in);
    }

    /** Every exposure, in no particular order. */
    public Set<Exposure> exposures() {
        return Collections.unmodifiableSet(graph.edgeSet());
    }

    /** A read-only view of the JGraphT graph, for export and graph algorithms. */
    public Graph<String, Exposure> view() {
        return new AsUnmodifiableGraph<>(graph);
    }

    /** The number of close pairs. */
    public int size() {
        return graph.edgeSet().size();
    }
}
