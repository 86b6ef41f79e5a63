package org.ctrace.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CsvReader: RFC 4180 splitting with the line each record starts on (SPEC §2). */
class CsvReaderTest {

    /** A record as "line: cell|cell|…", for compact assertions. */
    private static List<String> read(String text) throws IOException {
        return read(text, ',');
    }

    private static List<String> read(String text, char delimiter) throws IOException {
        List<String> out = new ArrayList<>();
        try (CsvReader r = new CsvReader(new StringReader(text), delimiter)) {
            for (CsvReader.Record rec = r.next(); rec != null; rec = r.next()) {
                out.add(rec.line() + ": " + String.join("|", rec.cells()));
            }
        }
        return out;
    }

    @Test
    void plainRecordsWithLineNumbers() throws IOException {
        assertEquals(List.of("1: a|b|c", "2: 1|2|3"), read("a,b,c\n1,2,3\n"));
    }

    @Test
    void quotedCellMayHoldTheDelimiter() throws IOException {
        try (CsvReader r = new CsvReader(new StringReader("x,\"Beihu, Huaxi\",y\n"))) {
            CsvReader.Record rec = r.next();
            assertEquals(1, rec.line());
            assertArrayEquals(new String[] {"x", "Beihu, Huaxi", "y"}, rec.cells());
            assertNull(r.next());
        }
    }

    @Test
    void doubledQuoteIsOneQuote() throws IOException {
        try (CsvReader r = new CsvReader(new StringReader("\"say \"\"hi\"\"\",\"\"\"\"\n"))) {
            assertArrayEquals(new String[] {"say \"hi\"", "\""}, r.next().cells());
        }
    }

    @Test
    void quotedNewlineKeepsTheNextRecordsLineRight() throws IOException {
        String text = "h1,h2\n"
                + "a,\"line one\nline two\nline three\"\n"
                + "b,after\n";
        try (CsvReader r = new CsvReader(new StringReader(text))) {
            assertEquals(1, r.next().line());
            CsvReader.Record multi = r.next();
            assertEquals(2, multi.line());
            assertArrayEquals(new String[] {"a", "line one\nline two\nline three"}, multi.cells());
            CsvReader.Record after = r.next();
            assertEquals(5, after.line(), "the record after a cell spanning lines 2-4 starts on line 5");
            assertArrayEquals(new String[] {"b", "after"}, after.cells());
        }
    }

    @Test
    void quotedCrlfAndCrNewlinesCountOneLineEach() throws IOException {
        assertEquals(List.of("1: h", "2: a\r\nb", "4: c\rd", "6: e"), read("h\r\n\"a\r\nb\"\r\n\"c\rd\"\r\ne\r\n"));
    }

    @Test
    void crlfLineEnds() throws IOException {
        assertEquals(List.of("1: a|b", "2: c|d", "3: e|f"), read("a,b\r\nc,d\r\ne,f\r\n"));
    }

    @Test
    void crLineEnds() throws IOException {
        assertEquals(List.of("1: a|b", "2: c|d", "3: e|f"), read("a,b\rc,d\re,f\r"));
    }

    @Test
    void mixedLineEnds() throws IOException {
        assertEquals(List.of("1: a", "2: b", "3: c", "4: d"), read("a\nb\r\nc\rd"));
    }

    @Test
    void blankLinesAreSkippedButCounted() throws IOException {
        assertEquals(List.of("1: h|i", "4: a|b", "7: c|d"), read("h,i\n\n   \na,b\r\n\t\r\n\nc,d\n\n"));
    }

    @Test
    void quotedEmptyCellIsNotABlankLine() throws IOException {
        assertEquals(List.of("1: h", "2: "), read("h\n\"\"\n"));
    }

    @Test
    void lineOfDelimitersIsARecordOfEmptyCells() throws IOException {
        try (CsvReader r = new CsvReader(new StringReader(",,\n"))) {
            assertArrayEquals(new String[] {"", "", ""}, r.next().cells());
        }
    }

    @Test
    void byteOrderMarkIsDropped() throws IOException {
        try (CsvReader r = new CsvReader(new StringReader("\uFEFFperson_id,name\nP1,A\n"))) {
            assertArrayEquals(new String[] {"person_id", "name"}, r.next().cells());
            assertEquals(2, r.next().line());
        }
    }

    @Test
    void cellsAreTrimmedQuotedOrNot() throws IOException {
        try (CsvReader r = new CsvReader(new StringReader("  a  ,\tb\t, \" c \" ,  \"d\"\n"))) {
            assertArrayEquals(new String[] {"a", "b", "c", "d"}, r.next().cells());
        }
    }

