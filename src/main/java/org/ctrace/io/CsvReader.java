package org.ctrace.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text (RFC 4180: quoted fields, doubled quotes, LF, CRLF or CR line ends) into
 * records, each with the 1-based line it starts on, as an editor numbers lines. Cells are
 * trimmed, blank lines skipped and a leading byte-order mark dropped (SPEC §2).
 *
 * <p>Written here rather than taken from Commons CSV because the line a record starts on,
 * across quoted newlines, is what every error message needs, and because contacts.csv is
 * read once per tier, so the per-character loop is the hot path.
 */
public final class CsvReader implements Closeable {

    /** A record: the line it starts on and its trimmed cells. */
    public record Record(long line, String[] cells) {
    }

    private final Reader in;
    private final char delimiter;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private long line = 1;
    private boolean first;
    private final StringBuilder cell = new StringBuilder(64);
    private final List<String> cells = new ArrayList<>(16);

    public CsvReader(Reader in) {
        this(in, ',');
    }

    public CsvReader(Reader in, char delimiter) {
        this(in, delimiter, true);
    }

    /**
     * @param dropBom whether a byte-order mark at the start is dropped: true for a whole file,
     *                false for a row taken from the middle of one (where it is text)
     */
    public CsvReader(Reader in, char delimiter, boolean dropBom) {
        this.in = in;
        this.delimiter = delimiter;
        this.first = dropBom;
    }

    /**
     * The first non-blank record of a row's text, or null when it is blank: the ordinary
     * reading of one row that a byte reader left ({@link CsvSyntaxException} when it is not CSV).
     */
    static Record firstOf(String row) {
        try (CsvReader reader = new CsvReader(new StringReader(row), ',', false)) {
            return reader.next();
        } catch (IOException e) {
            // a StringReader does not fail
            throw new UncheckedIOException(e);
        }
    }

    /** The next non-blank record, or null at the end of the text. */
    public Record next() throws IOException {
        while (true) {
            if (!fill()) {
                return null;
            }
            if (first) {
                first = false;
                if (buf[pos] == '\uFEFF') {
                    pos++;
                    continue;
                }
            }
            long start = line;
            boolean blank = readRecord();
            if (!blank) {
                return new Record(start, cells.toArray(new String[0]));
            }
        }
    }

    /** Reads one record into {@link #cells}; true when it was a blank line. */
    private boolean readRecord() throws IOException {
        cells.clear();
        boolean anyQuoted = false;
        while (true) {
            cell.setLength(0);
            boolean quoted = readCell();
            anyQuoted |= quoted;
            cells.add(quoted ? cell.toString() : trim(cell));
            if (pos < len || fill()) {
                char c = buf[pos];
                if (c == delimiter) {
                    pos++;
                    continue;
                }
                endLine();
            }
            return !anyQuoted && cells.size() == 1 && cells.get(0).isEmpty();
        }
    }

    /** Reads one cell up to (not including) the delimiter or line end; true when quoted. */
    private boolean readCell() throws IOException {
        // blanks before an opening quote are allowed: cells are trimmed anyway
        int blanks = 0;
        while (fill()) {
            char c = buf[pos];
            if (c == ' ' || c == '\t' && delimiter != '\t') {
                cell.append(c);
                pos++;
                blanks++;
                continue;
            }
            if (c == '"') {
                cell.setLength(cell.length() - blanks);
                pos++;
                readQuoted();
                return true;
            }
            break;
        }
        while (fill()) {
            int start = pos;
            while (pos < len) {
                char c = buf[pos];
                if (c == delimiter || c == '\n' || c == '\r') {
                    cell.append(buf, start, pos - start);
                    return false;
                }
                pos++;
            }
            cell.append(buf, start, pos - start);
        }
        return false;
    }

    private void readQuoted() throws IOException {
        long opened = line;
        while (true) {
            if (!fill()) {
                throw new CsvSyntaxException(opened, "expected a closing '\"' for the quoted cell that starts on this line");
            }
            char c = buf[pos++];
            if (c == '"') {
                if (fill() && buf[pos] == '"') {
                    cell.append('"');
                    pos++;
                    continue;
                }
                break;
            }
            if (c == '\n' || c == '\r' && !(fill() && buf[pos] == '\n')) {
                line++;
            }
            cell.append(c);
        }
        String quoted = trim(cell);
        cell.setLength(0);
        cell.append(quoted);
        while (fill()) {
            char c = buf[pos];
            if (c == delimiter || c == '\n' || c == '\r') {
                return;
            }
            if (c != ' ' && c != '\t') {
                throw new CsvSyntaxException(line, "expected a comma or line end after the closing quote of a cell, found "
                        + CsvSyntaxException.shown(c),
                        c == '\u0000');
            }
            pos++;
        }
    }

    private void endLine() throws IOException {
        char c = buf[pos++];
        if (c == '\r' && fill() && buf[pos] == '\n') {
            pos++;
        }
        line++;
    }

    private boolean fill() throws IOException {
        if (pos < len) {
            return true;
        }
        len = in.read(buf, 0, buf.length);
        pos = 0;
        if (len <= 0) {
            len = 0;
            return false;
        }
        return true;
    }

    static String trim(CharSequence b) {
        int from = 0;
        int to = b.length();
        while (from < to && isBlank(b.charAt(from))) {
            from++;
        }
        while (to > from && isBlank(b.charAt(to - 1))) {
            to--;
        }
        return b.subSequence(from, to).toString();
    }

    /**
     * What trimming takes off a cell's ends: white space, and the blanks Java does not count as
     * white space but a copy from a web page or a word processor leaves around an id (no-break
     * spaces, a zero-width space, a stray byte-order mark). Kept, they made "P03 " (with a
     * no-break space) a person of its own, with only an unknown-person warning to tell.
     */
    static boolean isBlank(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u200B'
                || c == '\uFEFF';
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
