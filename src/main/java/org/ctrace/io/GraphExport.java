package org.ctrace.io;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
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
 * <p>Every id and value is written so that its text comes back whole; a character a format
 * cannot hold is written as <code>&#92;uXXXX</code>, the form JSON itself uses (see
 * {@link #visible(String)} and {@link #dotString(String)}), and {@link #escaped(Format)} names
 * the values so written.
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
     * case status, areas), every close pair as an edge from source to exposed person (first
     * and last exposure as {@code trace} prints them, setting of the last exposure).
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
     * date, district) and kept non-cases (status {@code noncase}, cluster, and their district
     * when persons.csv has one) as vertices, links as edges (kind, backward, contact date,
     * serial interval, cluster).
     */
    public static GraphExport<ChainLink> chains(ChainResult result, PersonRegistry persons) {
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
                export.vertex(id, id, "noncase", noncaseCluster.get(id), null, null, persons.areaOf(id).district());
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
            case DOT -> dot();
            case GEXF -> gexf();
            // JSON holds every character: jgrapht-io escapes quotes, backslashes and controls as JSON does.
            case JSON -> configure(new JSONExporter<>(id -> id), a -> a);
        };
        StringWriter text = new StringWriter();
        exporter.exportGraph(graph, text);
        out.write(text.toString());
    }

    /**
     * The ids and text values that a format writes with <code>&#92;uXXXX</code> escapes because
     * it cannot hold one of their characters (see {@link #visible(String)}), as given, sorted;
     * none for JSON. {@code export} warns about them: such a character is nearly always a slip in the data.
     */
    public List<String> escaped(Format format) {
        if (format == Format.JSON) {
            return List.of();
        }
        boolean dot = format == Format.DOT;
        TreeSet<String> found = new TreeSet<>();
        for (String v : graph.vertexSet()) {
            if (needsUnicodeEscape(v, dot)) {
                found.add(v);
            }
        }
        List<Map<String, Attribute>> values = new ArrayList<>(vertexValues.values());
        values.addAll(edgeValues.values());
        for (Map<String, Attribute> attributes : values) {
            for (Attribute a : attributes.values()) {
                if (a.getType() == AttributeType.STRING && needsUnicodeEscape(a.getValue(), dot)) {
                    found.add(a.getValue());
                }
            }
        }
        return List.copyOf(found);
    }

    /**
     * Sets the attribute providers (each value passed through {@code written}, the format's
     * escaping) and numbers the edges e1, e2… in output order.
     */
    private <X extends BaseExporter<String, E>> X configure(X exporter, UnaryOperator<Attribute> written) {
        exporter.setVertexAttributeProvider(v -> rewritten(vertexValues.get(v), written));
        exporter.setEdgeAttributeProvider(e -> rewritten(edgeValues.get(e), written));
        List<E> edges = new ArrayList<>(graph.edgeSet());
        Map<E, String> ids = new IdentityHashMap<>();
        for (int i = 0; i < edges.size(); i++) {
            ids.put(edges.get(i), "e" + (i + 1));
        }
        exporter.setEdgeIdProvider(ids::get);
        return exporter;
    }

    private static Map<String, Attribute> rewritten(Map<String, Attribute> values, UnaryOperator<Attribute> written) {
        if (values == null) {
            return Map.of();
        }
        Map<String, Attribute> map = new LinkedHashMap<>();
        values.forEach((name, a) -> map.put(name, written.apply(a)));
        return map;
    }

    /** An XML format's value: text in its {@link #visible(String)} form; integers and booleans as they are. */
    private static Attribute xmlValue(Attribute a) {
        return a.getType() == AttributeType.STRING ? DefaultAttribute.createAttribute(visible(a.getValue())) : a;
    }

    /**
     * DOT: ids and every attribute value (numbers and booleans too) as {@link #dotString(String)}
     * quoted strings. The values go to jgrapht-io as identifiers, which it prints as they are:
     * its own quoting of a text value escapes only {@code "}, so a value ending in a backslash
     * escaped the closing quote.
     */
    private DOTExporter<String, E> dot() {
        return configure(new DOTExporter<>(GraphExport::dotString),
                a -> new DefaultAttribute<>(dotString(a.getValue()), AttributeType.IDENTIFIER));
    }

    private GraphMLExporter<String, E> graphml() {
        GraphMLExporter<String, E> exporter = configure(new GraphMLExporter<>(graphmlIds()), GraphExport::xmlValue);
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
        GEXFExporter<String, E> exporter = configure(new GEXFExporter<>(), GraphExport::xmlValue);
        exporter.setVertexIdProvider(gexfIds());
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
        return numbered();
    }

    /**
     * GEXF node ids are any text: the person ids in their {@link #visible(String)} form, unless two
     * of them would then be the same (one holding a character XML cannot, another the text of its
     * escape), when they are {@code n1, n2…} for all as in GraphML (the label keeps the person id).
     */
    private Function<String, String> gexfIds() {
        Map<String, String> ids = new HashMap<>();
        graph.vertexSet().forEach(v -> ids.put(v, visible(v)));
        return new HashSet<>(ids.values()).size() == ids.size() ? ids::get : numbered();
    }

    private Function<String, String> numbered() {
        Map<String, String> ids = new HashMap<>();
        for (String v : graph.vertexSet()) {
            ids.put(v, "n" + (ids.size() + 1));
        }
        return ids::get;
    }

    private static final Pattern NAME_TOKEN = Pattern.compile("[\\p{L}\\p{Nd}._:-]+");

    /*
     * Characters a format cannot hold. XML 1.0 has no way to write C0 controls other than tab, LF
     * and CR, U+FFFE, U+FFFF or half a surrogate pair, not even as a character reference (&#1; is
     * an error: XML parsers, the JDK's among them, reject the file). Refusing the export would leave
     * the staff without a graph for a stray byte they often cannot fix at its source, and dropping
     * the character would change an id silently; so such a character is written as backslash, u
     * and four hex digits (U+0001 as backslash-u0001), the text JSON uses for it, visible in
     * Gephi's and yEd's tables, and export warns naming the value. In XML the form is not
     * reversible when the data already hold that text; the warning says when it was used.
     */

    /** Whether XML 1.0 can hold a code point (its {@code Char} production). */
    private static boolean xmlChar(int c) {
        return c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000;
    }

    /**
     * Whether DOT, as ctrace writes it, needs a <code>&#92;uXXXX</code> escape: a character XML cannot hold,
     * or a line end other than LF and CR (U+0085, U+2028, U+2029), which jgrapht-io's check of an id
     * (a Java regular expression whose '.' stops at them) would reject.
     */
    private static boolean dotUnicodeEscape(int c) {
        return !xmlChar(c) || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    private static boolean needsUnicodeEscape(String s, boolean dot) {
        return s.codePoints().anyMatch(c -> dot ? dotUnicodeEscape(c) : !xmlChar(c));
    }

    private static void appendUnicodeEscape(StringBuilder b, int c) {
        b.append(String.format(Locale.ROOT, "\\u%04X", c));
    }

    /**
     * Text as GraphML and GEXF write it: every character XML 1.0 cannot hold as <code>&#92;uXXXX</code>
     * (U+0001 as the six characters <code>&#92;u0001</code>); everything else, tab and line breaks
     * included, as it is (the XML writer escapes {@code < & "} and line breaks in attributes).
     */
    static String visible(String s) {
        if (!needsUnicodeEscape(s, false)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            if (xmlChar(c)) {
                b.appendCodePoint(c);
            } else {
                appendUnicodeEscape(b, c);
            }
        });
        return b.toString();
    }

    /**
     * A DOT quoted string; ids and attribute values alike, so any text is valid and comes back.
     * Graphviz's scanner knows only {@code \"} (a quote) and backslash-newline (a line
     * continuation, dropped) in a quoted string, and takes {@code \\} as a pair it keeps as is; its
     * labels then read {@code \\} as one backslash and {@code \n}, {@code \l}, {@code \r} as line
     * breaks (escString). So: a backslash is doubled (else a trailing one would escape the closing
     * quote, and one before n, l, N, G… would be read as an escape); a quote is {@code \"}; LF is
     * {@code \n} and CR {@code \r} (line breaks where Graphviz shows them, and every statement stays
     * on one line); a character {@link #dotUnicodeEscape} names is <code>&#92;uXXXX</code>, which, the
     * backslash being doubled everywhere else, no text can be mistaken for. Everything else, tab
     * included, is written as it is. Reading back: {@code \\} a backslash, {@code \"} a quote,
     * {@code \n} LF, {@code \r} CR, <code>&#92;uXXXX</code> that character.
     */
    static String dotString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> {
                    if (dotUnicodeEscape(c)) {
                        appendUnicodeEscape(b, c);
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.append('"').toString();
    }

    /**
     * A value for a message on a terminal: every control character, and every character XML
     * cannot hold, as <code>&#92;uXXXX</code>.
     */
    public static String shown(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || dotUnicodeEscape(c)) {
                appendUnicodeEscape(b, c);
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    /** The format's usual file extension. */
    public static String extension(Format f) {
        return f.name().toLowerCase(Locale.ROOT);
    }
}
