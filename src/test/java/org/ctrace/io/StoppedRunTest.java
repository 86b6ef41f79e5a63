package org.ctrace.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ctrace.domain.Area;
import org.ctrace.domain.AreaLevel;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run stopped (Ctrl-C, kill) while it writes leaves nothing beside its outputs: a half-written
 * list was left as a hidden temporary file, and a split's temporary folder with its files.
 * A second JVM writes and waits; the test stops it once its temporary output is there.
 */
class StoppedRunTest {

    /** Writes part of an output (a file, or a split's folder with a file in it), then waits to be stopped. */
    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[1]);
        if (args[0].equals("file")) {
            OutputTarget.file(target, false).write(w -> {
                w.write("person_id,name\n");
                w.flush();
                waitForever();
            });
        } else {
            // the second row's cells never come: the set is being made when the run is stopped
            Area north = new Area("Qinghe", "North", "", "");
            new AreaSplit<Integer>(AreaLevel.DISTRICT, List.of("n"), n -> {
                if (n == 2) {
                    waitForever();
                }
                return List.of(n.toString());
            }).write(target, List.of(1, 2), i -> north, List.of(north), TableFormat.CSV, false, files -> { });
        }
    }

    private static void waitForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "split"})
    void aStoppedRunLeavesNoTemporaryOutput(String kind, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "the user's own", StandardCharsets.UTF_8);
        Path target = dir.resolve(kind.equals("file") ? "list.csv" : "teams");
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StoppedRunTest.class.getName(), kind, target.toString())
                .redirectErrorStream(true).start();
        try {
            // started when its temporary file holds the header, or its folder is made (no time limit asserted)
            while (!written(dir, kind)) {
                assertTrue(run.isAlive(), () -> "the writer ended early: " + output(run));
                Thread.sleep(20);
            }
            run.destroy(); // SIGTERM, as kill sends; Ctrl-C's SIGINT runs the same shutdown
            assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the writer did not stop");
            assertEquals(143, run.exitValue(), () -> output(run));
            assertEquals(List.of("notes.txt"), names(dir), "nothing left beside the user's file");
        } finally {
            run.destroyForcibly();
        }
    }

    private static boolean written(Path dir, String kind) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                    .anyMatch(p -> kind.equals("file") ? p.toFile().length() > 0 : Files.isDirectory(p));
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String output(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
