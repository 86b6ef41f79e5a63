package org.ctrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A heap too small for the inputs: the user read a Java stack trace (or, from a reader thread,
 * an "internal error" to report); now one line says what to give the JVM. A second JVM with a
 * small heap traces a registry of 600,000 persons.
 */
class OutOfMemoryTest {

    @Test
    void aHeapTooSmallIsToldInOneLineWithWhatToDo(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("city");
        Ctrace.Result made = Ctrace.run("simulate", "--persons", "600000", "--cases", "10", "--events", "2000",
                "--seed", "1", "--out", in.toString());
        assertEquals(0, made.exit(), made::toString);
        Path list = dir.resolve("list.csv");
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx24m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "trace", "--in",
                in.toString(), "--as-of", "2024-03-21", "--zone", "UTC", "--quiet", "-o", list.toString())
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, run.exitValue(), output);
        assertTrue(output.startsWith("ctrace: out of memory: the run needs more than "), output);
        assertTrue(output.contains("JAVA_OPTS=-Xmx8g"), output);
        assertFalse(output.contains("\tat "), "no stack trace without --verbose: " + output);
        assertFalse(Files.exists(list));
    }
}
