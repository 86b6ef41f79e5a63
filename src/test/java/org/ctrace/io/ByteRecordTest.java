package org.ctrace.io;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * ByteRecord splits UTF-8 bytes into records and cells exactly as CsvReader splits the text:
 * the same records, starting on the same lines, with the same cells after trimming (a cell
 * holding other than ASCII is left to the caller to decode, undouble and trim), the same
 * blank lines skipped and the same syntax errors; and a record cut by the end of a buffer is
 * either finished the same way or asked to be read again with more bytes.
 */
class ByteRecordTest {

    /** Tricky CSV texts (none with a byte-order mark: the caller handles that). */
    static final List<String> TEXTS = List.of(
            "",
            "\n",
            "\r",
            "\r\n",
            "   ",
            "a",
            "a,b,c\n1,2,3\n",
            "a,b\r\n1,2\r\n",
            "a,b\r1,2\r",
            "a,b\n1,2",
            "a,b\r\n1,2\r",
            "a\r\r\nb\n",
            "\n\n  \n\t\na\n\r\n\r\n \r\n\t\t\r",
            "x,\"Beihu, Huaxi\",y\n",
            "\"say \"\"hi\"\"\",\"\"\"\"\n",
            "h1,h2\na,\"line one\nline two\nline three\"\nb,after\n",
            "a,\"x\r\ny\"\r\nb,\"p\rq\"\rc,\"\r\"\nd,\"\n\"\r\ne\n",
            "  \"padded\"  , \t\"x\"\t,\"\"\n",
            "\"\"\n",
            "\"\"",
            ",\n,,\n",
            " a , b \n",
            "a\"b,c\"d\"\n\"e\n",
            "\"\u000Bx\u000B\",\"\f\"\n",
            "中文,\"引号, 逗号\",\u3000x\u3000\n",
            "\u3000\n\u3000,\u2028a\u2028\n",
            "x\u2028y,z\u0085\n",
            "\"a\"\"\",\"\"\"b\"\n",
            "\"multi\n\nline\",x\n\n\ny\n",
            "a,\"b\"   \nc,\"d\"\t,e\n",
            "\"a\"\r",
            "\"a\"\r\n",
            "a,\"\"\"\"\"\"\r\n",
            "\"\r\n\",\"\r\r\",\"\n\n\"\n",
            "p,\"P1,P2,2022-03-01\nP3,P4,\"\"2022\"\"\n\",q\n",
            "x\n\uFEFFinside,a\n\uFEFF\n",
            "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z,0,1,2,3,4,5,6,7,8,9\n1,2\n",
            "\"q\",\"q\",\"q\",\"q\",\"q\",\"q\",\"q\",\"q\",\"q\",\"q\",\"q\",\"q\",\"q\",\"q\",\"q\",\"q\",\"q\",\"q\"\n",
            "é,\"é\",\"\"\"é\"\"\"\n",
            "\"\u00A0nbsp\u00A0\",\u00A0x\u00A0\n",
            "x\ty,\t\tz\t\n");

    /** Texts that CsvReader cannot split: it fails at a line. */
    static final List<String> BROKEN = List.of(
            "\"",
            "\"unterminated\n",
            "a\n\"never\nclosed",
            "a,b\r\nc,\"x\r\ny",
            "\"a\"\"",
            "a,\"\"\"\n",
            "a\n\"x\"y\n",
            "a\n\"x\" y,z\n",
            "a\n\"x\n\"\ty\n",
            "a\nb,\"multi\nline\"x\nc\n");

    /** Text after a closing quote that is not ASCII: the error message names the character. */
    static final List<String> NON_ASCII_AFTER_QUOTE = List.of(
            "a\n\"x\"\u4E2D\n",
            "a\n\"\u5317\u4EAC\"\u5E02,b\n",
            "\"x\"\u00E9\n");

    /** The control white space CsvReader trims before a cell's text (Character.isWhitespace). */
    static final List<String> CONTROL_BLANKS = List.of(
            "\u000Ba,b\n",
            "a,\fb\n",
            "\u001Cc\u001F,d\n",
            "\u001D\"q\",e\n",
            "\u001E\u001Ff\n");

