package org.ctrace.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Splits CSV bytes into records and cells without making Strings: the hot loop of the
 * parallel contacts reader. Follows {@link CsvReader} exactly (quoted cells, doubled quotes,
 * LF, CRLF or CR line ends, blanks allowed before an opening quote, cells trimmed), for any
 * charset in which the bytes of {@code , " \r \n} never occur inside a multi-byte character
 * (UTF-8, GB18030, GBK…). Cells holding other than ASCII are left to the caller to decode.
 */
final class ByteRecord {

    /** {@link #parse} result: the buffer ended inside the record; more input is needed. */
    static final int MORE = -1;
    /** {@link #parse} result: the record is not CSV (see {@link #syntaxError}). */
    static final int BROKEN = -2;

    byte[] buf;
    int count;
    int[] start = new int[16];
    int[] end = new int[16];
    boolean[] quoted = new boolean[16];
    /** Whether a quoted cell holds doubled quotes, or a cell holds a byte above 0x7F. */
    boolean[] special = new boolean[16];
    /** Line breaks in the record, its own line end included. */
    int lines;
    /** The line (counted from the record's first) where the record broke, and why. */
    int syntaxLine;
    String syntaxError;

    /**
     * Reads the record starting at {@code pos}.
     *
     * @param atEof whether {@code limit} is the end of the input
     * @return the position after the record's line end, {@link #MORE} or {@link #BROKEN}
     */
    int parse(byte[] b, int pos, int limit, boolean atEof) {
        buf = b;
        count = 0;
        lines = 0;
        int p = pos;
        while (true) {
            if (count == start.length) {
                grow();
            }
            int s = p;
            while (s < limit && (b[s] == ' ' || b[s] == '\t')) {
                s++;
            }
            boolean high = false;
            if (s < limit && b[s] == '"') {
                p = s + 1;
                int from = p;
                int opened = lines;
                boolean doubled = false;
                while (true) {
                    if (p >= limit) {
                        return atEof ? broken("expected a closing '\"' for the quoted cell that starts on this line",
                                opened) : MORE;
                    }
                    byte c = b[p];
                    if (c == '"') {
                        if (p + 1 >= limit && !atEof) {
                            return MORE;
                        }
                        if (p + 1 < limit && b[p + 1] == '"') {
                            doubled = true;
                            p += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == '\n') {
                        lines++;
                    } else if (c == '\r') {
                        if (p + 1 >= limit && !atEof) {
                            return MORE;
                        }
                        if (p + 1 >= limit || b[p + 1] != '\n') {
                            lines++;
                        }
                    } else if (c < 0) {
                        high = true;
                    }
                    p++;
                }
                int to = p;
                p++;
                while (p < limit && (b[p] == ' ' || b[p] == '\t')) {
                    p++;
                }
                if (p < limit && b[p] != ',' && b[p] != '\n' && b[p] != '\r') {
                    return broken("expected a comma or line end after the closing quote of a cell, found '"
                            + (char) (b[p] & 0xFF) + "'", lines);
                }
                if (p >= limit && !atEof) {
                    return MORE;
                }
                while (from < to && isBlank(b[from])) {
                    from++;
                }
                while (to > from && isBlank(b[to - 1])) {
                    to--;
                }
                set(from, to, true, doubled || high);
            } else {
                p = s;
                while (p < limit) {
                    if (p + 8 <= limit) {
                        // eight bytes at a time: skip to the first delimiter or non-ASCII byte
                        long stops = stops((long) LONGS.get(b, p));
                        if (stops == 0) {
                            p += 8;
                            continue;
                        }
                        p += Long.numberOfTrailingZeros(stops) >>> 3;
                    }
                    byte c = b[p];
                    if (c == ',' || c == '\n' || c == '\r') {
                        break;
                    }
                    high |= c < 0;
                    p++;
                }
                if (p >= limit && !atEof) {
                    return MORE;
                }
                int to = p;
                while (to > s && isBlank(b[to - 1])) {
                    to--;
                }
                while (s < to && isBlank(b[s])) {
                    s++;
                }
                set(s, to, false, high);
            }
            if (p >= limit) {
                return limit;
            }
            byte c = b[p];
            if (c == ',') {
                p++;
                continue;
            }
            lines++;
            if (c == '\r') {
                if (p + 1 >= limit && !atEof) {
                    return MORE;
                }
                if (p + 1 < limit && b[p + 1] == '\n') {
                    return p + 2;
                }
            }
            return p + 1;
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * The high bit of each byte of a little-endian word that is a comma, CR, LF or above 0x7F:
     * exact for the lowest such byte (the bytes above it may be flagged wrongly, which only
     * costs a look at them).
     */
    private static long stops(long w) {
        return zeros(w ^ (',' * ONES)) | zeros(w ^ ('\n' * ONES)) | zeros(w ^ ('\r' * ONES)) | (w & HIGHS);
    }

    private static long zeros(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    /** Whether the record is a blank line (skipped, as CsvReader skips it). */
    boolean isBlank() {
        return count == 1 && !quoted[0] && end[0] == start[0];
    }

    /** Whether cell i is plain: not quoted with doubled quotes, all ASCII. */
    boolean plain(int i) {
        return !special[i];
    }

    boolean isEmpty(int i) {
        return end[i] == start[i];
    }

    private void set(int from, int to, boolean q, boolean sp) {
        start[count] = from;
        end[count] = to;
        quoted[count] = q;
        special[count] = sp;
        count++;
    }

    private int broken(String why, int line) {
        syntaxError = why;
        syntaxLine = line;
        return BROKEN;
    }

    /** Blanks trimmed around cells, in ASCII; other white space makes a cell special anyway. */
    private static boolean isBlank(byte c) {
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    }

    private void grow() {
        int n = start.length * 2;
        start = java.util.Arrays.copyOf(start, n);
        end = java.util.Arrays.copyOf(end, n);
        quoted = java.util.Arrays.copyOf(quoted, n);
        special = java.util.Arrays.copyOf(special, n);
    }
}