    /** A no-break space copied from a web page made "P03\u00A0" a person apart from P03. */
    @Test
    void blanksThatAreNotJavaWhiteSpaceAreTrimmedToo() throws IOException {
        try (CsvReader r = new CsvReader(new StringReader("\u00A0P03\u202F,\u200BP04\u2007,\"\uFEFFP05\u3000\","
                + "P\u00A006\n"))) {
            assertArrayEquals(new String[] {"P03", "P04", "P05", "P\u00A006"}, r.next().cells(), "inside, kept");
        }
    }

    @Test
    void lastRecordWithoutFinalNewline() throws IOException {
        assertEquals(List.of("1: a|b", "2: c|d"), read("a,b\nc,d"));
    }

    @Test
    void lastQuotedRecordWithoutFinalNewline() throws IOException {
        assertEquals(List.of("1: a|b", "2: c|d e"), read("a,b\nc,\"d e\""));
    }

    @Test
    void emptyTextHasNoRecords() throws IOException {
        assertEquals(List.of(), read(""));
        assertEquals(List.of(), read("\uFEFF"));
        assertEquals(List.of(), read("\n\r\n  \n"));
    }

    @Test
    void trailingEmptyCellsAreKept() throws IOException {
        try (CsvReader r = new CsvReader(new StringReader("a,,\n"))) {
            assertArrayEquals(new String[] {"a", "", ""}, r.next().cells());
        }
    }

    @Test
    void unterminatedQuoteNamesTheLineItOpensOn() throws IOException {
        try (CsvReader r = new CsvReader(new StringReader("h1,h2\nok,row\nbad,\"never closed\nmore\nand more\n"))) {
            r.next();
            r.next();
            CsvSyntaxException e = assertThrows(CsvSyntaxException.class, r::next);
            assertEquals(3, e.line());
            assertEquals("expected a closing '\"' for the quoted cell that starts on this line", e.getMessage());
        }
    }

    @Test
    void textAfterClosingQuoteIsAnError() throws IOException {
        try (CsvReader r = new CsvReader(new StringReader("h\n\"ab\"c,d\n"))) {
            r.next();
            CsvSyntaxException e = assertThrows(CsvSyntaxException.class, r::next);
            assertEquals(2, e.line());
            assertEquals("expected a comma or line end after the closing quote of a cell, found 'c'", e.getMessage());
        }
    }

    /** A no-break space there was shown as ' ', which reads as a space, and spaces are allowed. */
    @Test
    void aNoBreakSpaceAfterTheClosingQuoteIsNamedByItsNumber() throws IOException {
        try (CsvReader r = new CsvReader(new StringReader("\"P01\"\u00A0,d\n"))) {
            CsvSyntaxException e = assertThrows(CsvSyntaxException.class, r::next);
            assertEquals("expected a comma or line end after the closing quote of a cell, found U+00A0", e.getMessage());
        }
    }

    @Test
    void blanksAfterClosingQuoteAreAllowed() throws IOException {
        assertEquals(List.of("1: ab|d"), read("\"ab\"  \t,d\n"));
    }

    @Test
    void tabDelimiter() throws IOException {
        assertEquals(List.of("1: a b|c,d|e"), read("a b\tc,d\t\"e\"\n", '\t'));
    }

    @Test
    void crlfAcrossTheReadBufferBoundary() throws IOException {
        // the reader fills a 65,536-char buffer: put a CRLF, a doubled quote and a quoted CRLF
        // on each side of a boundary
        StringBuilder b = new StringBuilder();
        b.append("x".repeat(65_535)).append("\r\n");
        b.append("second\n");
        int pad = 2 * 65_536 - b.length() - 2;
        b.append("\"").append("y".repeat(pad)).append("\"\"\"\n");
        b.append("\"q\r\nr\"").append("\n");
        b.append("last");
        List<String> recs = read(b.toString());
        assertEquals(5, recs.size());
        assertEquals("2: second", recs.get(1));
        assertEquals("3: " + "y".repeat(pad) + "\"", recs.get(2));
        assertEquals("4: q\r\nr", recs.get(3));
        assertEquals("6: last", recs.get(4));
    }

    @Test
    void manyRecordsKeepCountingLines() throws IOException {
        StringBuilder b = new StringBuilder("h\n");
        for (int i = 0; i < 50_000; i++) {
            b.append(i).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        List<String> recs = read(b.toString());
        assertEquals(50_001, recs.size());
        assertEquals("50001: 49999", recs.get(50_000));
    }
}