    // ------------------------------------------------------------------ both readers

    /** CsvReader's records as "line: cell|cell", ending with "error at LINE: message" if it fails. */
    static List<String> csvReader(String text) {
        List<String> out = new ArrayList<>();
        try (CsvReader r = new CsvReader(new StringReader(text))) {
            for (CsvReader.Record rec = r.next(); rec != null; rec = r.next()) {
                out.add(rec.line() + ": " + String.join("|", rec.cells()));
            }
        } catch (CsvSyntaxException e) {
            out.add("error at " + e.line() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** ByteRecord's records of the whole input, in the same form. */
    static List<String> byteRecord(byte[] b) {
        List<String> out = new ArrayList<>();
        ByteRecord rec = new ByteRecord();
        int pos = 0;
        long line = 1;
        while (pos < b.length) {
            int next = rec.parse(b, pos, b.length, true);
            if (next == ByteRecord.BROKEN) {
                out.add("error at " + (line + rec.syntaxLine) + ": " + rec.syntaxError);
                return out;
            }
            assertTrue(next > pos, "no progress at " + pos);
            if (!rec.isBlank()) {
                List<String> cells = cells(rec, b);
                if (!blankForTheCaller(rec, cells)) {
                    out.add(line + ": " + String.join("|", cells));
                }
            }
            line += rec.lines;
            pos = next;
        }
        return out;
    }

    /**
     * The cells of a record. A plain cell is ASCII and taken as it is; any other cell is
     * decoded, its doubled quotes undoubled when quoted, and trimmed, as the caller (CsvReader) does.
     */
    static List<String> cells(ByteRecord rec, byte[] b) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < rec.count; i++) {
            String raw = new String(b, rec.start[i], rec.end[i] - rec.start[i], StandardCharsets.UTF_8);
            if (rec.plain(i)) {
                for (int k = rec.start[i]; k < rec.end[i]; k++) {
                    assertTrue(b[k] >= 0, "a plain cell holds a byte above 0x7F: " + raw);
                }
                assertTrue(!rec.quoted[i] || !raw.contains("\"\""), "a plain quoted cell holds doubled quotes: " + raw);
                cells.add(raw);
            } else {
                cells.add(CsvReader.trim(rec.quoted[i] ? raw.replace("\"\"", "\"") : raw));
            }
        }
        return cells;
    }

    /**
     * A line of non-ASCII white space only (U+3000…): not blank for ByteRecord, which leaves
     * the cell to the caller; the caller reads such a one-cell record the ordinary way, and
     * CsvReader skips it.
     */
    private static boolean blankForTheCaller(ByteRecord rec, List<String> cells) {
        return rec.count == 1 && !rec.quoted[0] && !rec.plain(0) && cells.get(0).isEmpty();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String escape(Object o) {
        StringBuilder b = new StringBuilder();
        for (char c : String.valueOf(o).toCharArray()) {
            b.append(c < 0x20 || c == 0x7F || c == '\uFEFF' || c == '\u2028' || c == '\u0085'
                    ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }

    private static void sameRecords(String text) {
        List<String> expected = csvReader(text);
        List<String> actual = byteRecord(utf8(text));
        if (!expected.equals(actual)) {
            fail("records of '" + escape(text) + "':\n  CsvReader:  " + escape(expected) + "\n  ByteRecord: "
                    + escape(actual));
        }
    }

    // ------------------------------------------------------------------ random texts

    static String randomText(Random r) {
        String[] cells = {"", "a", " a ", "P1", "2022-03-01 10:00", "\"q\"", "\"q,\nr\"", "\"\"\"\"", "\"x\r\ny\"",
            "中", "\"中\"\"文\"", " \t\"p\" ", "a\"b", "\u3000z", "\"\r\"", "1.5", "\"\n\"", "\"\"", "\" \"\" \"",
            "\"P1,P2\nP3,\"\"P4\"\"\"", "é", "\t", "  "};
        StringBuilder b = new StringBuilder();
        int records = r.nextInt(12);
        for (int i = 0; i < records; i++) {
            if (r.nextInt(8) == 0) {
                b.append(r.nextBoolean() ? "" : " \t ").append(lineEnd(r));
            }
            int n = 1 + r.nextInt(6);
            for (int k = 0; k < n; k++) {
                if (k > 0) {
                    b.append(',');
                }
                b.append(cells[r.nextInt(cells.length)]);
            }
            if (i < records - 1 || r.nextBoolean()) {
                b.append(lineEnd(r));
            }
        }
        return b.toString();
    }

    private static String lineEnd(Random r) {
        int p = r.nextInt(10);
        return p < 5 ? "\n" : p < 9 ? "\r\n" : "\r";
    }

    // ------------------------------------------------------------------ whole inputs

    @TestFactory
    Stream<DynamicTest> splitsAsCsvReader() {
        List<String> texts = new ArrayList<>(TEXTS);
        texts.addAll(BROKEN);
        return java.util.stream.IntStream.range(0, texts.size()).mapToObj(i ->
                DynamicTest.dynamicTest("#" + i + " '" + escape(texts.get(i)) + "'", () -> sameRecords(texts.get(i))));
    }

    @Test
    void splitsRandomTextsAsCsvReader() {
        Random r = new Random(20220301);
        for (int i = 0; i < 3000; i++) {
            sameRecords(randomText(r));
        }
    }

    @Test
    void brokenTextsAreBrokenForBoth() {
        for (String text : BROKEN) {
            List<String> expected = csvReader(text);
            assertTrue(expected.get(expected.size() - 1).startsWith("error at "), escape(text));
        }
    }

    /**
     * CsvReader trims every white space before a cell's text (Character.isWhitespace), the
     * ASCII control ones included; ByteRecord must give the same plain cells.
     */
    @Test
    void controlWhiteSpaceBeforeACellIsTrimmedAsByCsvReader() {
        List<Executable> checks = new ArrayList<>();
        for (String text : CONTROL_BLANKS) {
            checks.add(() -> sameRecords(text));
        }
        assertAll(checks);
    }

    /**
     * Text after a closing quote is found at the same line as CsvReader finds it. ByteRecord
     * has no charset, so it cannot name a character that is not ASCII; the parallel reader
     * takes the words from CsvReader (ChunkedContactsTest checks the message users see).
     */
    @Test
    void nonAsciiTextAfterAClosingQuoteIsFoundAtTheSameLineAsByCsvReader() {
        List<Executable> checks = new ArrayList<>();
        for (String text : NON_ASCII_AFTER_QUOTE) {
            checks.add(() -> assertEquals(withoutFound(csvReader(text)), withoutFound(byteRecord(utf8(text))),
                    escape(text)));
        }
        assertAll(checks);
    }

    private static List<String> withoutFound(List<String> records) {
        List<String> out = new ArrayList<>();
        for (String r : records) {
            out.add(r.replaceAll(", found '.*'$", ""));
        }
        return out;
    }

    @Test
    void specialMarksNonAsciiAndDoubledQuotes() {
        byte[] b = utf8("plain,\"quoted\",\"dou\"\"bled\",中,\"中\",\"a\nb\"\n");
        ByteRecord rec = new ByteRecord();
        assertEquals(b.length, rec.parse(b, 0, b.length, true));
        assertEquals(6, rec.count);
        boolean[] plain = new boolean[rec.count];
        for (int i = 0; i < rec.count; i++) {
            plain[i] = rec.plain(i);
        }
        assertTrue(Arrays.equals(new boolean[] {true, true, false, false, false, true}, plain),
                Arrays.toString(plain));
        assertEquals(2, rec.lines);
    }

    // ------------------------------------------------------------------ records cut at a buffer end

    /**
     * For every record and every shorter buffer that ends inside or just after it (not the
     * end of the input): the parse asks for more, or finishes the record exactly as with the
     * whole input; and when a byte after the record is in the buffer, it must finish it.
     */
    private static void cutsAreSafe(String text) {
        byte[] all = utf8(text);
        ByteRecord whole = new ByteRecord();
        ByteRecord cut = new ByteRecord();
        int pos = 0;
        while (pos < all.length) {
            int next = whole.parse(all, pos, all.length, true);
            List<String> wholeCells = next == ByteRecord.BROKEN ? null : cells(whole, all);
            int wholeLines = whole.lines;
            String wholeError = whole.syntaxError;
            int wholeErrorLine = whole.syntaxLine;
            for (int limit = pos; limit < all.length; limit++) {
                byte[] part = Arrays.copyOf(all, limit);
                int got = cut.parse(part, pos, limit, false);
                String where = "'" + escape(text) + "' record at " + pos + " cut at " + limit;
                if (got == ByteRecord.MORE) {
                    assertTrue(next == ByteRecord.BROKEN || next >= limit,
                            where + ": asked for more although the record ends at " + next);
                    continue;
                }
                if (got == ByteRecord.BROKEN) {
                    assertEquals(ByteRecord.BROKEN, next, where + ": broken only when cut");
                    assertEquals(wholeError, cut.syntaxError, where);
                    assertEquals(wholeErrorLine, cut.syntaxLine, where);
                    continue;
                }
                assertEquals(next, got, where + ": record end");
                assertEquals(wholeCells, cells(cut, part), where + ": cells");
                assertEquals(wholeLines, cut.lines, where + ": lines");
            }
            if (next == ByteRecord.BROKEN) {
                return;
            }
            pos = next;
        }
    }

    @Test
    void recordsCutAtABufferEndAreReadAgainOrFinishedTheSameWay() {
        for (String text : TEXTS) {
            cutsAreSafe(text);
        }
        for (String text : BROKEN) {
            cutsAreSafe(text);
        }
        for (String text : NON_ASCII_AFTER_QUOTE) {
            cutsAreSafe(text);
        }
        for (String text : CONTROL_BLANKS) {
            cutsAreSafe(text);
        }
        Random r = new Random(7);
        for (int i = 0; i < 400; i++) {
            cutsAreSafe(randomText(r));
        }
    }

    /**
     * Reads the input as the parallel reader does: a window of a few bytes, moved to the
     * record's start and widened whenever the parse asks for more.
     */
    static List<String> byWindows(byte[] all, int window) {
        List<String> out = new ArrayList<>();
        ByteRecord rec = new ByteRecord();
        long line = 1;
        int base = 0;
        int pos = 0;
        int width = window;
        byte[] buf = Arrays.copyOfRange(all, 0, Math.min(all.length, width));
        while (base + pos < all.length) {
            boolean atEof = base + buf.length >= all.length;
            int next = rec.parse(buf, pos, buf.length, atEof);
            if (next == ByteRecord.MORE) {
                base += pos;
                pos = 0;
                width *= 2;
                buf = Arrays.copyOfRange(all, base, Math.min(all.length, base + width));
                continue;
            }
            if (next == ByteRecord.BROKEN) {
                out.add("error at " + (line + rec.syntaxLine) + ": " + rec.syntaxError);
                return out;
            }
            if (!rec.isBlank()) {
                List<String> cells = cells(rec, buf);
                if (!blankForTheCaller(rec, cells)) {
                    out.add(line + ": " + String.join("|", cells));
                }
            }
            line += rec.lines;
            pos = next;
            if (pos >= buf.length && base + pos < all.length) {
                base += pos;
                pos = 0;
                width = window;
                buf = Arrays.copyOfRange(all, base, Math.min(all.length, base + width));
            }
        }
        return out;
    }

    @Test
    void readingThroughSmallWindowsGivesCsvReadersRecords() {
        List<String> texts = new ArrayList<>(TEXTS);
        texts.addAll(BROKEN);
        Random r = new Random(11);
        for (int i = 0; i < 500; i++) {
            texts.add(randomText(r));
        }
        for (String text : texts) {
            List<String> expected = csvReader(text);
            for (int window = 1; window <= 9; window++) {
                List<String> actual = byWindows(utf8(text), window);
                if (!expected.equals(actual)) {
                    fail("'" + escape(text) + "' through windows of " + window + ":\n  CsvReader:  "
                            + escape(expected) + "\n  ByteRecord: " + escape(actual));
                }
            }
        }
    }
}
