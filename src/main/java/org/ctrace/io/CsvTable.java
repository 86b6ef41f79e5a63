package org.ctrace.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.BooleanSupplier;

/**
 * A CSV input with a header (SPEC §2): column names matched without regard to case,
 * surrounding spaces or order; unknown columns ignored; a column named twice or a required
 * column missing is an error; a row with the wrong number of cells is rejected.
 */
public final class CsvTable implements Closeable {

    private final InputFile file;
    private final CsvReader reader;
    private final ProblemLog log;
    private final Map<String, Integer> index = new HashMap<>();
    private final int width;
    private String[] header = new String[0];

    private CsvTable(InputFile file, CsvReader reader, ProblemLog log, int width) {
        this.file = file;
        this.reader = reader;
        this.log = log;
        this.width = width;
    }

    /**
     * Opens a table and checks its header; a bad header is a problem of the whole file and
     * throws {@link InputException}.
     */
    public static CsvTable open(InputFile file, List<Column> columns, ProblemLog log) {
        CsvReader reader = new CsvReader(file.open());
        CsvReader.Record header = readOrFail(file, reader, log, true);
        if (header == null) {
            close(reader);
            throw fail(file, log, 0, null, null, "expected a header row with " + expected(columns) + "; the file is empty",
                    "missing header");
        }
        String[] names = header.cells();
        if (String.join(",", names).indexOf('\u0000') >= 0) {
            close(reader);
            throw nulInHeader(file, log, header.line());
        }
        CsvTable table = new CsvTable(file, reader, log, names.length);
        table.header = names;
        for (int i = 0; i < names.length; i++) {
            String key = names[i].toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                continue;
            }
            Integer before = table.index.putIfAbsent(key, i);
            if (before != null) {
                close(reader);
                throw fail(file, log, header.line(), names[i], null,
                        "expected each column once; it is named in columns " + (before + 1) + " and " + (i + 1),
                        "duplicate column");
            }
        }
        for (Column c : columns) {
            if (c.required() && !table.index.containsKey(c.name())) {
                close(reader);
                throw fail(file, log, header.line(), c.name(), null,
                        "expected in the header, which has " + String.join(", ", names) + " (columns: "
                                + expected(columns) + ")",
                        "missing column");
            }
        }
        warnIgnored(file, log, header.line(), names, columns, table);
        return table;
    }

    /**
     * Warns of each column the header names that is not one of the file's, when the header
     * lacks one of the file's optional columns. Unknown columns are ignored (SPEC §2), but a
     * misspelt household_id or duration_min ignored without a word turned the household rule
     * off or made minutes unknown, and quarantines ended days early; a header with all its
     * columns and some of its own (age, notes) gets no warning.
     */
    private static void warnIgnored(InputFile file, ProblemLog log, long line, String[] names, List<Column> columns,
                                    CsvTable table) {
        List<String> missing = new ArrayList<>();
        for (Column c : columns) {
            if (!table.has(c.name())) {
                missing.add(c.name());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        for (int i = 0; i < names.length; i++) {
            String key = names[i].toLowerCase(Locale.ROOT);
            if (columns.stream().anyMatch(c -> c.name().equals(key))) {
                continue;
            }
            String nearest = key.isEmpty() ? null : nearest(key, missing);
            String why = (key.isEmpty() ? "a column without a name is ignored" : "not a column of this file: ignored")
                    + (nearest != null ? "; did you mean " + nearest + "?"
                    : "; the header lacks " + String.join(", ", missing));
            log.addOnce(new InputProblem(file.label(), line, key.isEmpty() ? "#" + (i + 1) : names[i], null, why,
                    "ignored column", InputProblem.Severity.WARNING));
        }
    }

    /**
     * The missing column the name most likely misspells: the same letters and digits, or one
     * or two edits away (one for short names), or null.
     */
    static String nearest(String name, List<String> missing) {
        String given = lettersAndDigits(name);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String m : missing) {
            String known = lettersAndDigits(m);
            int d = edits(given, known);
            if (d <= (known.length() >= 6 ? 2 : 1) && d < bestDistance) {
                best = m;
                bestDistance = d;
            }
        }
        return best;
    }

    private static String lettersAndDigits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }

    /** Levenshtein distance. */
    private static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(change, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    /**
     * ASCII column names with a NUL byte beside each letter: UTF-16, which Excel saves as
     * "Unicode Text", read as UTF-8. Echoing the names would print the NULs to the terminal, and
     * a quoted name breaks the CSV at the NUL after its closing quote.
     */
    private static InputException nulInHeader(InputFile file, ProblemLog log, long line) {
        return fail(file, log, line, null, null, "expected text in " + file.charset().name()
                + ", but the header holds NUL bytes, as a file in UTF-16 does (the file seems to be in another "
                + "encoding: save it as CSV UTF-8, or see --encoding)", "encoding");
    }

    private static InputException fail(InputFile file, ProblemLog log, long line, String column, String value,
                                       String expected, String kind) {
        return log.stop(new InputProblem(file.label(), line, column, value, expected, kind,
                InputProblem.Severity.ERROR));
    }

    private static String expected(List<Column> columns) {
        StringJoiner j = new StringJoiner(", ");
        for (Column c : columns) {
            j.add(c.required() ? c.name() + " (required)" : c.name());
        }
        return j.toString();
    }

    /** The file. */
    public InputFile file() {
        return file;
    }

    /** Whether the header names this column. */
    public boolean has(String column) {
        return index.containsKey(column);
    }

    /**
     * The next row with the header's number of cells, or null at the end. Rows of another
     * width are reported and rejected here.
     */
    public Row next() {
        return next(() -> false);
    }

    /**
     * {@link #next()}, returning null as soon as {@code stop} holds after a row of another
     * width was rejected: for a reader that stops after so many errors, whatever their kind.
     */
    public Row next(BooleanSupplier stop) {
        while (true) {
            CsvReader.Record r = readOrFail(file, reader, log, false);
            if (r == null) {
                return null;
            }
            if (r.cells().length == width) {
                return new Row(this, log, r.line(), r.cells());
            }
            wrongWidth(file, log, r.line(), r.cells(), width);
            if (stop.getAsBoolean()) {
                return null;
            }
        }
    }

    private static CsvReader.Record readOrFail(InputFile file, CsvReader reader, ProblemLog log, boolean header) {
        try {
            return reader.next();
        } catch (CsvSyntaxException e) {
            close(reader);
            if (header && e.atNul()) {
                throw nulInHeader(file, log, e.line());
            }
            throw new InputException(file.label() + ":" + e.line() + ": " + e.getMessage(), List.of(
                    new InputProblem(file.label(), e.line(), null, null, e.getMessage(), "CSV syntax",
                            InputProblem.Severity.ERROR)));
        } catch (IOException e) {
            close(reader);
            throw new InputException(file.label() + ": cannot be read: " + e.getMessage());
        }
    }

    int columnIndex(String column) {
        Integer i = index.get(column);
        return i == null ? -1 : i;
    }

    /** The name of the i-th column as the header wrote it (or its number when unnamed). */
    String headerName(int i) {
        return i < header.length && !header[i].isEmpty() ? header[i].toLowerCase(Locale.ROOT) : "#" + (i + 1);
    }

    /** The number of columns of the header. */
    int width() {
        return header.length;
    }

    /**
     * A row of this table from the UTF-8 bytes of one record that a byte reader split off,
     * read the ordinary way; null for a blank record or one of another width (reported).
     */
    Row row(ProblemLog to, long line, byte[] b, int from, int end) {
        CsvReader.Record r = CsvReader.firstOf(new String(b, from, end - from, StandardCharsets.UTF_8));
        if (r == null) {
            return null;
        }
        if (r.cells().length != width()) {
            wrongWidth(file, to, line, r.cells(), width());
            return null;
        }
        return row(to, line, r.cells());
    }

    /** A row of this table read elsewhere (by a parallel reader), reporting to the given log. */
    Row row(ProblemLog to, long line, String[] cells) {
        return new Row(this, to, line, cells);
    }

    /** Reports a row whose number of cells differs from the header's. */
    static void wrongWidth(InputFile file, ProblemLog to, long line, String[] cells, int width) {
        String expected = "expected " + width + " cells as in the header, found " + cells.length;
        InputProblem p = new InputProblem(file.label(), line, null, null, expected, "wrong cell count",
                InputProblem.Severity.ERROR);
        to.add(p);
        to.reject(new RejectedRow(file.label(), line, p.where(), Arrays.asList(cells)));
    }

    private static void close(CsvReader reader) {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        close(reader);
    }
}
