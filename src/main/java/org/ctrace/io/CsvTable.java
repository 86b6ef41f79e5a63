package org.ctrace.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

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
        CsvReader.Record header = readOrFail(file, reader);
        if (header == null) {
            close(reader);
            throw fail(file, log, 0, null, null, "expected a header row with " + expected(columns) + "; the file is empty",
                    "missing header");
        }
        CsvTable table = new CsvTable(file, reader, log, header.cells().length);
        String[] names = header.cells();
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
        return table;
    }

    private static InputException fail(InputFile file, ProblemLog log, long line, String column, String value,
                                       String expected, String kind) {
        InputProblem p = new InputProblem(file.label(), line, column, value, expected, kind,
                InputProblem.Severity.ERROR);
        log.add(p);
        return new InputException(p.toString(), List.of(p));
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
        while (true) {
            CsvReader.Record r = readOrFail(file, reader);
            if (r == null) {
                return null;
            }
            if (r.cells().length == width) {
                return new Row(this, log, r.line(), r.cells());
            }
            wrongWidth(file, log, r.line(), r.cells(), width);
        }
    }

    private static CsvReader.Record readOrFail(InputFile file, CsvReader reader) {
        try {
            return reader.next();
        } catch (CsvSyntaxException e) {
            close(reader);
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
