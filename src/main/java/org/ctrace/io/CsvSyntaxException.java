package org.ctrace.io;

import java.util.Locale;

/** A CSV text that cannot be split into rows (an unterminated quote, text after a closing quote). */
public final class CsvSyntaxException extends RuntimeException {

    private final long line;
    private final boolean nul;

    public CsvSyntaxException(long line, String message) {
        this(line, message, false);
    }

    /** {@code nul}: the character found where it should not be was a NUL. */
    public CsvSyntaxException(long line, String message, boolean nul) {
        super(message);
        this.line = line;
        this.nul = nul;
    }

    /**
     * Whether the text broke at a NUL character: in a text file, the sign of UTF-16 read as a
     * single-byte encoding such as UTF-8.
     */
    public boolean atNul() {
        return nul;
    }

    /** A character found where it breaks the text, as a message shows it: U+0000 for a control character. */
    static String shown(char c) {
        // a no-break or zero-width space would read as a space allowed there, or as nothing
        return Character.isISOControl(c) || c != ' ' && CsvReader.isBlank(c)
                ? String.format(Locale.ROOT, "U+%04X", (int) c) : "'" + c + "'";
    }

    /** The line where the broken row starts. */
    public long line() {
        return line;
    }
}
