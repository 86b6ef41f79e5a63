package org.ctrace.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/**
 * Standard output's failures: a closed pipe is told by standard output being a pipe, not by
 * the system's words, which the locale translates (a German or Chinese machine's {@code | head}
 * must still end quietly).
 */
class StandardOutputTest {

    /** A stream whose reader has gone, on a machine whose messages are in Chinese. */
    private static final OutputStream CLOSED = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("断开的管道");
        }
    };

    @Test
    void anyFailureToWriteAPipeIsAClosedPipeWhateverItsWords() {
        StandardOutput out = new StandardOutput(CLOSED, true);
        IOException e = assertThrows(IOException.class, () -> out.write(new byte[] {1, 2}, 0, 2));
        assertTrue(e instanceof StandardOutput.ClosedPipeException, e::toString);
        assertEquals("断开的管道", e.getCause().getMessage(), "the system's words are kept");
        UncheckedIOException u = assertThrows(UncheckedIOException.class,
                () -> OutputTarget.stream(out, false).write(w -> w.write("x")));
        assertTrue(OutputTarget.isBrokenPipe(u), "the run ends quietly, exit 0");
    }

    @Test
    void aFailureToWriteAFileIsAnError() {
        StandardOutput out = new StandardOutput(CLOSED, false);
        InputException e = assertThrows(InputException.class,
                () -> OutputTarget.stream(out, false).write(w -> w.write("x")));
        assertEquals("standard output cannot be written: 断开的管道", e.getMessage());
    }

    @Test
    void writesPassThrough() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StandardOutput out = new StandardOutput(bytes, true);
        out.write('a');
        out.write(new byte[] {'x', 'b', 'c', 'y'}, 1, 2);
        out.flush();
        assertEquals("abc", bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
