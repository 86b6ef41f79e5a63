package org.ctrace.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.ctrace.domain.Area;
import org.ctrace.domain.Case;
import org.ctrace.domain.Classification;
import org.ctrace.domain.ContactEvent;
import org.ctrace.domain.Moment;
import org.ctrace.domain.Person;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.QuarantineRegistry;
import org.ctrace.domain.RuleProfiles;
import org.ctrace.domain.WallClock;
import org.ctrace.domain.chains.CaseLink;
import org.ctrace.domain.chains.ChainSettings;
import org.ctrace.domain.chains.LinkKind;
import org.ctrace.domain.chains.TransmissionChains;
import org.ctrace.domain.trace.ContactTracer;
import org.ctrace.domain.trace.TraceResult;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jgrapht.nio.BaseEventDrivenImporter;
import org.jgrapht.nio.GraphImporter;
import org.jgrapht.nio.dot.DOTImporter;
import org.jgrapht.nio.gexf.SimpleGEXFImporter;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.jgrapht.nio.json.JSONImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every export format written and read back with jgrapht-io's own importers: the same vertices,
 * edges and attribute values come back. The DOT output is also rendered with Graphviz when
 * {@code dot} is installed.
 */
class GraphExportTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 3, 15);

    private static long at(int day, int hour) {
        return WallClock.of(LocalDateTime.of(2024, 3, day, hour, 0));
    }

    private static ContactEvent meet(String a, String b, int day, int hour, int hours) {
        return new ContactEvent(a, b, at(day, hour), at(day, hour + hours), false, Double.NaN, "work", 0.5, false);
    }

    /** Case A exposes B (03-11 09:00-11:00); B exposes "C \"q\"" (03-12); case D met nobody; E is unregistered. */
    private static GraphExport<?> exposures() {
        List<Case> cases = List.of(new Case("A", Classification.CONFIRMED, LocalDate.of(2024, 3, 10), null, null, ""),
                new Case("D", Classification.ASYMPTOMATIC, null, LocalDate.of(2024, 3, 11), null, ""));
        PersonRegistry persons = PersonRegistry.of(List.of(
                new Person("A", "", "", new Area("Qinghe", "Beiyuan", "Liuzhuang", "Dongli"), ""),
                new Person("B", "", "", new Area("Qinghe", "Nanhu", "Hexi", "Qianjin"), ""),
                new Person("C \"q\"", "", "", new Area("Qinghe", "Nanhu", "Hexi", "Qianjin"), "")));
        List<ContactEvent> events = List.of(meet("A", "B", 11, 9, 2), meet("B", "C \"q\"", 12, 14, 1),
                meet("A", "E", 12, 8, 1));
        TraceResult trace = new ContactTracer(RuleProfiles.CN_9, cases, persons, QuarantineRegistry.none(),
                events::forEach, AS_OF, 2).trace();
        return GraphExport.exposures(trace, cases, persons);
    }

    /** A infects B (contact 03-04 18:30); C and B related; X (not a case, kept) infects C. */
    private static GraphExport<?> chains() {
        List<Case> cases = List.of(new Case("A", Classification.CONFIRMED, LocalDate.of(2024, 3, 2), null, null, ""),
                new Case("B", Classification.CONFIRMED, LocalDate.of(2024, 3, 5), null, null, ""),
                new Case("C", Classification.ASYMPTOMATIC, null, LocalDate.of(2024, 3, 7), null, ""));
        List<CaseLink> links = List.of(
                new CaseLink("A", "B", LinkKind.REPORTED, new Moment(
                        WallClock.of(LocalDateTime.of(2024, 3, 4, 18, 30)), true), null),
                new CaseLink("C", "B", LinkKind.RELATED, null, null),
                new CaseLink("X", "C", LinkKind.REPORTED, null, null));
        return GraphExport.chains(new TransmissionChains(cases, links, PersonRegistry.none(),
                new ChainSettings(AS_OF, 14, true, 1)).chains());
    }

    private static String write(GraphExport<?> export, GraphExport.Format format) {
        StringWriter out = new StringWriter();
        try {
            export.write(format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** What an importer read: vertex attributes by id, and edges as "from>to" with their attributes. */
    private record ReadBack(Map<String, Map<String, String>> vertices, List<String> edges,
                            Map<String, Map<String, String>> edgeAttributes) {
    }

    private static ReadBack read(GraphExport.Format format, String text) {
        Graph<String, DefaultEdge> g = GraphTypeBuilder.<String, DefaultEdge>directed().allowingMultipleEdges(true)
                .allowingSelfLoops(true).edgeClass(DefaultEdge.class).buildGraph();
        Map<String, Map<String, String>> vertices = new TreeMap<>();
        Map<DefaultEdge, Map<String, String>> edges = new LinkedHashMap<>();
        GraphImporter<String, DefaultEdge> importer = switch (format) {
            case GRAPHML -> {
                GraphMLImporter<String, DefaultEdge> i = new GraphMLImporter<>();
                i.setVertexFactory(id -> id);
                yield i;
            }
            case DOT -> {
                DOTImporter<String, DefaultEdge> i = new DOTImporter<>();
                i.setVertexFactory(id -> id);
                yield i;
            }
            case GEXF -> {
                SimpleGEXFImporter<String, DefaultEdge> i = new SimpleGEXFImporter<>();
                i.setVertexFactory(id -> id);
                yield i;
            }
            case JSON -> {
                JSONImporter<String, DefaultEdge> i = new JSONImporter<>();
                i.setVertexFactory(id -> id);
                yield i;
            }
        };
        BaseEventDrivenImporter<String, DefaultEdge> events = (BaseEventDrivenImporter<String, DefaultEdge>) importer;
        events.addVertexAttributeConsumer((p, a) -> vertices.computeIfAbsent(p.getFirst(), k -> new TreeMap<>())
                .put(p.getSecond(), a.getValue()));
        events.addEdgeAttributeConsumer((p, a) -> edges.computeIfAbsent(p.getFirst(), k -> new TreeMap<>())
                .put(p.getSecond(), a.getValue()));
        importer.importGraph(g, new StringReader(text));
        // GraphML ids may be n1, n2… (when a person id is not an XML name token): the label is the person.
        Map<String, String> person = new TreeMap<>();
        Map<String, Map<String, String>> byPerson = new TreeMap<>();
        for (String v : g.vertexSet()) {
            Map<String, String> attributes = vertices.getOrDefault(v, new TreeMap<>());
            String id = format == GraphExport.Format.GRAPHML ? attributes.getOrDefault("label", v) : v;
            person.put(v, id);
            byPerson.put(id, attributes);
        }
        List<String> edgeNames = new ArrayList<>();
        Map<String, Map<String, String>> edgeAttributes = new TreeMap<>();
        for (DefaultEdge e : g.edgeSet()) {
            String name = person.get(g.getEdgeSource(e)) + ">" + person.get(g.getEdgeTarget(e));
            edgeNames.add(name);
            edgeAttributes.merge(name, edges.getOrDefault(e, new TreeMap<>()), (x, y) -> {
                Map<String, String> both = new TreeMap<>(x);
                y.forEach((k, v) -> both.merge(k, v, (p, q) -> p + "|" + q));
                return both;
            });
        }
        return new ReadBack(byPerson, edgeNames, edgeAttributes);
    }

    /** Only the attributes ctrace wrote (importers add their own, such as ID or id). */
    private static Map<String, String> ours(Map<String, String> attributes, List<GraphExport.Column> columns) {
        Map<String, String> kept = new TreeMap<>();
        for (GraphExport.Column c : columns) {
            if (attributes.containsKey(c.name())) {
                kept.put(c.name(), attributes.get(c.name()));
            }
        }
        return kept;
    }

    @ParameterizedTest
    @EnumSource(GraphExport.Format.class)
    void theExposureGraphReadsBackWithItsAttributes(GraphExport.Format format) {
        ReadBack back = read(format, write(exposures(), format));
        assertEquals(new TreeSet<>(List.of("A", "B", "C \"q\"", "D", "E")), back.vertices().keySet());
        assertEquals(List.of("A>B", "A>E", "B>C \"q\""), back.edges());
        Map<String, String> a = Map.of("label", "A", "tier", "case", "case_status", "confirmed", "city", "Qinghe",
                "district", "Beiyuan", "town", "Liuzhuang", "village", "Dongli");
        Map<String, String> c = Map.of("label", "C \"q\"", "tier", "secondary", "case_status", "none",
                "city", "Qinghe", "district", "Nanhu", "town", "Hexi", "village", "Qianjin");
        // E is not in persons.csv: no areas. The label is GEXF's own node attribute.
        Map<String, String> e = Map.of("label", "E", "tier", "close", "case_status", "none");
        Map<String, String> d = Map.of("label", "D", "tier", "case", "case_status", "asymptomatic");
        List<GraphExport.Column> columns = new ArrayList<>(GraphExport.PERSON_COLUMNS);
        if (format == GraphExport.Format.GEXF) {
            columns.removeIf(col -> col.name().equals("label"));
            a = without(a, "label");
            c = without(c, "label");
            e = without(e, "label");
            d = without(d, "label");
        }
        assertEquals(a, ours(back.vertices().get("A"), columns));
        assertEquals(c, ours(back.vertices().get("C \"q\""), columns));
        assertEquals(e, ours(back.vertices().get("E"), columns));
        assertEquals(d, ours(back.vertices().get("D"), columns));
        assertEquals(Map.of("first_exposure", "2024-03-11 09:00", "last_exposure", "2024-03-11 11:00", "setting", "work"),
                ours(back.edgeAttributes().get("A>B"), GraphExport.EXPOSURE_COLUMNS));
        assertEquals(Map.of("first_exposure", "2024-03-12 14:00", "last_exposure", "2024-03-12 15:00", "setting", "work"),
                ours(back.edgeAttributes().get("B>C \"q\""), GraphExport.EXPOSURE_COLUMNS));
    }

    @ParameterizedTest
    @EnumSource(GraphExport.Format.class)
    void theCaseLinkGraphReadsBackWithItsAttributes(GraphExport.Format format) {
        ReadBack back = read(format, write(chains(), format));
        assertEquals(new TreeSet<>(List.of("A", "B", "C", "X")), back.vertices().keySet());
        assertEquals(List.of("A>B", "B>C", "X>C"), back.edges());
        List<GraphExport.Column> columns = new ArrayList<>(GraphExport.CASE_COLUMNS);
        columns.removeIf(col -> col.name().equals("label"));
        assertEquals(Map.of("case_status", "confirmed", "cluster_id", "C1", "generation", "2", "anchor_date",
                "2024-03-05"), ours(back.vertices().get("B"), columns));
        assertEquals(Map.of("case_status", "noncase", "cluster_id", "C1"), ours(back.vertices().get("X"), columns));
        assertEquals(Map.of("kind", "reported", "backward", "false", "contact_date", "2024-03-04 18:30",
                "serial_interval_days", "3", "cluster_id", "C1"), ours(back.edgeAttributes().get("A>B"),
                GraphExport.LINK_COLUMNS));
        // The related link was given C to B; as an edge it runs from the earlier case, B (onset 03-05),
        // to C (sampled 03-07); C has no onset, so there is no serial interval.
        assertEquals(Map.of("kind", "related", "backward", "false", "cluster_id", "C1"),
                ours(back.edgeAttributes().get("B>C"), GraphExport.LINK_COLUMNS));
    }

    @Test
    void graphmlUsesThePersonIdsWhenTheyAreXmlNameTokensElseNumbersThem() {
        assertTrue(write(chains(), GraphExport.Format.GRAPHML).contains("<node id=\"A\">"));
        String numbered = write(exposures(), GraphExport.Format.GRAPHML);
        assertTrue(numbered.contains("<node id=\"n1\">"), numbered);
        assertTrue(numbered.contains(">C \"q\"</data>"), numbered);
    }

    @Test
    void theOutputIsTheSameOnEveryRun() {
        for (GraphExport.Format f : GraphExport.Format.values()) {
            assertEquals(write(exposures(), f), write(exposures(), f), f.name());
        }
    }

    @Test
    void aDotIdIsAlwaysQuoted() {
        assertEquals("\"P01\"", GraphExport.dotId("P01"));
        assertEquals("\"a \\\"b\\\" \\\\ c\"", GraphExport.dotId("a \"b\" \\ c"));
    }

    @Test
    void theDotOutputRendersWithGraphviz(@TempDir Path dir)
            throws IOException, InterruptedException {
        Path dot = graphviz();
        assumeTrue(dot != null, "Graphviz 'dot' is not installed (not on PATH): the DOT render check is skipped");
        for (GraphExport<?> export : List.of(exposures(), chains())) {
            Path in = dir.resolve("graph.dot");
            Files.writeString(in, write(export, GraphExport.Format.DOT), UTF_8);
            Path svg = dir.resolve("graph.svg");
            Process p = new ProcessBuilder(dot.toString(), "-Tsvg", "-o", svg.toString(), in.toString())
                    .redirectErrorStream(true).start();
            String messages = new String(p.getInputStream().readAllBytes(), UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "dot did not finish");
            assertEquals(0, p.exitValue(), messages);
            assertEquals("", messages.strip(), "dot printed warnings or errors");
            assertTrue(Files.readString(svg, UTF_8).contains("<svg"), "no SVG written");
        }
    }

    /** The {@code dot} program on PATH, or null. */
    static Path graphviz() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(File.pathSeparator)) {
            Path p = Path.of(d, "dot");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static Map<String, String> without(Map<String, String> m, String key) {
        Map<String, String> copy = new TreeMap<>(m);
        copy.remove(key);
        return copy;
    }
}
