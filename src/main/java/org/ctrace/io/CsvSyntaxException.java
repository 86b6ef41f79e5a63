package org.ctrace.io;

/** A CSV text that cannot be split into rows (an unterminated quote, text after a closing quote). */
public final class CsvSyntaxException extends RuntimeException {

    private final long line;

    public CsvSyntaxException(long line, String message) {
        super(message);
        this.line = line;
    }

    /** The line where the broken row starts. */
    public long line() {
        return line;
    }
}
