package org.ctrace.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * The standard streams of one run, passed in so tests capture them: data goes to
 * {@code out} (as UTF-8 bytes), messages to {@code err}.
 *
 * @param in standard input
 * @param out standard output
 * @param err standard error
 */
public record Console(InputStream in, OutputStream out, PrintWriter err) {
}
