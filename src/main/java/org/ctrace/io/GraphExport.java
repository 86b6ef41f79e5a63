package org.ctrace.io;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.ctrace.domain.Area;
import org.ctrace.domain.Case;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.chains.ChainCase;
import org.ctrace.domain.chains.ChainLink;
import org.ctrace.domain.chains.ChainResult;
import org.ctrace.domain.chains.Cluster;
import org.ctrace.domain.trace.Exposure;
import org.ctrace.domain.trace.TraceResult;
import org.ctrace.domain.trace.TracedPerson;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.BaseExporter;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.GraphExporter;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.gexf.GEXFAttributeType;
import org.jgrapht.nio.gexf.GEXFExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.json.JSONExporter;

/**
 * {@code ctrace export}: a graph with typed vertex and edge attributes (an empty value is left
 * out rather than written as ""), written with jgrapht-io
 * as GraphML (yEd, Cytoscape, NetworkX), DOT (Graphviz), GEXF (Gephi) or JSON (JGraphT's
 * layout: {@code nodes} and {@code edges} arrays). Vertices and edges are written in a stable
 * order (vertices by id; edges by source, target, then their attributes) so files diff cleanly.
 *
 * @param <E> the edge type
 */
public final class GraphExport<E> {

    /** The formats of {@code export --format}. */
    public enum Format { GRAPHML, DOT, GEXF, JSON }

    /** A typed attribute column: every vertex or edge has a value or none. */
    public record Column(String name, AttributeType type) {
    }

    /** The vertex attributes of the exposure graph. */
    public static final List<Column> PERSON_COLUMNS = List.of(new Column("label", AttributeType.STRING),
            new Column("tier", AttributeType.STRING), new Column("case_status", AttributeType.STRING),
            new Column("city", AttributeType.STRING), new Column("district", AttributeType.STRING),
            new Column("town", AttributeType.STRING), new Column("village", AttributeType.STRING));

    /** The edge attributes of the exposure graph. */
    public static final List<Column> EXPOSURE_COLUMNS = List.of(new Column("first_exposure", AttributeType.STRING), new Column("last_exposure", AttributeType.STRING),
            new Column("setting", AttributeType.STRING));

    /** The vertex attributes of the case-link graph. */
    public static final List<Column> CASE_COLUMNS = List.of(new Column("label", AttributeType.STRING),
            new Column("case_status", AttributeType.STRING), new Column("cluster_id", AttributeType.STRING),
            new Column("generation", AttributeType.INT), new Column("anchor_date", AttributeType.STRING),
            new Column("district", AttributeType.STRING));

    /** The edge attributes of the case-link graph. */
    public static final List<Column> LINK_COLUMNS = List.of(new Column("kind", AttributeType.STRING),
            new Column("backward", AttributeType.BOOLEAN), new Column("contact_date", AttributeType.STRING),
            new Column("serial_interval_days", AttributeType.INT), new Column("cluster_id", AttributeType.STRING));

    private final Graph<String, E> graph;
    private final List<Column> vertexColumns;
    private final List<Column> edgeColumns;
    private final Map<String, Map<String, Attribute>> vertexValues = new LinkedHashMap<>();
    private final Map<E, Map<String, Attribute>> edgeValues = new LinkedHashMap<>();

    private GraphExport(Graph<String, E> graph, List<Column> vertexColumns, List<Column> edgeColumns) {
        this.graph = graph;
        this.vertexColumns = vertexColumns;
        this.edgeColumns = edgeColumns;
    }

