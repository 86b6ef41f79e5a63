package org.ctrace.io;

import java.util.Arrays;

/**
 * Text appended as UTF-8 bytes, for output rendered on several threads and written as is:
 * encoding while rendering saves a String per row and a pass of the single writing thread.
 * Encodes as Java's UTF-8 encoder does, a lone surrogate becoming {@code ?}.
 */
final class Utf8Buffer {

    private byte[] bytes;
    private int size;

    Utf8Buffer(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    byte[] bytes() {
        return bytes;
    }

    void clear() {
        size = 0;
    }

    /** Appends the byte order mark, EF BB BF. */
    void bom() {
        room(3);
        bytes[size++] = (byte) 0xEF;
        bytes[size++] = (byte) 0xBB;
        bytes[size++] = (byte) 0xBF;
    }

    /** Appends a character below U+0080. */
    Utf8Buffer ascii(char c) {
        room(1);
        bytes[size++] = (byte) c;
        return this;
    }

    /** Appends the text. */
    Utf8Buffer append(String s) {
        int n = s.length();
        room(n);
        int i = 0;
        // most cells are ASCII: one byte per char, no checks beyond the char itself
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                break;
            }
            bytes[size + i] = (byte) c;
        }
        size += i;
        encode(s, i);
        return this;
    }

    /**
     * Appends the text unless CSV must quote it (it holds a comma, a quote or a line break):
     * false then, and nothing appended. The check and the encoding are one pass over the text.
     */
    boolean appendUnquoted(String s) {
        int n = s.length();
        room(n);
        int i = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c <= ',' && quoted(c)) {
                return false;
            }
            if (c >= 0x80) {
                break;
            }
            bytes[size + i] = (byte) c;
        }
        // past the first non-ASCII character (rare): the rest is checked, then encoded
        for (int k = i + 1; k < n; k++) {
            if (quoted(s.charAt(k))) {
                return false;
            }
        }
        size += i;
        encode(s, i);
        return true;
    }

    /** Whether CSV quotes a cell holding this character. */
    private static boolean quoted(char c) {
        return c == ',' || c == '"' || c == '\n' || c == '\r';
    }

    /** Appends the text from {@code from} on, whatever its characters. */
    private void encode(String s, int from) {
        int n = s.length();
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                room(1);
                bytes[size++] = (byte) c;
            } else if (c < 0x800) {
                room(2);
                bytes[size++] = (byte) (0xC0 | c >> 6);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                room(4);
                bytes[size++] = (byte) (0xF0 | cp >> 18);
                bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                room(1);
                bytes[size++] = '?';
            } else {
                room(3);
                bytes[size++] = (byte) (0xE0 | c >> 12);
                bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }

    private void room(int n) {
        if (size + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
        }
    }
}
