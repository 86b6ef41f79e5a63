package org.ctrace.io;

import java.util.Locale;

/**
 * One problem found in an input, located the way an editor shows it (1-based lines).
 *
 * @param file the file as the user named it ({@code <stdin>} for standard input)
 * @param line the line the row starts on (0 when the problem is the file as a whole)
 * @param column the column name, or null when the problem is the row or file as a whole
 * @param value the offending value, or null
 * @param expected what was expected, or what is wrong
 * @param kind a short category, for counts by kind
 * @param severity error or warning
 */
public record InputProblem(String file, long line, String column, String value, String expected, String kind,
                           Severity severity) {

    /** How bad a problem is: errors stop a run (or reject the row), warnings do not. */
    public enum Severity { ERROR, WARNING }

    /** Whether this is an error. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code FILE:LINE: column 'X': value 'V': expected ...}, with "warning: " after the place for warnings. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
        }
        b.append(": ");
        if (severity == Severity.WARNING) {
            b.append("warning: ");
        }
        return b.append(where()).toString();
    }

    /** The problem without file and line: {@code column 'X': value 'V': expected ...}. */
    public String where() {
        StringBuilder b = new StringBuilder();
        if (column != null) {
            b.append("column '").append(column).append("': ");
        }
        if (value != null) {
            b.append("value '").append(shortened(value)).append("': ");
        }
        // the column (a header's name) and the words (an infector's id) may hold the input's text too
        return visible(b.append(expected).toString());
    }

    /** The most characters of a value a message shows: a 2 MB cell (a file's worth in one quote) made a 2 MB line. */
    static final int SHOWN_CHARACTERS = 200;

    private static String shortened(String value) {
        if (value.codePointCount(0, value.length()) <= SHOWN_CHARACTERS) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, SHOWN_CHARACTERS)) + "… ("
                + value.codePointCount(0, value.length()) + " characters)";
    }

    /**
     * The text with every control character shown as {@code <U+XXXX>}: printed as it is, an escape
     * sequence in a value would act on the user's terminal, and a NUL would vanish from view.
     */
    public static String visible(String text) {
        int i = 0;
        while (i < text.length() && !Character.isISOControl(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                b.append(String.format(Locale.ROOT, "<U+%04X>", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
