package org.ctrace.io;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's standard output, unbuffered and failing loudly ({@code System.out} swallows
 * write failures), whose failure says whether the reader went away. The system's message
 * for that is translated by the locale ("Broken pipe", "断开的管道"), so it cannot be told by
 * its words: a write to a pipe can fail for no other reason, so every failure of a write to
 * a pipe is a {@link ClosedPipeException}.
 */
public final class StandardOutput extends OutputStream {

    private final OutputStream out;
    private final boolean pipe;
    private IOException failure;

    StandardOutput(OutputStream out, boolean pipe) {
        this.out = out;
        this.pipe = pipe;
    }

    /** Standard output of this process. */
    public static OutputStream open() {
        return new StandardOutput(new FileOutputStream(FileDescriptor.out), isPipe());
    }

    /**
     * A stream over another that remembers its first failure, for writers that swallow
     * failures (picocli prints help through a {@link java.io.PrintWriter}, and
     * {@code ctrace --help > /dev/full} must not end with exit 0); failures pass as they come.
     */
    public static StandardOutput watching(OutputStream out) {
        return new StandardOutput(out, false);
    }

    /** The first write or flush that failed, or null. */
    public synchronized IOException failure() {
        return failure;
    }

    /** Whether standard output is a pipe (Linux names it so under /proc; elsewhere, false). */
    private static boolean isPipe() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString().startsWith("pipe:");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private synchronized IOException failed(IOException e) {
        IOException told = pipe ? new ClosedPipeException(e) : e;
        if (failure == null) {
            failure = told;
        }
        return told;
    }

    /** A write to a pipe whose reader has gone, as with {@code | head}; the system's words are its cause. */
    public static final class ClosedPipeException extends IOException {
        ClosedPipeException(IOException cause) {
            super("Broken pipe", cause);
        }
    }
}
