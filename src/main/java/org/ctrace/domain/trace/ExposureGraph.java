package org.ctrace.domain.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.builder.GraphTypeBuilder;

/**
 * The exposure graph: persons as vertices, close pairs as directed edges from source to
 * exposed person, carrying the exposure span and setting. Filled tier by tier by
 * {@link ContactTracer}; read-only once tracing is done.
 *
 * <p>The edges are kept as a plain list while tracing, and the JGraphT graph is made from
 * them the first time {@link #view()} is asked for (export, graph algorithms): a city's
 * trace has millions of edges, and a JGraphT graph costs several hundred bytes per edge
 * that the quarantine list itself never needs.
 */
public final class ExposureGraph {

    private final List<Exposure> edges = new ArrayList<>();
    /** False for the graph of a trace that did not keep one ({@link #notKept}). */
    private final boolean kept;
    private Graph<String, Exposure> graph;
    private Map<String, List<Exposure>> incoming;

    ExposureGraph() {
        this(true);
    }

    private ExposureGraph(boolean kept) {
        this.kept = kept;
    }

    /**
     * The graph of a trace made without one ({@link ContactTracer#traceWithoutGraph}): it takes
     * no exposures, and asking it for any is an error rather than an empty answer.
     */
    static ExposureGraph notKept() {
        return new ExposureGraph(false);
    }

    /** Adds exposures, in their order. */
    synchronized void addAll(List<Exposure> exposures) {
        if (graph != null || incoming != null) {
            throw new IllegalStateException("the graph is read-only once it has been viewed");
        }
        if (kept) {
            edges.addAll(exposures);
        }
    }

    /** Whether this graph keeps the exposures given to it. */
    boolean keeps() {
        return kept;
    }

    private void requireKept() {
        if (!kept) {
            throw new IllegalStateException("this trace kept no exposure graph: ContactTracer.trace() keeps one");
        }
    }

    /** The exposures that reached a person (its incoming edges), sorted by source. */
    public synchronized List<Exposure> exposuresOf(String person) {
        requireKept();
        if (incoming == null) {
            Map<String, List<Exposure>> in = new HashMap<>();
            for (Exposure e : edges) {
                in.computeIfAbsent(e.person(), k -> new ArrayList<>(2)).add(e);
            }
            in.values().forEach(l -> l.sort(Comparator.comparing(Exposure::source)));
            incoming = in;
        }
        List<Exposure> in = incoming.get(person);
        return in == null ? List.of() : Collections.unmodifiableList(in);
    }

    /** Every exposure, in the order found (tier by tier). */
    public List<Exposure> exposures() {
        requireKept();
        return Collections.unmodifiableList(edges);
    }

    /** A read-only JGraphT view of the graph, for export and graph algorithms (made on first use). */
    public synchronized Graph<String, Exposure> view() {
        requireKept();
        if (graph == null) {
            Graph<String, Exposure> g = GraphTypeBuilder.<String, Exposure>directed()
                    .allowingMultipleEdges(false)
                    .allowingSelfLoops(false)
                    .edgeClass(Exposure.class)
                    .buildGraph();
            for (Exposure e : edges) {
                g.addVertex(e.source());
                g.addVertex(e.person());
                g.addEdge(e.source(), e.person(), e);
            }
            graph = new AsUnmodifiableGraph<>(g);
        }
        return graph;
    }

    /** The number of close pairs. */
    public int size() {
        requireKept();
        return edges.size();
    }
}
