package org.ctrace.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.jgrapht.nio.json.JSONImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ctrace export} on the bundled samples, read back with jgrapht-io and rendered with Graphviz. */
class ExportCommandTest {

    private static final String[] SAMPLES = {"--in", "samples", "--as-of", "2024-03-15", "--zone", "Asia/Shanghai"};

    private static ChainsCommandTest.Result export(String... args) {
        return ChainsCommandTest.run(ChainsCommandTest.concat(ChainsCommandTest.concat(new String[] {"export"}, SAMPLES),
                args));
    }

    private static Graph<String, DefaultEdge> graph() {
        return GraphTypeBuilder.<String, DefaultEdge>directed().allowingMultipleEdges(true).allowingSelfLoops(true)
                .edgeClass(DefaultEdge.class).buildGraph();
    }

    @Test
    void theExposureGraphOfTheSamplesAsGraphml(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("exposure.graphml");
        ChainsCommandTest.Result r = export("-o", out.toString());
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.out());
        // 3 cases, 21 close and 8 secondary contacts (samples/expected-trace.csv); 32 close pairs,
        // as P23, P34 and P39 each have two sources.
        assertEquals("ctrace export: exposure graph, 32 vertices, 32 edges, graphml\n", r.err());
        Graph<String, DefaultEdge> g = graph();
        Map<String, Map<String, String>> attributes = new HashMap<>();
        GraphMLImporter<String, DefaultEdge> importer = new GraphMLImporter<>();
        importer.setVertexFactory(id -> id);
        importer.addVertexAttributeConsumer((p, a) -> attributes.computeIfAbsent(p.getFirst(), k -> new HashMap<>())
                .put(p.getSecond(), a.getValue()));
        importer.importGraph(g, new StringReader(Files.readString(out, UTF_8)));
        assertEquals(32, g.vertexSet().size());
        assertEquals(32, g.edgeSet().size());
        assertEquals("case", attributes.get("P20").get("tier"));
        assertEquals("secondary", attributes.get("P06").get("tier"));
        assertEquals("Shiqiao Town", attributes.get("P14").get("town"));
        assertTrue(g.containsEdge("P01", "P23") && g.containsEdge("P20", "P23"));
    }

    @Test
    void theCaseLinkGraphAsJsonOnStandardOutput() {
        ChainsCommandTest.Result r = export("--chains", "--infer", "--format", "json", "--quiet");
        assertEquals(0, r.exit(), r::toString);
        Graph<String, DefaultEdge> g = graph();
        JSONImporter<String, DefaultEdge> importer = new JSONImporter<>();
        importer.setVertexFactory(id -> id);
        importer.importGraph(g, new StringReader(r.out()));
        assertEquals(Set.of("P01", "P10", "P20"), g.vertexSet());
        assertTrue(g.containsEdge("P01", "P20") && g.containsEdge("P20", "P01"));
        assertTrue(r.out().contains("\"kind\":\"inferred\",\"backward\":true"), r.out());
    }

    @Test
    void theDotOutputRendersWithGraphviz(@TempDir Path dir) throws IOException, InterruptedException {
        Path dot = null;
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "dot"))) {
                dot = Path.of(d, "dot");
                break;
            }
        }
        assumeTrue(dot != null, "Graphviz 'dot' is not installed (not on PATH): the DOT render check is skipped");
        for (String[] args : new String[][] {{"--format", "dot"}, {"--format", "dot", "--chains"}}) {
            Path file = dir.resolve("graph.dot");
            ChainsCommandTest.Result r = export(ChainsCommandTest.concat(args, "-o", file.toString(), "--quiet"));
            assertEquals(0, r.exit(), r::toString);
            Process p = new ProcessBuilder(dot.toString(), "-Tsvg", file.toString()).redirectErrorStream(false).start();
            String svg = new String(p.getInputStream().readAllBytes(), UTF_8);
            String errors = new String(p.getErrorStream().readAllBytes(), UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), errors);
            assertEquals("", errors.strip());
            assertTrue(svg.contains("<title>P01</title>"), svg);
        }
    }

    /**
     * The audit's inputs: a person id ending in a backslash, one with a line break, one with a
     * control character (U+0001); a setting and a district ending in a backslash.
     */
    private static String[] awkwardInputs(Path dir) throws IOException {
        ChainsCommandTest.write(dir, "cases.csv", "person_id,onset_date", "C1,2024-03-10");
        ChainsCommandTest.write(dir, "persons.csv", "person_id,district", "C1,D\\");
        ChainsCommandTest.write(dir, "contacts.csv", "person_a,person_b,start,setting",
                "C1,\"x\\\",2024-03-10 10:00,me\\",
                "C1,\"l1\nl2\",2024-03-10 10:00,meal",
                "C1,a\u0001b,2024-03-10 10:00,meal");
        return new String[] {"export", "--in", dir.toString(), "--as-of", "2024-03-15", "--zone", "Asia/Shanghai"};
    }

    @Test
    void awkwardIdsAndValuesExportInEveryFormat(@TempDir Path dir) throws IOException {
        String[] export = awkwardInputs(dir);
        for (String format : new String[] {"graphml", "dot", "gexf", "json"}) {
            ChainsCommandTest.Result r = ChainsCommandTest.run(ChainsCommandTest.concat(export, "--format", format));
            assertEquals(0, r.exit(), r::toString);
            assertTrue(r.err().contains("exposure graph, 4 vertices, 3 edges"), r::toString);
            // the control character is named (shown escaped) wherever the format cannot hold it
            String warning = "warning: 1 value holds characters " + Map.of("graphml", "GraphML", "dot", "DOT",
                    "gexf", "GEXF", "json", "JSON").get(format) + " cannot hold, written as \\uXXXX: 'a\\u0001b'\n";
            assertEquals(!format.equals("json"), r.err().contains(warning), r::toString);
        }
        ChainsCommandTest.Result dot = ChainsCommandTest.run(ChainsCommandTest.concat(export, "--format", "dot"));
        assertTrue(dot.out().contains("  \"x\\\\\" [ label=\"x\\\\\" tier=\"close\" case_status=\"none\" ];\n"),
                dot.out());
        assertTrue(dot.out().contains("  \"l1\\nl2\" [ label=\"l1\\nl2\" "), dot.out());
        assertTrue(dot.out().contains(" district=\"D\\\\\" "), dot.out());
        ChainsCommandTest.Result quiet = ChainsCommandTest.run(ChainsCommandTest.concat(export, "--format", "gexf",
                "--quiet"));
        assertEquals(0, quiet.exit(), quiet::toString);
        assertEquals("", quiet.err());
        assertTrue(quiet.out().contains("<node id=\"a\\u0001b\" label=\"a\\u0001b\">"), quiet.out());
    }

    @Test
    void usageAndInputErrors() {
        assertEquals(2, export("--format", "csv").exit());
        assertEquals(2, export("--min-size", "0", "--chains").exit());
        assertEquals(1, export("--chains", "--links", "samples/missing.csv").exit());
    }

    /** An option of the other graph would do nothing: a missing links file went unnoticed, exit 0. */
    @Test
    void optionsOfTheOtherGraphAreUsageErrors() {
        for (String[] args : new String[][] {{"--links", "samples/missing.csv"}, {"--infer"}, {"--incubation", "2-5"},
            {"--keep-noncase"}, {"--active-days", "14"}, {"--min-size", "2"}, {"--chains", "--depth", "3"},
            {"--chains", "--profile", "cn-8"}, {"--chains", "--incubation", "2-5"}}) {
            ChainsCommandTest.Result r = export(args);
            assertEquals(2, r.exit(), () -> String.join(" ", args) + "\n" + r);
            assertEquals("", r.out());
            String option = args[0].equals("--chains") ? args[1] : args[0];
            assertTrue(r.err().startsWith("ctrace export: " + option + (!args[0].equals("--chains") ? " is for the "
                    : option.equals("--depth") ? " does not change the chains" : " applies to inferred sources only")),
                    r::toString);
        }
        assertEquals(0, export("--depth", "3", "--quiet").exit());
        assertEquals(0, export("--chains", "--min-size", "2", "--quiet").exit());
        assertEquals(0, export("--chains", "--infer", "--profile", "cn-8", "--quiet").exit());
    }
}
