package org.ctrace.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes rows of text cells in one of the {@link TableFormat}s. CSV and TSV cells that a
 * spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return,
 * and not a number) get a leading {@code '} (SPEC §4).
 */
public abstract class TableWriter implements Closeable {

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

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
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + columns.size() + " columns");
        }
        try {
            write(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return NUMBER.matcher(cell).matches() ? cell : "'" + cell;
    }

    /**
     * RFC 4180 with LF line ends: a cell is quoted only when it holds a comma, a quote or a
     * line break, as Commons CSV's minimal quoting does. Written by hand because the list
     * of a city can have millions of rows and this loop is all the writing costs.
     */
    private static final class Csv extends TableWriter {
        private final StringBuilder line = new StringBuilder(256);

        Csv(List<String> columns, Writer out) {
            super(columns, out);
            try {
                line(columns, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        protected void write(List<String> cells) throws IOException {
            line(cells, true);
        }

        private void line(List<String> cells, boolean defuse) throws IOException {
            line.setLength(0);
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                String c = defuse ? defuse(cells.get(i)) : cells.get(i);
                if (needsQuotes(c)) {
                    line.append('"').append(c.replace("\"", "\"\"")).append('"');
                } else {
                    line.append(c);
                }
            }
            line.append('\n');
            out.append(line);
        }

        private static boolean needsQuotes(String c) {
            for (int i = 0; i < c.length(); i++) {
                char ch = c.charAt(i);
                if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class Tsv extends TableWriter {
        Tsv(List<String> columns, Writer out) {
            super(columns, out);
            try {
                line(columns);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        protected void write(List<String> cells) throws IOException {
            List<String> safe = new ArrayList<>(cells.size());
            for (String c : cells) {
                safe.add(defuse(c));
            }
            line(safe);
        }

        private void line(List<String> cells) throws IOException {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write('\t');
                }
                out.write(escape(cells.get(i)));
            }
            out.write('\n');
        }

        private static String escape(String s) {
            if (s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\\') < 0) {
                return s;
            }
            return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        }
    }

    private static final class Json extends TableWriter {
        private boolean any;

        Json(List<String> columns, Writer out) {
            super(columns, out);
            try {
                out.write('[');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        protected void write(List<String> cells) throws IOException {
            out.write(any ? ",\n  {" : "\n  {");
            any = true;
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(", ");
                }
                string(columns.get(i));
                out.write(": ");
                string(cells.get(i));
            }
            out.write('}');
        }

        @Override
        protected void finish() throws IOException {
            out.write(any ? "\n]\n" : "]\n");
        }

        private void string(String s) throws IOException {
            out.write('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.write("\\\"");
                    case '\\' -> out.write("\\\\");
                    case '\n' -> out.write("\\n");
                    case '\r' -> out.write("\\r");
                    case '\t' -> out.write("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.write(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            out.write(c);
                        }
                    }
                }
            }
            out.write('"');
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
                flat.add(c.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
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
                    numeric[i] &= r.get(i).isEmpty() || NUMBER.matcher(r.get(i)).matches();
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
