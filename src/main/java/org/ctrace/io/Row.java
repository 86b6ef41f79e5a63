package org.ctrace.io;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ctrace.domain.Moment;

/**
 * One data row of a {@link CsvTable}, read cell by cell. Each accessor reports a bad cell
 * as a problem naming file, line, column and value, and returns a neutral value so that
 * every problem of a row is found; {@link #accept()} then decides whether the row is used.
 */
public final class Row {

    private final CsvTable table;
    private final ProblemLog log;
    private final long line;
    private final String[] cells;
    private List<InputProblem> problems;

    Row(CsvTable table, ProblemLog log, long line, String[] cells) {
        this.table = table;
        this.log = log;
        this.line = line;
        this.cells = cells;
    }

    /** The line the row starts on. */
    public long line() {
        return line;
    }

    /** The trimmed cell, or "" when the column is absent. */
    public String text(String column) {
        int i = table.columnIndex(column);
        return i < 0 ? "" : cells[i];
    }

    /** The cell, which must not be empty. */
    public String required(String column) {
        String v = text(column);
        if (v.isEmpty()) {
            error(column, v, "expected a value (the column is required)", "missing value");
        }
        return v;
    }

    /** A date, or null when empty or bad (a bad one is reported). */
    public LocalDate date(String column, TimeParser parser) {
        String v = text(column);
        if (v.isEmpty()) {
            return null;
        }
        LocalDate d = parser.date(v);
        if (d == null) {
            error(column, v, "expected " + parser.expected(v, TimeParser.DATE_FORMS), "bad date");
        }
        return d;
    }

    /** A date or date-time, or null when empty or bad (a bad one is reported). */
    public Moment moment(String column, TimeParser parser) {
        String v = text(column);
        if (v.isEmpty()) {
            return null;
        }
        Moment m = parser.moment(v);
        if (m == null) {
            error(column, v, "expected " + parser.expected(v, TimeParser.DATE_TIME_FORMS), "bad date");
        }
        return m;
    }

    /** A number at least 0 (digits with an optional decimal point), or NaN when empty or bad. */
    public double number(String column) {
        String v = text(column);
        if (v.isEmpty()) {
            return Double.NaN;
        }
        if (!isDecimal(v)) {
            error(column, v, "expected a number such as 15 or 1.5", "bad number");
            return Double.NaN;
        }
        double d = Double.parseDouble(v);
        if (d < 0) {
            error(column, v, "expected a number of at least 0", "negative number");
            return Double.NaN;
        }
        return d;
    }

    /** true/false, yes/no or 1/0 in any case; empty means false (not known to be protected). */
    public boolean flag(String column) {
        String v = text(column);
        switch (v.toLowerCase(Locale.ROOT)) {
            case "":
            case "false":
            case "no":
            case "0":
                return false;
            case "true":
            case "yes":
            case "1":
                return true;
            default:
                error(column, v, "expected true/false, yes/no or 1/0", "bad word");
                return false;
        }
    }

    /** One of an enum's words, in any case; the default when empty; null when bad. */
    public <E extends Enum<E>> E word(String column, Class<E> type, E empty) {
        String v = text(column);
        if (v.isEmpty()) {
            return empty;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder words = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                words.append(words.length() == 0 ? "" : ", ").append(c.name().toLowerCase(Locale.ROOT));
            }
            error(column, v, "expected one of " + words, "bad word");
            return null;
        }
    }

    /** Reports a problem with a cell of this row. */
    public void error(String column, String value, String expected, String kind) {
        if (problems == null) {
            problems = new ArrayList<>(2);
        }
        problems.add(new InputProblem(table.file().label(), line, column, value, expected, kind,
                InputProblem.Severity.ERROR));
    }

    /** Reports a warning about a cell; warnings never reject a row. */
    public void warn(String column, String value, String message, String kind) {
        log.add(new InputProblem(table.file().label(), line, column, value, message, kind,
                InputProblem.Severity.WARNING));
    }

    /**
     * Whether the row is usable: true when no problem was found; otherwise its problems are
     * logged, the row is rejected, and false is returned.
     */
    public boolean accept() {
        checkEncoding();
        if (problems == null) {
            return true;
        }
        StringBuilder reason = new StringBuilder();
        for (InputProblem p : problems) {
            log.add(p);
            if (reason.length() > 0) {
                reason.append("; ");
            }
            reason.append(p.where());
        }
        log.reject(new RejectedRow(table.file().label(), line, reason.toString(), Arrays.asList(cells)));
        return false;
    }

    /** Whether {@link #accept()} would take the row as it stands (no problem reported so far or in the cells). */
    boolean isClean() {
        if (problems != null) {
            return false;
        }
        for (String c : cells) {
            if (c.indexOf('\uFFFD') >= 0) {
                return false;
            }
        }
        return true;
    }

    private void checkEncoding() {
        for (int i = 0; i < cells.length; i++) {
            if (cells[i].indexOf('\uFFFD') >= 0) {
                error(columnName(i), cells[i], "expected text in " + table.file().charset().name()
                        + " (the file seems to be in another encoding: see --encoding)", "encoding");
            }
        }
    }

    private String columnName(int i) {
        return table.headerName(i);
    }

    static boolean isDecimal(String v) {
        int i = v.startsWith("-") || v.startsWith("+") ? 1 : 0;
        boolean digits = false;
        boolean point = false;
        for (; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digits;
    }
}