    /**
     * The exposure graph of a trace: every person traced and every case as a vertex (tier,
     * case status, areas), every close pair as an edge from source to exposed person (tier,
     * first and last exposure as {@code trace} prints them, setting of the last exposure).
     */
    public static GraphExport<Exposure> exposures(TraceResult trace, List<Case> cases, PersonRegistry persons) {
        Graph<String, Exposure> view = trace.graph().view();
        Map<String, Case> byId = new LinkedHashMap<>();
        cases.forEach(c -> byId.put(c.personId(), c));
        List<String> vertices = new ArrayList<>(view.vertexSet());
        byId.keySet().stream().filter(id -> !view.containsVertex(id)).forEach(vertices::add);
        Map<String, TracedPerson> traced = trace.index();
        GraphExport<Exposure> export = new GraphExport<>(newGraph(Exposure.class), PERSON_COLUMNS, EXPOSURE_COLUMNS);
        for (String id : sorted(vertices)) {
            Case c = byId.get(id);
            TracedPerson t = traced.get(id);
            Area a = persons.get(id).area();
            export.vertex(id, id, c != null ? "case" : t != null ? TracedPerson.tierName(t.tier()) : "",
                    c != null ? c.classification().word() : "none", a.city(), a.district(), a.town(), a.village());
        }
        List<Exposure> edges = new ArrayList<>(view.edgeSet());
        edges.sort(Comparator.comparing(Exposure::source).thenComparing(Exposure::person));
        for (Exposure e : edges) {
            export.edge(e.source(), e.person(), e, e.firstText(), e.lastText(), e.lastSetting());
        }
        return export;
    }

    /**
     * The case-link graph of a chains run: cases (case status, cluster, generation, anchor
     * date, district) and kept non-cases (status {@code noncase}) as vertices, links as edges
     * (kind, backward, contact date, serial interval, cluster).
     */
    public static GraphExport<ChainLink> chains(ChainResult result) {
        Graph<String, ChainLink> view = result.graph();
        Map<String, ChainCase> cases = result.caseIndex();
        Map<String, String> noncaseCluster = new LinkedHashMap<>();
        for (Cluster c : result.clusters()) {
            c.noncases().forEach(id -> noncaseCluster.put(id, c.id()));
        }
        GraphExport<ChainLink> export = new GraphExport<>(newGraph(ChainLink.class), CASE_COLUMNS, LINK_COLUMNS);
        for (String id : sorted(view.vertexSet())) {
            ChainCase c = cases.get(id);
            if (c != null) {
                export.vertex(id, id, c.source().classification().word(), c.clusterId(), c.generation(),
                        c.anchor().toString(), c.district());
            } else {
                export.vertex(id, id, "noncase", noncaseCluster.get(id), null, null, null);
            }
        }
        List<ChainLink> edges = new ArrayList<>(view.edgeSet());
        edges.sort(Comparator.comparing(ChainLink::from).thenComparing(ChainLink::to).thenComparing(ChainLink::kind));
        for (ChainLink l : edges) {
            export.edge(l.from(), l.to(), l, l.kind().word(), l.backward(), LinksFile.text(l.date()),
                    l.serialIntervalDays(), l.clusterId());
        }
        return export;
    }

    private static <T> Graph<String, T> newGraph(Class<T> edgeClass) {
        return GraphTypeBuilder.<String, T>directed().allowingMultipleEdges(true).allowingSelfLoops(false)
                .edgeClass(edgeClass).buildGraph();
    }

    private static List<String> sorted(Collection<String> ids) {
        List<String> list = new ArrayList<>(ids);
        list.sort(null);
        return list;
    }

    private void vertex(String id, Object... values) {
        graph.addVertex(id);
        vertexValues.put(id, attributes(vertexColumns, values));
    }

    private void edge(String from, String to, E e, Object... values) {
        graph.addEdge(from, to, e);
        edgeValues.put(e, attributes(edgeColumns, values));
    }

