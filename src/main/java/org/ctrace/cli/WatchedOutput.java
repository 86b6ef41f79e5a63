package org.ctrace.cli;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output as picocli writes help and version text to it, remembering the first write
 * that failed: picocli prints through a {@link java.io.PrintWriter}, which swallows failures,
 * and {@code ctrace --help > /dev/full} must not end with exit 0.
 */
final class WatchedOutput extends OutputStream {

    private final OutputStream out;
    private IOException failure;

    WatchedOutput(OutputStream out) {
        this.out = out;
    }

    /** The first write or flush that failed, or null. */
    IOException failure() {
        return failure;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw remembered(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw remembered(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw remembered(e);
        }
    }

    private IOException remembered(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }
}
