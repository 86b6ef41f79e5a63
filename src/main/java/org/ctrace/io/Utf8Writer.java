package org.ctrace.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A buffered UTF-8 writer that also takes text already encoded as UTF-8
 * ({@link #writeUtf8}), written in order with the rest: large tables are encoded on all
 * cores while they are rendered, and their bytes go straight to the stream.
 */
public final class Utf8Writer extends Writer {

    private final OutputStream bytes;
    private final Writer text;

    /** A writer onto the stream (not closed by {@link #close}, only flushed). */
    public Utf8Writer(OutputStream out) {
        this.bytes = new BufferedOutputStream(out, 1 << 16);
        this.text = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        text.write(chars, off, len);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        text.write(s, off, len);
    }

    @Override
    public void write(int c) throws IOException {
        text.write(c);
    }

    /** Writes bytes that are UTF-8 text, after everything written before. */
    public void writeUtf8(byte[] utf8, int off, int len) throws IOException {
        text.flush();
        bytes.write(utf8, off, len);
    }

    @Override
    public void flush() throws IOException {
        text.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