    private static Map<String, Attribute> attributes(List<Column> columns, Object[] values) {
        Map<String, Attribute> map = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Object v = values[i];
            if (v == null || "".equals(v)) {
                continue;
            }
            map.put(columns.get(i).name(), switch (columns.get(i).type()) {
                case INT -> DefaultAttribute.createAttribute((Integer) v);
                case BOOLEAN -> DefaultAttribute.createAttribute((Boolean) v);
                default -> DefaultAttribute.createAttribute((String) v);
            });
        }
        return map;
    }

    /** The graph as exported (vertices and edges in output order), read-only. */
    public Graph<String, E> graph() {
        return new AsUnmodifiableGraph<>(graph);
    }

    /**
     * Writes the graph in a format. The exporter writes to memory first: some jgrapht-io
     * exporters print through a {@code PrintWriter}, which would swallow a failed write.
     */
    public void write(Format format, Writer out) throws IOException {
        GraphExporter<String, E> exporter = switch (format) {
            case GRAPHML -> graphml();
            case DOT -> configure(new DOTExporter<>(GraphExport::dotId));
            case GEXF -> gexf();
            case JSON -> configure(new JSONExporter<>(id -> id));
        };
        StringWriter text = new StringWriter();
        exporter.exportGraph(graph, text);
        out.write(text.toString());
    }

    private <X extends BaseExporter<String, E>> X configure(X exporter) {
        exporter.setVertexAttributeProvider(v -> vertexValues.getOrDefault(v, Map.of()));
        exporter.setEdgeAttributeProvider(e -> edgeValues.getOrDefault(e, Map.of()));
        List<E> edges = new ArrayList<>(graph.edgeSet());
        Map<E, String> ids = new IdentityHashMap<>();
        for (int i = 0; i < edges.size(); i++) {
            ids.put(edges.get(i), "e" + (i + 1));
        }
        exporter.setEdgeIdProvider(ids::get);
        return exporter;
    }

    private GraphMLExporter<String, E> graphml() {
        GraphMLExporter<String, E> exporter = configure(new GraphMLExporter<>(graphmlIds()));
        // GraphML keys are registered by name: a name both vertices and edges have is registered once, for all.
        for (Column c : vertexColumns) {
            exporter.registerAttribute(c.name(), edgeColumns.contains(c) ? GraphMLExporter.AttributeCategory.ALL
                    : GraphMLExporter.AttributeCategory.NODE, c.type());
        }
        for (Column c : edgeColumns) {
            if (!vertexColumns.contains(c)) {
                exporter.registerAttribute(c.name(), GraphMLExporter.AttributeCategory.EDGE, c.type());
            }
        }
        return exporter;
    }

    private GEXFExporter<String, E> gexf() {
        GEXFExporter<String, E> exporter = configure(new GEXFExporter<>());
        exporter.setVertexIdProvider(id -> id);
        for (Column c : vertexColumns) {
            if (!c.name().equals("label")) {
                exporter.registerAttribute(c.name(), GEXFExporter.AttributeCategory.NODE, gexfType(c.type()));
            }
        }
        for (Column c : edgeColumns) {
            exporter.registerAttribute(c.name(), GEXFExporter.AttributeCategory.EDGE, gexfType(c.type()));
        }
        exporter.setParameter(GEXFExporter.Parameter.EXPORT_EDGE_TYPES, true);
        exporter.setCreator("ctrace");
        return exporter;
    }

    private static GEXFAttributeType gexfType(AttributeType t) {
        return switch (t) {
            case INT -> GEXFAttributeType.INTEGER;
            case BOOLEAN -> GEXFAttributeType.BOOLEAN;
            default -> GEXFAttributeType.STRING;
        };
    }

    /**
     * GraphML node ids must be XML name tokens: the person ids when every one is (letters, digits,
     * {@code . - _ :}), else {@code n1, n2…} in output order for all (the label keeps the person id).
     */
    private Function<String, String> graphmlIds() {
        if (graph.vertexSet().stream().allMatch(id -> NAME_TOKEN.matcher(id).matches())) {
            return id -> id;
        }
        Map<String, String> ids = new HashMap<>();
        for (String v : graph.vertexSet()) {
            ids.put(v, "n" + (ids.size() + 1));
        }
        return ids::get;
    }

    private static final Pattern NAME_TOKEN = Pattern.compile("[\\p{L}\\p{Nd}._:-]+");

    /** A DOT id: the person id as a quoted string, so any id is valid (Graphviz ID rules). */
    static String dotId(String id) {
        return '"' + id.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** The format's usual file extension. */
    public static String extension(Format f) {
        return f.name().toLowerCase(Locale.ROOT);
    }
}
