package org.ctrace.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import javax.xml.parsers.DocumentBuilderFactory;
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
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

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

    /**
     * Case A (district {@code D\}) exposes one person for each kind of awkward text, each
     * contact's setting the same text as the person (so values and ids are checked alike), plus
     * {@code extra} persons met in a setting "work".
     */
    private static GraphExport<?> awkward(String... extra) {
        return awkward(AWKWARD, extra);
    }

    private static GraphExport<?> awkward(List<String> awkward, String... extra) {
        List<Case> cases = List.of(new Case("A", Classification.CONFIRMED, LocalDate.of(2024, 3, 10), null, null, ""));
        PersonRegistry persons = PersonRegistry.of(List.of(
                new Person("A", "", "", new Area("Qinghe", "D\\", "", ""), "")));
        List<ContactEvent> events = new ArrayList<>();
        for (String id : awkward) {
            events.add(new ContactEvent("A", id, at(11, 9), at(11, 10), false, Double.NaN, id, 0.5, false));
        }
        for (String id : extra) {
            events.add(meet("A", id, 11, 9, 1));
        }
        TraceResult trace = new ContactTracer(RuleProfiles.CN_9, cases, persons, QuarantineRegistry.none(),
                events::forEach, AS_OF, 1).trace();
        return GraphExport.exposures(trace, cases, persons);
    }

    /**
     * Trailing backslash, backslash before n, LF, CRLF, lone CR, quotes, tab, a control character
     * (U+0001), DEL, U+FFFE, NEL and LINE SEPARATOR, a character outside the BMP, Chinese.
     */
    private static final List<String> AWKWARD = List.of("x\\", "b\\n", "l1\nl2", "r1\r\nr2", "cr\rcr", "q\"t\"",
            "tab\there", "a\u0001b", "del\u007F", "nc\uFFFE", "nel\u0085x", "ls\u2028x", "emoji\uD83D\uDE00",
            "病例\\");

    /** How GraphML and GEXF write a text: characters XML 1.0 cannot hold as backslash-u escapes. */
    private static String inXml(String text) {
        return text.replace("\u0001", "\\u0001").replace("\uFFFE", "\\uFFFE");
    }

    /**
     * A infects B (contact 03-04 18:30); C and B related; X (not a case, kept) infects C. B and
     * X are registered in districts.
     */
    private static GraphExport<?> chains() {
        List<Case> cases = List.of(new Case("A", Classification.CONFIRMED, LocalDate.of(2024, 3, 2), null, null, ""),
                new Case("B", Classification.CONFIRMED, LocalDate.of(2024, 3, 5), null, null, ""),
                new Case("C", Classification.ASYMPTOMATIC, null, LocalDate.of(2024, 3, 7), null, ""));
        List<CaseLink> links = List.of(
                new CaseLink("A", "B", LinkKind.REPORTED, new Moment(
                        WallClock.of(LocalDateTime.of(2024, 3, 4, 18, 30)), true), null),
                new CaseLink("C", "B", LinkKind.RELATED, null, null),
                new CaseLink("X", "C", LinkKind.REPORTED, null, null));
        PersonRegistry persons = PersonRegistry.of(List.of(
                new Person("B", "", "", new Area("City", "Beihu", "", ""), ""),
                new Person("X", "", "", new Area("City", "Nanshan", "", ""), "")));
        return GraphExport.chains(new TransmissionChains(cases, links, persons,
                new ChainSettings(AS_OF, 14, true, 1)).chains(), persons);
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
                "2024-03-05", "district", "Beihu"), ours(back.vertices().get("B"), columns));
        // a kept non-case has the district persons.csv gives it, as the README says of every vertex
        assertEquals(Map.of("case_status", "noncase", "cluster_id", "C1", "district", "Nanshan"),
                ours(back.vertices().get("X"), columns));
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
        assertEquals("\"P01\"", GraphExport.dotString("P01"));
        assertEquals("\"a \\\"b\\\" \\\\ c\"", GraphExport.dotString("a \"b\" \\ c"));
    }

    @Test
    void dotEscapesIdsAndValuesAlike() {
        // a backslash doubled (a trailing one escaped the closing quote), a quote \", LF \n, CR \r
        assertEquals("\"x\\\\\"", GraphExport.dotString("x\\"));
        assertEquals("\"b\\\\n\"", GraphExport.dotString("b\\n"));
        assertEquals("\"l1\\nl2\"", GraphExport.dotString("l1\nl2"));
        assertEquals("\"r1\\r\\nr2\"", GraphExport.dotString("r1\r\nr2"));
        assertEquals("\"q\\\"t\\\"\"", GraphExport.dotString("q\"t\""));
        // tab, DEL, Chinese and pairs of surrogates as they are
        assertEquals("\"tab\there\u007F病\uD83D\uDE00\"", GraphExport.dotString("tab\there\u007F病\uD83D\uDE00"));
        // what XML cannot hold, NEL and the Unicode line ends as backslash-u escapes
        assertEquals("\"a\\u0001b\\uFFFE\\u0085\\u2028\\uD800\"",
                GraphExport.dotString("a\u0001b\uFFFE\u0085\u2028\uD800"));
        // the text of such an escape stays distinct from the character: its backslash is doubled
        assertEquals("\"a\\\\u0001b\"", GraphExport.dotString("a\\u0001b"));
    }

    @Test
    void dotLabelsAndValuesEndingInABackslashAreEscapedAsIdsAre() {
        // the audit's case: the id was "x\\" but its label "x\" (the backslash escaped the quote)
        String text = write(awkward(List.of("x\\")), GraphExport.Format.DOT);
        assertTrue(text.contains("  \"x\\\\\" [ label=\"x\\\\\" tier=\"close\" case_status=\"none\" ];\n"), text);
        assertTrue(text.contains(" setting=\"x\\\\\" ];\n"), text);
        assertTrue(text.contains(" district=\"D\\\\\" ];\n"), text);
        DotGraph dot = DotGraph.parse(text);
        assertEquals("x\\", dot.nodes().get("x\\").get("label"));
        assertEquals("x\\", dot.edges().get("A>x\\").get("setting"));
        assertEquals("D\\", dot.nodes().get("A").get("district"));
    }

    @Test
    void everyDotStringReadsBackAsGraphvizScansIt() {
        String text = write(awkward(), GraphExport.Format.DOT);
        DotGraph dot = DotGraph.parse(text);
        List<String> ids = new ArrayList<>(AWKWARD);
        ids.add("A");
        assertEquals(new TreeSet<>(ids), dot.nodes().keySet(), text);
        for (String id : AWKWARD) {
            assertEquals(id, dot.nodes().get(id).get("label"), text);
            assertEquals(Map.of("first_exposure", "2024-03-11 09:00", "last_exposure", "2024-03-11 10:00",
                    "setting", id), dot.edges().get("A>" + id), text);
        }
        assertEquals("D\\", dot.nodes().get("A").get("district"));
        // one statement per line: no line break is written raw
        assertEquals(ids.size() * 2 + 1, text.lines().count(), text);
    }

    @ParameterizedTest
    @EnumSource(value = GraphExport.Format.class, names = {"GRAPHML", "GEXF"})
    void xmlFormatsParseAndHoldEveryValueOrItsVisibleEscape(GraphExport.Format format) throws Exception {
        XmlGraph xml = XmlGraph.parse(format, write(awkward(), format));
        List<String> labels = new ArrayList<>();
        AWKWARD.forEach(id -> labels.add(inXml(id)));
        labels.add("A");
        assertEquals(new TreeSet<>(labels), xml.nodes().keySet());
        for (String id : AWKWARD) {
            assertEquals(inXml(id), xml.edges().get("A>" + inXml(id)).get("setting"), id);
            assertEquals("close", xml.nodes().get(inXml(id)).get("tier"), id);
        }
        assertEquals("D\\", xml.nodes().get("A").get("district"));
        if (format == GraphExport.Format.GEXF) {
            // GEXF's node ids are the person ids, in the same visible form
            assertEquals(xml.nodes().keySet(), new TreeSet<>(xml.ids().values()));
        }
    }

    @Test
    void gexfNumbersTheNodesWhenAnEscapeWouldMakeTwoIdsTheSame() throws Exception {
        // "a\u0001b" as text is how a\u0001b (a control character) is written: the ids would clash
        XmlGraph xml = XmlGraph.parse(GraphExport.Format.GEXF, write(awkward("a\\u0001b"), GraphExport.Format.GEXF));
        assertEquals(AWKWARD.size() + 2, xml.ids().size());
        assertTrue(xml.ids().keySet().stream().allMatch(id -> id.matches("n\\d+")), xml.ids().toString());
    }

    @Test
    void escapedNamesTheValuesWrittenWithBackslashUEscapes() {
        GraphExport<?> export = awkward();
        assertEquals(List.of("a\u0001b", "nc\uFFFE"), export.escaped(GraphExport.Format.GRAPHML));
        assertEquals(List.of("a\u0001b", "nc\uFFFE"), export.escaped(GraphExport.Format.GEXF));
        assertEquals(List.of("a\u0001b", "ls\u2028x", "nc\uFFFE", "nel\u0085x"),
                export.escaped(GraphExport.Format.DOT));
        assertEquals(List.of(), export.escaped(GraphExport.Format.JSON));
        assertEquals(List.of(), exposures().escaped(GraphExport.Format.GRAPHML));
    }

    @Test
    void jsonHoldsEveryValueExactly() {
        ReadBack back = read(GraphExport.Format.JSON, write(awkward(), GraphExport.Format.JSON));
        for (String id : AWKWARD) {
            assertEquals(id, back.vertices().get(id).get("label"));
            assertEquals(id, back.edgeAttributes().get("A>" + id).get("setting"));
        }
    }

    /**
     * A DOT file read as Graphviz's scanner reads quoted strings ({@code \"} a quote, {@code \\}
     * a pair kept as it is, backslash-newline dropped; a string must end), then each string's
     * escapes as {@link GraphExport#dotString} documents them ({@code \\} a backslash, {@code \n}
     * LF, {@code \r} CR, backslash-u and four hex digits that character). Only the statements
     * ctrace writes: {@code digraph G { ID [a=V …]; ID -> ID [a=V …]; }}.
     */
    private record DotGraph(Map<String, Map<String, String>> nodes, Map<String, Map<String, String>> edges) {

        static DotGraph parse(String text) {
            List<String> tokens = tokens(text);
            Map<String, Map<String, String>> nodes = new TreeMap<>();
            Map<String, Map<String, String>> edges = new TreeMap<>();
            assertEquals(List.of("digraph", "G", "{"), tokens.subList(0, 3));
            int i = 3;
            while (!tokens.get(i).equals("}")) {
                String from = quoted(tokens.get(i++));
                String to = null;
                if (tokens.get(i).equals("->")) {
                    to = quoted(tokens.get(i + 1));
                    i += 2;
                }
                Map<String, String> attributes = new TreeMap<>();
                assertEquals("[", tokens.get(i++));
                while (!tokens.get(i).equals("]")) {
                    assertEquals("=", tokens.get(i + 1));
                    attributes.put(tokens.get(i), quoted(tokens.get(i + 2)));
                    i += 3;
                }
                assertEquals(";", tokens.get(i + 1));
                i += 2;
                if (to == null) {
                    assertNull(nodes.put(from, attributes), "node twice: " + from);
                } else {
                    edges.put(from + ">" + to, attributes);
                }
            }
            assertEquals(i + 1, tokens.size(), "text after the graph");
            return new DotGraph(nodes, edges);
        }

        /** A quoted-string token's text; the token must be one (ctrace quotes every id and value). */
        private static String quoted(String token) {
            assertTrue(token.startsWith("\u0000"), "not a quoted string: " + token);
            return token.substring(1);
        }

        /** The tokens; a quoted string as U+0000 (which ctrace never writes raw) and its decoded text. */
        private static List<String> tokens(String text) {
            List<String> tokens = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '"') {
                    StringBuilder scanned = new StringBuilder();
                    i++;
                    while (true) {
                        assertTrue(i < text.length(), "a quoted string does not end");
                        char d = text.charAt(i);
                        if (d == '"') {
                            i++;
                            break;
                        }
                        assertTrue(d != '\n' && d != '\r', "a raw line break in a quoted string");
                        if (d == '\\' && i + 1 < text.length()) {
                            char e = text.charAt(i + 1);
                            if (e == '"') {
                                scanned.append('"');
                                i += 2;
                                continue;
                            }
                            if (e == '\\') {
                                scanned.append("\\\\");
                                i += 2;
                                continue;
                            }
                            if (e == '\n') {
                                i += 2;
                                continue;
                            }
                        }
                        scanned.append(d);
                        i++;
                    }
                    tokens.add("\u0000" + unescape(scanned.toString()));
                } else if (c == '-' && text.startsWith("->", i)) {
                    tokens.add("->");
                    i += 2;
                } else if ("{}[]=;".indexOf(c) >= 0) {
                    tokens.add(String.valueOf(c));
                    i++;
                } else {
                    int start = i;
                    while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                        i++;
                    }
                    assertTrue(i > start, "unexpected character " + c);
                    tokens.add(text.substring(start, i));
                }
            }
            return tokens;
        }

        private static String unescape(String s) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(++i);
                switch (e) {
                    case '\\' -> b.append('\\');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> throw new AssertionError("an escape ctrace does not write: \\" + e + " in " + s);
                }
            }
            return b.toString();
        }
    }

    /**
     * A GraphML or GEXF file as the JDK's XML parser reads it: node attributes by label (node ids
     * to labels in {@code ids}), edge attributes by "from label>to label".
     */
    private record XmlGraph(Map<String, String> ids, Map<String, Map<String, String>> nodes,
                            Map<String, Map<String, String>> edges) {

        static XmlGraph parse(GraphExport.Format format, String text) throws Exception {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
            boolean graphml = format == GraphExport.Format.GRAPHML;
            // attribute keys: GraphML's <key id attr.name>, GEXF's <attributes class><attribute id title>
            Map<String, String> names = new TreeMap<>();
            NodeList keys = doc.getElementsByTagName(graphml ? "key" : "attribute");
            for (int i = 0; i < keys.getLength(); i++) {
                Element k = (Element) keys.item(i);
                String kind = graphml ? k.getAttribute("for") : ((Element) k.getParentNode()).getAttribute("class");
                names.put(kind + ":" + k.getAttribute("id"), k.getAttribute(graphml ? "attr.name" : "title"));
            }
            Map<String, String> ids = new TreeMap<>();
            Map<String, Map<String, String>> nodes = new TreeMap<>();
            NodeList nodeList = doc.getElementsByTagName("node");
            for (int i = 0; i < nodeList.getLength(); i++) {
                Element n = (Element) nodeList.item(i);
                Map<String, String> values = values(n, "node", names, graphml);
                if (!graphml) {
                    values.put("label", n.getAttribute("label"));
                }
                assertNull(ids.put(n.getAttribute("id"), values.get("label")), "id twice: " + n.getAttribute("id"));
                nodes.put(values.get("label"), values);
            }
            Map<String, Map<String, String>> edges = new TreeMap<>();
            NodeList edgeList = doc.getElementsByTagName("edge");
            for (int i = 0; i < edgeList.getLength(); i++) {
                Element e = (Element) edgeList.item(i);
                edges.put(ids.get(e.getAttribute("source")) + ">" + ids.get(e.getAttribute("target")),
                        values(e, "edge", names, graphml));
            }
            return new XmlGraph(ids, nodes, edges);
        }

        private static Map<String, String> values(Element owner, String kind, Map<String, String> names,
                                                  boolean graphml) {
            Map<String, String> values = new TreeMap<>();
            NodeList data = owner.getElementsByTagName(graphml ? "data" : "attvalue");
            for (int i = 0; i < data.getLength(); i++) {
                Element d = (Element) data.item(i);
                String name = names.get(kind + ":" + d.getAttribute(graphml ? "key" : "for"));
                values.put(name, graphml ? d.getTextContent() : d.getAttribute("value"));
            }
            return values;
        }
    }

    @Test
    void theDotOutputRendersWithGraphviz(@TempDir Path dir)
            throws IOException, InterruptedException {
        Path dot = graphviz();
        assumeTrue(dot != null, "Graphviz 'dot' is not installed (not on PATH): the DOT render check is skipped");
        for (GraphExport<?> export : List.of(exposures(), chains(), awkward())) {
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
