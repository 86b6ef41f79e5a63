package org.ctrace.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The bundled sample outbreak (samples/, explained in samples/README.md) against its golden
 * quarantine list, samples/expected-trace.csv, which was checked row by row against SPEC §3 and §5.
 * Paths are relative to the project root, Maven's working directory for tests.
 */
class SamplesGoldenTest {

    private static final Path SAMPLES = Path.of("samples");
    private static final Path EXPECTED = SAMPLES.resolve("expected-trace.csv");

    private record Run(int exit, byte[] out, String err) {
    }

    private static Run trace() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int exit = Main.run(new ByteArrayInputStream(new byte[0]), out, new PrintWriter(err, true),
                "trace", "--in", SAMPLES.toString(), "--as-of", "2024-03-15", "--zone", "Asia/Shanghai");
        return new Run(exit, out.toByteArray(), err.toString());
    }

    @Test
    void traceOutputEqualsTheGoldenFileByteForByte() throws IOException {
        Run run = trace();
        assertEquals(0, run.exit(), () -> "exit code; stderr:\n" + run.err());
        byte[] expected = Files.readAllBytes(EXPECTED);
        if (!Arrays.equals(expected, run.out())) {
            // Same assertion, but with a readable diff of the two texts in the failure message.
            assertEquals(new String(expected, UTF_8), new String(run.out(), UTF_8),
                    "ctrace trace output differs from " + EXPECTED);
        }
        assertArrayEquals(expected, run.out());
    }

    @Test
    void outputShowsEveryActionAndBothTiers() {
        Run run = trace();
        assertEquals(0, run.exit(), () -> "exit code; stderr:\n" + run.err());
        List<String> lines = new String(run.out(), UTF_8).lines().toList();
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        int tierCol = header.indexOf("tier");
        int actionCol = header.indexOf("action");
        assertTrue(tierCol >= 0 && actionCol >= 0, "header: " + header);
        Set<String> tiers = new TreeSet<>();
        Set<String> actions = new TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            // No cell before `action` holds a comma or a quote in the samples, so a plain split is exact
            // up to `action`; only `basis`, the last column, might.
            String[] cells = line.split(",", -1);
            tiers.add(cells[tierCol]);
            actions.add(cells[actionCol]);
        }
        assertEquals(Set.of("close", "secondary"), tiers, "tiers");
        assertEquals(Set.of("quarantine", "upgrade", "extend", "ok"), actions, "actions");
    }
}
