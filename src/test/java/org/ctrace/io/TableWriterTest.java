package org.ctrace.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TableWriter: the four output formats and formula-injection escaping (SPEC §4). */
class TableWriterTest {

    private static final List<String> COLUMNS = List.of("id", "name", "n");

    private static String write(TableFormat format, List<List<String>> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (TableWriter w = TableWriter.of(format, COLUMNS, out)) {
            rows.forEach(w::row);
        }
        return out.toString();
    }

    private static final List<List<String>> ROWS = List.of(
            List.of("P1", "Ann, \"A\"", "1.5"),
            List.of("P2", "=cmd", "-5"),
            List.of("P3", "", "12"));

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"=cmd", "=1+2", "+86 138 0000 0000", "+8613800000000x", "-", "--5", "-5.", "-.5",
        "-1,5", "-5e", "@SUM(A1)", "@", "\tx", "\rx", "+", "-cmd|' /C calc'!A0"})
    void formulaLikeCellsGetALeadingQuote(String cell) {
        assertEquals("'" + cell, TableWriter.defuse(cell));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"-5", "+5", "-5.25", "+0.5", "-1e5", "-1E-5", "+2.5e+10", "12", "", "P1", "a=b",
        " =x", "86 138", "'=already"})
    void numbersAndOrdinaryCellsAreUntouched(String cell) {
        assertEquals(cell, TableWriter.defuse(cell));
    }

    @Test
    void csv() throws IOException {
        assertEquals("id,name,n\n"
                + "P1,\"Ann, \"\"A\"\"\",1.5\n"
                + "P2,'=cmd,-5\n"
                + "P3,,12\n", write(TableFormat.CSV, ROWS));
    }

    @Test
    void csvQuotesCellsWithLineBreaks() throws IOException {
        assertEquals("id,name,n\nP1,\"two\nlines\",1\n", write(TableFormat.CSV, List.of(List.of("P1", "two\nlines", "1"))));
    }

    @Test
    void csvHeaderOnlyWhenNoRows() throws IOException {
        assertEquals("id,name,n\n", write(TableFormat.CSV, List.of()));
    }

    @Test
    void tsv() throws IOException {
        assertEquals("id\tname\tn\n"
                + "P1\tAnn, \"A\"\t1.5\n"
                + "P2\t'=cmd\t-5\n"
                + "P3\t\t12\n", write(TableFormat.TSV, ROWS));
    }

    @Test
    void tsvEscapesTabsLineBreaksAndBackslashes() throws IOException {
        assertEquals("id\tname\tn\nP1\ta\\tb\\nc\\\\d\t'\\tx\n",
                write(TableFormat.TSV, List.of(List.of("P1", "a\tb\nc\\d", "\tx"))));
    }

    @Test
    void json() throws IOException {
        assertEquals("[\n"
                + "  {\"id\": \"P1\", \"name\": \"Ann, \\\"A\\\"\", \"n\": \"1.5\"},\n"
                + "  {\"id\": \"P2\", \"name\": \"=cmd\", \"n\": \"-5\"},\n"
                + "  {\"id\": \"P3\", \"name\": \"\", \"n\": \"12\"}\n"
                + "]\n", write(TableFormat.JSON, ROWS));
    }

    @Test
    void jsonEmptyAndEscapes() throws IOException {
        assertEquals("[]\n", write(TableFormat.JSON, List.of()));
        assertEquals("[\n  {\"id\": \"a\\\\b\", \"name\": \"x\\ny\\tz\\u0001\", \"n\": \"王娜\"}\n]\n",
                write(TableFormat.JSON, List.of(List.of("a\\b", "x\ny\tz\u0001", "王娜"))));
    }

    @Test
    void tableAlignsColumnsAndRightAlignsNumbers() throws IOException {
        assertEquals("id  name        n\n"
                + "--  --------  ---\n"
                + "P1  Ann, \"A\"  1.5\n"
                + "P2  =cmd       -5\n"
                + "P3             12\n", write(TableFormat.TABLE, ROWS));
    }

    /** The table is for a terminal: a value's escape sequence must not act on it, nor a NUL vanish. */
    @Test
    void tableShowsControlCharactersInsteadOfSendingThem() throws IOException {
        assertEquals("id          name              n\n"
                + "----------  ----------------  ---\n"
                + "P<U+0000>1  x<U+001B>[31mred  a b\n",
                write(TableFormat.TABLE, List.of(List.of("P\u00001", "x\u001b[31mred", "a\tb"))));
        assertEquals("id,name,n\nP\u00001,x\u001b[31mred,a\tb\n",
                write(TableFormat.CSV, List.of(List.of("P\u00001", "x\u001b[31mred", "a\tb"))), "CSV carries them as given");
    }

    @Test
    void tableCountsWideCharactersAsTwoColumns() throws IOException {
        assertEquals("id  name    n\n"
                + "--  ------  -\n"
                + "P1  王娜    x\n"
                + "P2  阿依·a  y\n", write(TableFormat.TABLE, List.of(List.of("P1", "王娜", "x"), List.of("P2", "阿依·a", "y"))));
    }

    @Test
    void rowMustHaveOneCellPerColumn() {
        StringWriter out = new StringWriter();
        TableWriter w = TableWriter.of(TableFormat.CSV, COLUMNS, out);
        assertThrows(IllegalArgumentException.class, () -> w.row(List.of("only", "two")));
    }

    @Test
    void isNumberAgreesWithTheRegularExpressionOfSpec() {
        java.util.regex.Pattern number = java.util.regex.Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
        java.util.Random r = new java.util.Random(5);
        String alphabet = "0123456789+-.eE x٣";
        for (int k = 0; k < 200_000; k++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(9);
            for (int i = 0; i < n; i++) {
                b.append(alphabet.charAt(r.nextInt(r.nextInt(4) == 0 ? alphabet.length() : 14)));
            }
            String cell = b.toString();
            assertEquals(number.matcher(cell).matches(), TableWriter.isNumber(cell), cell);
        }
    }

    /** Cells of every kind the writers treat apart: quotes, separators, line breaks, formulas, non-ASCII. */
    private static String randomCell(java.util.Random r) {
        String[] pieces = {"P0012", "Li Tao", ",", "\"", "\n", "\r", "\t", "\\", "=", "+86 1", "-5", "@", "张三",
            "Île", "\uD83D\uDE00", "\uD800", "x", "", "2024-03-01 12:00"};
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            b.append(pieces[r.nextInt(pieces.length)]);
        }
        return b.toString();
    }

    /** CSV as SPEC §4 defines it, written plainly: the reference for the block-rendering writer. */
    private static String referenceCsv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                String c = TableWriter.defuse(row.get(i));
                boolean quote = c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r");
                out.append(i > 0 ? "," : "").append(quote ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Windows of one block, two, and all five at once: every window is written after the one before. */
    @ParameterizedTest(name = "window {0}")
    @ValueSource(ints = {1, 2, 8})
    void manyRowsAreRenderedInBlocksAndWrittenInOrderAsUtf8(int window) {
        java.util.Random r = new java.util.Random(11);
        List<List<String>> rows = new java.util.ArrayList<>();
        // more than two blocks of 2048 rows, and not a whole number of them
        for (int i = 0; i < 9_001; i++) {
            rows.add(List.of("P" + i, randomCell(r), randomCell(r)));
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        OutputTarget.stream(bytes, false).write(w -> {
            try (TableWriter t = TableWriter.of(TableFormat.CSV, COLUMNS, w)) {
                t.rows(rows, row -> row, window);
            }
        });
        String expected = referenceCsv(rows);
        // a lone surrogate cannot be UTF-8: it becomes '?', as Java's own encoder makes it
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                expected.getBytes(java.nio.charset.StandardCharsets.UTF_8), bytes.toByteArray());
        StringWriter text = new StringWriter();
        try (TableWriter t = TableWriter.of(TableFormat.CSV, COLUMNS, text)) {
            t.rows(rows, row -> row);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.UTF_8), text.toString());
    }

    /** JSON as the format's own rules say, written plainly: the reference for the block-rendering writer. */
    private static String referenceJson(List<List<String>> rows) {
        StringBuilder out = new StringBuilder("[");
        for (int r = 0; r < rows.size(); r++) {
            out.append(r > 0 ? ",\n  {" : "\n  {");
            for (int i = 0; i < COLUMNS.size(); i++) {
                out.append(i > 0 ? ", " : "").append('"').append(COLUMNS.get(i)).append("\": \"");
                for (char c : rows.get(r).get(i).toCharArray()) {
                    out.append(c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n" : c == '\r' ? "\\r"
                            : c == '\t' ? "\\t" : c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
                out.append('"');
            }
            out.append('}');
        }
        return out.append(rows.isEmpty() ? "]\n" : "\n]\n").toString();
    }

    /**
     * JSON's rows are rendered in blocks on all cores too: a comma before every row but the
     * first of the output, whichever block it is in, and rows written one at a time before
     * the blocks keep theirs.
     */
    @ParameterizedTest(name = "window {0}")
    @ValueSource(ints = {1, 3, 8})
    void jsonRowsRenderedInBlocksAreTheRowsWrittenOneByOne(int window) {
        java.util.Random r = new java.util.Random(13);
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 9_001; i++) {
            rows.add(List.of("P" + i, randomCell(r), i % 97 == 0 ? "\u0001\u001f" : randomCell(r)));
        }
        for (int before : new int[] {0, 1}) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            OutputTarget.stream(bytes, false).write(w -> {
                try (TableWriter t = TableWriter.of(TableFormat.JSON, COLUMNS, w)) {
                    rows.subList(0, before).forEach(t::row);
                    t.rows(rows.subList(before, rows.size()), row -> row, window);
                }
            });
            org.junit.jupiter.api.Assertions.assertArrayEquals(
                    referenceJson(rows).getBytes(java.nio.charset.StandardCharsets.UTF_8), bytes.toByteArray(),
                    before + " row(s) written one at a time first");
        }
    }

    @Test
    void aWindowThatCannotBeWrittenFailsTheCallAfterTheWriting() {
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 9_001; i++) {
            rows.add(List.of("P" + i, "x", "1"));
        }
        java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        java.io.OutputStream full = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (written.addAndGet(len) > 40_000) {
                    throw new IOException("No space left on device");
                }
            }
        };
        InputException e = assertThrows(InputException.class,
                () -> OutputTarget.stream(full, false).write(w -> {
                    try (TableWriter t = TableWriter.of(TableFormat.CSV, COLUMNS, w)) {
                        t.rows(rows, row -> row, 1);
                    }
                }));
        assertEquals("standard output cannot be written: No space left on device", e.getMessage());
    }

    @Test
    void aWriteThatFailsWhileTheNextWindowFailsToRenderIsToldToo() {
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 9_001; i++) {
            rows.add(i == 2_100 ? List.of("P" + i) : List.of("P" + i, "x", "1"));
        }
        java.util.concurrent.CountDownLatch rendered = new java.util.concurrent.CountDownLatch(1);
        java.io.Writer failing = new java.io.Writer() {
            @Override
            public void write(char[] chars, int off, int len) throws IOException {
                try {
                    // the first window's writing fails only once the second has failed to render
                    rendered.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("No space left on device");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        TableWriter t = TableWriter.of(TableFormat.CSV, COLUMNS, failing);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.rows(rows, row -> {
            if (row.size() == 1) {
                rendered.countDown();
            }
            return row;
        }, 1));
        assertEquals(1, e.getSuppressed().length);
        assertEquals("No space left on device", e.getSuppressed()[0].getCause().getMessage());
    }

    @Test
    void aWindowOfNoBlocksIsTakenAsOne() {
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add(List.of("P" + i, "x", "1"));
        }
        StringWriter out = new StringWriter();
        try (TableWriter t = TableWriter.of(TableFormat.CSV, COLUMNS, out)) {
            t.rows(rows, row -> row, 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(5_001, out.toString().split("\n", -1).length - 1);
    }

    @Test
    void aRowThatCannotBeRenderedFailsTheCallOnceTheWindowBeforeIsWritten() {
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 9_001; i++) {
            rows.add(i == 6_000 ? List.of("P" + i) : List.of("P" + i, "x", "1"));
        }
        StringWriter out = new StringWriter();
        TableWriter t = TableWriter.of(TableFormat.CSV, COLUMNS, out);
        assertThrows(IllegalArgumentException.class, () -> t.rows(rows, row -> row, 1));
        // the two blocks before the bad row's were written whole, and nothing after them
        String text = out.toString();
        assertEquals(1 + 2 * 2048, text.split("\n", -1).length - 1);
        assertEquals(true, text.endsWith("P4095,x,1\n"));
    }

    @Test
    void manyTsvRowsMatchTheRowsWrittenOneByOne() throws IOException {
        java.util.Random r = new java.util.Random(12);
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add(List.of("P" + i, randomCell(r), randomCell(r)));
        }
        StringWriter inBlocks = new StringWriter();
        try (TableWriter t = TableWriter.of(TableFormat.TSV, COLUMNS, inBlocks)) {
            t.rows(rows, row -> row);
        }
        assertEquals(write(TableFormat.TSV, rows), inBlocks.toString());
        assertEquals(5_001, inBlocks.toString().split("\n", -1).length - 1);
    }
}
