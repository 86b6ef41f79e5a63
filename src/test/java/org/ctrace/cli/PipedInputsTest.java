package org.ctrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input named by a path that is a pipe (a shell's {@code <(...)}, a FIFO) is read as a
 * file from standard input would be: its size reads as 0 and its bytes come once, so the
 * byte readers, which take a file's size and read it at any place, must not take it (a
 * second reader found quarantine.csv read as empty, and every status lost, through
 * {@code --quarantine <(cat quarantine.csv)}; persons.csv and contacts.csv the same).
 */
class PipedInputsTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a reader that opens a pipe twice waits for ever
    void eachInputThroughAPipeGivesTheSameList() throws Exception {
        SmallSet.Files set = SmallSet.write(dir);
        Ctrace.Result fromFiles = Ctrace.trace(set.args());
        assertEquals(0, fromFiles.exit(), fromFiles::toString);
        assertEquals(SmallSet.LIST_CSV, fromFiles.out());
        String[] args = set.args();
        for (int i = 1; i < args.length; i += 2) {
            Path file = Path.of(args[i]);
            Path fifo = dir.resolve("pipe-" + i);
            Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
            assertEquals(0, mkfifo.waitFor(), "this test makes a named pipe with mkfifo");
            Thread writer = new Thread(() -> {
                try (OutputStream out = Files.newOutputStream(fifo)) {
                    out.write(Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.start();
            String[] piped = Arrays.copyOf(args, args.length);
            piped[i] = fifo.toString();
            Ctrace.Result r = Ctrace.trace(piped);
            writer.join(10_000);
            assertEquals(0, r.exit(), args[i - 1] + " " + r);
            assertEquals(fromFiles.out(), r.out(), args[i - 1] + " through a pipe");
            assertTrue(r.errLines().stream().noneMatch(l -> l.contains("warning")), r::toString);
        }
    }
}
