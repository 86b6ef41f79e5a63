package org.ctrace.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes rows of text cells in one of the {@link TableFormat}s. CSV and TSV cells that a
 * spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return,
 * and not a number) get a leading {@code '} (SPEC §4).
 */
public abstract class TableWriter implements Closeable {

    protected final List<String> columns;
    protected final Writer out;

    private TableWriter(List<String> columns, Writer out) {
        this.columns = List.copyOf(columns);
        this.out = out;
    }

    /** A writer of the given format whose header (where the format has one) is the columns. */
    public static TableWriter of(TableFormat format, List<String> columns, Writer out) {
        return switch (format) {
            case CSV -> new Csv(columns, out);
            case TSV -> new Tsv(columns, out);
            case JSON -> new Json(columns, out);
            case TABLE -> new Table(columns, out);
        };
    }

    /** Writes one row: as many cells as columns. */
    public final void row(List<String> cells) {
        checkWidth(cells);
        try {
            write(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a row for each item, in order. Formats whose rows are rendered apart (CSV, TSV,
     * JSON) render windows of blocks of rows on all cores, as UTF-8, and write each window on
     * a thread of its own while the next is rendered: a city's list has millions of rows, and
     * making and encoding their cells is most of what writing costs.
     */
    public final <T> void rows(List<T> items, Function<? super T, List<String>> cellsOf) {
        rows(items, cellsOf, 4 * Runtime.getRuntime().availableProcessors());
    }

    /** {@link #rows(List, Function)} rendering {@code window} blocks at a time. */
    final <T> void rows(List<T> items, Function<? super T, List<String>> cellsOf, int window) {
        if (!(this instanceof LineFormat lines) || items.size() < 2 * BLOCK) {
            for (T item : items) {
                row(cellsOf.apply(item));
            }
            return;
        }
        boolean opens = lines.takeFirstRow();
        int blocks = (items.size() + BLOCK - 1) / BLOCK;
        int step = Math.max(1, window);
        Background.inWindows(blocks, first -> Math.min(blocks, first + step),
                block -> render(items, cellsOf, block, opens), lines::writeRendered);
    }

    private static final int BLOCK = 2048;

    private <T> Utf8Buffer render(List<T> items, Function<? super T, List<String>> cellsOf, int block,
                                  boolean opens) {
        Utf8Buffer text = new Utf8Buffer(BLOCK * 256);
        for (int i = block * BLOCK; i < Math.min(items.size(), (block + 1) * BLOCK); i++) {
            renderRow(cellsOf.apply(items.get(i)), opens && i == 0, text);
        }
        return text;
    }

    /**
     * Whether rows are rendered apart from the stream (CSV, TSV, JSON), by {@link #renderHeader},
     * {@link #renderRow} and {@link #renderFooter}: a split's files are rendered on all cores.
     */
    final boolean byLines() {
        return this instanceof LineFormat;
    }

    /** Appends what a {@link #byLines() format rendered apart} writes before its rows (CSV's header). */
    final void renderHeader(Utf8Buffer to) {
        ((LineFormat) this).header(to);
    }

    /**
     * Appends one row as {@link #row} writes it (CSV's line end, JSON's comma before every row
     * but the first of the output); safe to call from several threads.
     */
    final void renderRow(List<String> cells, boolean first, Utf8Buffer to) {
        checkWidth(cells);
        ((LineFormat) this).render(cells, first, to);
    }

    /** Appends what a {@link #byLines() format rendered apart} writes after its rows (JSON's bracket). */
    final void renderFooter(boolean anyRows, Utf8Buffer to) {
        ((LineFormat) this).footer(anyRows, to);
    }

    private void checkWidth(List<String> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + columns.size() + " columns");
        }
    }

    /**
     * A format whose rows may be rendered apart and joined: each depends only on its cells and
     * on whether it is the output's first. Rendered as UTF-8; rows written one at a time are
     * gathered and written in lots.
     */
    private abstract static class LineFormat extends TableWriter {
        private final Utf8Buffer pending = new Utf8Buffer(1 << 16);
        private boolean anyRows;

        LineFormat(List<String> columns, Writer out) {
            super(columns, out);
            header(pending);
        }

        /** Appends what comes before the rows. */
        abstract void header(Utf8Buffer to);

        /** Appends a data row; safe to call from several threads. */
        abstract void render(List<String> cells, boolean first, Utf8Buffer to);

        /** Appends what comes after the rows. */
        void footer(boolean anyRows, Utf8Buffer to) {
        }

        /** Whether the next row is the output's first; from here on, it is not. */
        final boolean takeFirstRow() {
            boolean first = !anyRows;
            anyRows = true;
            return first;
        }

        @Override
        protected final void write(List<String> cells) throws IOException {
            render(cells, takeFirstRow(), pending);
            if (pending.size() >= 1 << 16) {
                drain();
            }
        }

        /** Writes rendered lines after everything before them. */
        final void writeRendered(List<Utf8Buffer> lines) {
            try {
                drain();
                for (Utf8Buffer text : lines) {
                    send(text);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void drain() throws IOException {
            send(pending);
            pending.clear();
        }

        private void send(Utf8Buffer lines) throws IOException {
            if (out instanceof Utf8Writer utf8) {
                utf8.writeUtf8(lines.bytes(), 0, lines.size());
            } else {
                out.write(new String(lines.bytes(), 0, lines.size(), StandardCharsets.UTF_8));
            }
        }

        @Override
        protected void finish() throws IOException {
            footer(anyRows, pending);
            drain();
        }
    }

    /** A line format whose rows are lines of cells: a header line of the columns, no footer. */
    private abstract static class CellLines extends LineFormat {
        CellLines(List<String> columns, Writer out) {
            super(columns, out);
        }

        @Override
        final void header(Utf8Buffer to) {
            line(columns, false, to);
        }

        @Override
        final void render(List<String> cells, boolean first, Utf8Buffer to) {
            line(cells, true, to);
        }

        /** Appends a line of cells, defused or not (the header is written as given). */
        abstract void line(List<String> cells, boolean defuse, Utf8Buffer to);
    }

    protected abstract void write(List<String> cells) throws IOException;

    /** Finishes the output (the table format writes everything here). */
    protected void finish() throws IOException {
    }

    @Override
    public final void close() throws IOException {
        finish();
        out.flush();
    }

    /** The cell with a leading ' when a spreadsheet would take it for a formula. */
    public static String defuse(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') {
            return cell;
        }
        return isNumber(cell) ? cell : "'" + cell;
    }

    /**
     * Whether the cell is a number: {@code [+-]?\d+(\.\d+)?([eE][+-]?\d+)?} with ASCII
     * digits. By hand, as a regular expression makes a matcher per cell (a list's phones in
     * +86 form are millions of cells).
     */
    static boolean isNumber(String s) {
        int n = s.length();
        int i = sign(s, 0);
        int d = digits(s, i);
        if (d == i) {
            return false;
        }
        i = d;
        if (i < n && s.charAt(i) == '.') {
            d = digits(s, i + 1);
            if (d == i + 1) {
                return false;
            }
            i = d;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = sign(s, i + 1);
            d = digits(s, j);
            if (d == j) {
                return false;
            }
            i = d;
        }
        return i == n;
    }

    private static int sign(String s, int i) {
        return i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-') ? i + 1 : i;
    }

    private static int digits(String s, int i) {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /**
     * RFC 4180 with LF line ends: a cell is quoted only when it holds a comma, a quote or a
     * line break, as Commons CSV's minimal quoting does. Written by hand because the list
     * of a city can have millions of rows and this loop is all the writing costs.
     */
    private static final class Csv extends CellLines {
        Csv(List<String> columns, Writer out) {
            super(columns, out);
        }

        @Override
        void line(List<String> cells, boolean defuse, Utf8Buffer line) {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    line.ascii(',');
                }
                String c = defuse ? defuse(cells.get(i)) : cells.get(i);
                if (!line.appendUnquoted(c)) {
                    line.ascii('"').append(c.replace("\"", "\"\"")).ascii('"');
                }
            }
            line.ascii('\n');
        }
    }

    private static final class Tsv extends CellLines {
        Tsv(List<String> columns, Writer out) {
            super(columns, out);
        }

        @Override
        void line(List<String> cells, boolean defuse, Utf8Buffer to) {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    to.ascii('\t');
                }
                to.append(escape(defuse ? defuse(cells.get(i)) : cells.get(i)));
            }
            to.ascii('\n');
        }

        private static String escape(String s) {
            if (s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\\') < 0) {
                return s;
            }
            return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        }
    }

    /** An array of objects, one per row, whose values are all strings. */
    private static final class Json extends LineFormat {
        /** Each column's key as it precedes its value: {@code , "name": }. */
        private final String[] keys;

        Json(List<String> columns, Writer out) {
            super(columns, out);
            keys = new String[columns.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = (i > 0 ? ", " : "") + string(columns.get(i)) + ": ";
            }
        }

        @Override
        void header(Utf8Buffer to) {
            to.ascii('[');
        }

        @Override
        void render(List<String> cells, boolean first, Utf8Buffer to) {
            if (!first) {
                to.ascii(',');
            }
            to.ascii('\n').ascii(' ').ascii(' ').ascii('{');
            for (int i = 0; i < cells.size(); i++) {
                to.append(keys[i]).append(string(cells.get(i)));
            }
            to.ascii('}');
        }

        @Override
        void footer(boolean anyRows, Utf8Buffer to) {
            if (anyRows) {
                to.ascii('\n');
            }
            to.ascii(']').ascii('\n');
        }

        /** The JSON string of a text: quoted, with quotes, backslashes and control characters escaped. */
        private static String string(String s) {
            int i = 0;
            while (i < s.length() && s.charAt(i) >= 0x20 && s.charAt(i) != '"' && s.charAt(i) != '\\') {
                i++;
            }
            if (i == s.length()) {
                return '"' + s + '"';
            }
            StringBuilder b = new StringBuilder(s.length() + 8).append('"').append(s, 0, i);
            for (; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }
    }

    /** Aligned columns; wide (CJK) characters count as two, numbers are right-aligned. */
    private static final class Table extends TableWriter {
        private final List<List<String>> rows = new ArrayList<>();

        Table(List<String> columns, Writer out) {
            super(columns, out);
        }

        @Override
        protected void write(List<String> cells) {
            List<String> flat = new ArrayList<>(cells.size());
            for (String c : cells) {
                flat.add(InputProblem.visible(c.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ')));
            }
            rows.add(flat);
        }

        @Override
        protected void finish() throws IOException {
            int[] widths = new int[columns.size()];
            boolean[] numeric = new boolean[columns.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = DisplayWidth.of(columns.get(i));
                numeric[i] = !rows.isEmpty();
            }
            for (List<String> r : rows) {
                for (int i = 0; i < widths.length; i++) {
                    widths[i] = Math.max(widths[i], DisplayWidth.of(r.get(i)));
                    numeric[i] &= r.get(i).isEmpty() || isNumber(r.get(i));
                }
            }
            line(columns, widths, numeric);
            StringBuilder rule = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                rule.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
            }
            out.write(rule.toString().stripTrailing());
            out.write('\n');
            for (List<String> r : rows) {
                line(r, widths, numeric);
            }
        }

        private void line(List<String> cells, int[] widths, boolean[] numeric) throws IOException {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                String c = cells.get(i);
                String pad = " ".repeat(widths[i] - DisplayWidth.of(c));
                b.append(i == 0 ? "" : "  ").append(numeric[i] ? pad + c : c + pad);
            }
            out.write(b.toString().stripTrailing());
            out.write('\n');
        }
    }
}
