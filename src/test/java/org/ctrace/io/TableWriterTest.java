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
}
