package org.ctrace.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.ctrace.domain.Area;
import org.ctrace.domain.IdIndex;
import org.ctrace.domain.Moment;
import org.ctrace.domain.Person;
import org.ctrace.domain.PersonRegistry;
import org.junit.jupiter.api.Test;

/**
 * FastFields must agree exactly with TimeParser and Row wherever it answers, and answer for
 * the common forms of SPEC §2. Cells are passed inside larger buffers whose neighbouring
 * bytes look like more date text, so a read past the cell's end would show.
 */
class FastFieldsTest {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("UTC"),
            ZoneId.of("America/New_York"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kathmandu"),
            ZoneId.of("Europe/London"), ZoneId.of("Pacific/Kiritimati"));

    private static final String NEIGHBOURS = "0123456789:-+ZT./ ,\"";

    /** The cell's bytes inside a buffer with look-alike bytes on both sides: {buffer, start, end}. */
    private static Object[] embed(String cell, Random r) {
        byte[] c = cell.getBytes(StandardCharsets.UTF_8);
        int before = r.nextInt(4);
        int after = r.nextInt(4);
        byte[] b = new byte[before + c.length + after];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) NEIGHBOURS.charAt(r.nextInt(NEIGHBOURS.length()));
        }
        System.arraycopy(c, 0, b, before, c.length);
        return new Object[] {b, before, before + c.length};
    }

    private static long fastMoment(FastFields f, String cell, Random r) {
        Object[] e = embed(cell, r);
        return f.moment((byte[]) e[0], (int) e[1], (int) e[2]);
    }

    private static double fastDecimal(String cell, Random r) {
        Object[] e = embed(cell, r);
        return FastFields.decimal((byte[]) e[0], (int) e[1], (int) e[2]);
    }

    private static int fastFlag(String cell, Random r) {
        Object[] e = embed(cell, r);
        return FastFields.flag((byte[]) e[0], (int) e[1], (int) e[2]);
    }

    /** What TimeParser makes of a cell, packed as FastFields packs it, or null when it rejects it. */
    private static Long parsed(TimeParser p, String s) {
        Moment m = p.moment(s);
        return m == null ? null : m.instant() * 2 + (m.hasTime() ? 1 : 0);
    }

    /** Checks one cell; true when FastFields answered. */
    private static boolean agrees(FastFields f, TimeParser p, String s, Random r) {
        long got = fastMoment(f, s, r);
        if (got == FastFields.UNSURE) {
            return false;
        }
        if (got == FastFields.EMPTY) {
            assertEquals("", s, "EMPTY for a cell that is not empty");
            return true;
        }
        Long expected = parsed(p, s);
        if (expected == null) {
            fail("FastFields accepts '" + s + "' (" + got + ") which TimeParser rejects, zone " + p.zone());
        }
        if (expected != got) {
            fail("'" + s + "' in " + p.zone() + ": FastFields " + (got >> 1) + (got % 2 != 0 ? " (time)" : " (date)")
                    + ", TimeParser " + (expected >> 1) + (expected % 2 != 0 ? " (time)" : " (date)"));
        }
        return true;
    }

    // ------------------------------------------------------------------ generators

    private static String digits(int value, int width) {
        String s = Integer.toString(value);
        while (s.length() < width) {
            s = "0" + s;
        }
        return s;
    }

    /** Dates and date-times in every form, valid and near-valid, with random damage. */
    static String anyMoment(Random r) {
        StringBuilder b = new StringBuilder();
        int[] years = {1970, 1986, 1988, 1991, 2000, 2020, 2022, 2024, 2100, 1900, 0, 1, 9999, 1600, 1969};
        int year = years[r.nextInt(years.length)];
        int month = r.nextInt(10) < 8 ? 1 + r.nextInt(12) : r.nextInt(14);
        int day = r.nextInt(10) < 8 ? 1 + r.nextInt(28) : r.nextInt(33);
        String y = r.nextInt(30) == 0 ? Integer.toString(year) : digits(year, 4);
        switch (r.nextInt(6)) {
            case 0, 1 -> b.append(y).append('-').append(digits(month, r.nextInt(8) == 0 ? 1 : 2)).append('-')
                    .append(digits(day, r.nextInt(8) == 0 ? 1 : 2));
            case 2, 3 -> b.append(y).append('/').append(digits(month, r.nextInt(3) == 0 ? 2 : 1)).append('/')
                    .append(digits(day, r.nextInt(3) == 0 ? 2 : r.nextInt(10) == 0 ? 3 : 1));
            case 4 -> b.append(y).append(digits(month, 2)).append(digits(day, 2));
            default -> b.append(y).append(pick(r, ".", "-", "/", "", " ")).append(digits(month, 1 + r.nextInt(2)))
                    .append(pick(r, ".", "-", "/", "", "-")).append(digits(day, 1 + r.nextInt(2)));
        }
        if (r.nextInt(4) != 0) {
            b.append(pick(r, " ", " ", "T", "T", "t", "_", "  ", ""));
            int hour = r.nextInt(10) == 0 ? r.nextInt(30) : r.nextInt(24);
            b.append(digits(hour, r.nextInt(4) == 0 ? 1 : r.nextInt(20) == 0 ? 3 : 2));
            if (r.nextInt(20) != 0) {
                b.append(':');
                int minute = r.nextInt(10) == 0 ? r.nextInt(70) : r.nextInt(60);
                b.append(digits(minute, r.nextInt(15) == 0 ? 1 + 2 * r.nextInt(2) : 2));
                if (r.nextBoolean()) {
                    b.append(':');
                    int second = r.nextInt(10) == 0 ? r.nextInt(70) : r.nextInt(60);
                    b.append(digits(second, r.nextInt(15) == 0 ? 1 : 2));
                    if (r.nextInt(3) == 0) {
                        b.append('.');
                        int n = r.nextInt(12);
                        for (int i = 0; i < n; i++) {
                            b.append((char) ('0' + r.nextInt(10)));
                        }
                    }
                }
            }
            if (r.nextInt(3) == 0) {
                b.append(pick(r, "Z", "z", "+08:00", "+0800", "+08", "-05:00", "-0500", "-05", "+18:00", "-18:00",
                        "+18:01", "+19", "+08:60", "+8:00", "+08:0", "-00:00", "+00", "+05:30", "+0545", " +08:00",
                        "UTC", "+14:00", "-12:00", "+08:00:00", "+0", "Z+08", "+99", "+08:5", "+0860", "-1800",
                        "+1759", "+17:59"));
            }
        }
        String s = b.toString();
        if (r.nextInt(8) == 0) {
            s = damage(s, r);
        }
        return s;
    }

    private static String damage(String s, Random r) {
        String alphabet = "0123456789-/:T Z+.x中\t１";
        StringBuilder b = new StringBuilder(s);
        int n = 1 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
            int at = b.length() == 0 ? 0 : r.nextInt(b.length());
            char c = alphabet.charAt(r.nextInt(alphabet.length()));
            switch (r.nextInt(3)) {
                case 0 -> b.insert(at, c);
                case 1 -> {
                    if (b.length() > 0) {
                        b.deleteCharAt(at);
                    }
                }
                default -> {
                    if (b.length() > 0) {
                        b.setCharAt(at, c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** The forms SPEC §2 lists, always valid. */
    static String commonMoment(Random r) {
        LocalDate d = LocalDate.of(1970, 1, 1).plusDays(r.nextInt(365 * 130));
        String y = digits(d.getYear(), 4);
        String date = switch (r.nextInt(4)) {
            case 0 -> y + "-" + digits(d.getMonthValue(), 2) + "-" + digits(d.getDayOfMonth(), 2);
            case 1 -> y + "/" + d.getMonthValue() + "/" + d.getDayOfMonth();
            case 2 -> y + "/" + digits(d.getMonthValue(), 2) + "/" + digits(d.getDayOfMonth(), 2);
            default -> y + digits(d.getMonthValue(), 2) + digits(d.getDayOfMonth(), 2);
        };
        int h = r.nextInt(24);
        String mm = digits(r.nextInt(60), 2);
        String ss = digits(r.nextInt(60), 2);
        String time = switch (r.nextInt(9)) {
            case 0 -> "";
            case 1 -> " " + h + ":" + mm;
            case 2 -> " " + digits(h, 2) + ":" + mm;
            case 3 -> " " + h + ":" + mm + ":" + ss;
            case 4 -> "T" + digits(h, 2) + ":" + mm;
            case 5 -> "T" + digits(h, 2) + ":" + mm + ":" + ss;
            case 6 -> "T" + h + ":" + mm + ":" + ss;
            case 7 -> "T" + digits(h, 2) + ":" + mm + ":" + ss + "." + "123456789".substring(0, 1 + r.nextInt(9));
            default -> " " + digits(h, 2) + ":" + mm + ":" + ss + ".5";
        };
        if (time.isEmpty() || r.nextInt(3) != 0) {
            return date + time;
        }
        return date + time + pick(r, "Z", "+08:00", "-05:00", "+0800", "+08", "+05:45", "-00:00", "+14:00", "-12:00");
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... choices) {
        return choices[r.nextInt(choices.length)];
    }

    // ------------------------------------------------------------------ moments

    @Test
    void momentAgreesWithTimeParserWheneverItAnswers() {
        Random r = new Random(1);
        int answered = 0;
        int valid = 0;
        for (ZoneId zone : ZONES) {
            FastFields f = new FastFields(zone);
            TimeParser p = new TimeParser(zone);
            for (int i = 0; i < 30_000; i++) {
                String s = anyMoment(r);
                if (agrees(f, p, s, r)) {
                    answered++;
                }
                if (p.moment(s) != null) {
                    valid++;
                }
            }
        }
        assertTrue(valid > 50_000, "the generator should make many valid moments: " + valid);
        assertTrue(answered > valid * 9 / 10, "answered " + answered + " of " + valid + " valid");
    }

    @Test
    void momentAnswersForTheCommonFormsAndAgrees() {
        Random r = new Random(2);
        for (ZoneId zone : ZONES) {
            FastFields f = new FastFields(zone);
            TimeParser p = new TimeParser(zone);
            for (int i = 0; i < 10_000; i++) {
                String s = commonMoment(r);
                assertNotNull(p.moment(s), s);
                assertTrue(agrees(f, p, s, r), "FastFields is unsure of the common form '" + s + "'");
            }
        }
    }

    @Test
    void momentAnswersForTheFormsNamedInTheSpec() {
        Random r = new Random(3);
        List<String> forms = List.of("2022-03-01", "2022/3/1", "2022/03/01", "2022/12/31", "20220301",
                "2022-03-01 9:30", "2022-03-01 09:30", "2022-03-01 9:30:15", "2022-03-01 09:30:15",
                "2022-03-01T09:30", "2022-03-01T9:30", "2022-03-01T09:30:15", "2022-03-01T09:30:15.123",
                "2022-03-01T09:30:15.123456789", "2022-03-01T09:30:15Z", "2022-03-01T09:30Z",
                "2022-03-01T09:30:15+08:00", "2022-03-01 09:30+08:00", "2022-03-01T09:30:15-05:00",
                "2022/3/1 9:30", "2022/3/1 9:30:00", "20220301 9:30", "20220301T09:30:00", "2024-02-29",
                "2000/2/29 0:00", "1988-06-15T12:00:00Z", "2022-03-01T23:59:59.999999999+0800", "2022-03-01T00:00+08");
        for (ZoneId zone : ZONES) {
            FastFields f = new FastFields(zone);
            TimeParser p = new TimeParser(zone);
            for (String s : forms) {
                assertTrue(agrees(f, p, s, r), "FastFields is unsure of '" + s + "' in " + zone);
            }
        }
    }

    @Test
    void momentOfTheInvalidOrUnusualIsNeverAnAnswerTimeParserWouldNotGive() {
        Random r = new Random(4);
        List<String> odd = List.of("", " ", "2022-02-29", "1900-02-29", "2022-13-01", "2022-00-10", "2022-01-00",
                "2022-04-31", "2022-3-1", "2022/3/", "2022//1", "2022/003/1", "2022/3/001", "202203011", "2022030",
                "2022-03-01T", "2022-03-01 ", "2022-03-01 24:00", "2022-03-01 23:60", "2022-03-01 9:5",
                "2022-03-01 100:00", "2022-03-01 10:00:60", "2022-03-01 10:00:5", "2022-03-01 10:00:",
                "2022-03-01 10:00:00.", "2022-03-01 10:00:00.1234567891", "2022-03-01 10:00.5", "2022-03-01t10:00",
                "2022-03-01T10:00z", "2022-03-01T10:00 Z", "2022-03-01T10:00+8", "2022-03-01T10:00+8:00",
                "2022-03-01T10:00+08:0", "2022-03-01T10:00+18:01", "2022-03-01T10:00-18:01", "2022-03-01T10:00+19",
                "2022-03-01T10:00+08:60", "2022-03-01T10:00+0860", "2022-03-01T10:00+08:00:00", "2022-03-01Z",
                "2022-03-01+08:00", "20220301Z", "２０２２-03-01", "2022-03-01 １0:00", "2022-03-01 10:00\u3000",
                "\u30002022-03-01", "2022-03-01\n10:00", "2022\u00A003-01", "0000-01-01", "9999-12-31T23:59:59-18:00",
                "0000-01-01T00:00+18:00", "20220301１", "2022/3/1１", "-2022-03-01", "+2022-03-01", "22-03-01",
                "2022-03-01T10:00:00Z ", "2022-03-01T10:00:00ZZ", "2022-03-01T10:00:00+", "2022-03-01T10:00:00-");
        for (ZoneId zone : ZONES) {
            FastFields f = new FastFields(zone);
            TimeParser p = new TimeParser(zone);
            for (String s : odd) {
                agrees(f, p, s, r);
            }
        }
    }

    @Test
    void offsetsAreConvertedAcrossDaylightSavingChangesLikeTimeParser() {
        Random r = new Random(5);
        // every quarter of an hour around the changes of a few zones, in UTC and with offsets
        String[] days = {"1988-04-10", "1988-09-11", "1991-09-15", "2022-03-13", "2022-11-06", "2022-03-27",
            "2022-10-30", "2022-04-03", "2022-10-02"};
        for (ZoneId zone : ZONES) {
            FastFields f = new FastFields(zone);
            TimeParser p = new TimeParser(zone);
            for (String day : days) {
                for (int q = -8; q < 4 * 24 + 8; q++) {
                    LocalDate d = LocalDate.parse(day).plusDays(Math.floorDiv(q, 96));
                    int m = Math.floorMod(q, 96) * 15;
                    String t = d + "T" + digits(m / 60, 2) + ":" + digits(m % 60, 2);
                    for (String off : new String[] {"Z", "+08:00", "-05:00", "+01:00", "+10:30", "+05:45"}) {
                        assertTrue(agrees(f, p, t + off, r), t + off);
                        assertTrue(agrees(f, p, t + ":00" + off, r), t + ":00" + off);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ numbers

    private static CsvTable table() {
        InputFile f = InputFile.stdin(new ByteArrayInputStream("duration_min,protected\n".getBytes(
                StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        return CsvTable.open(f, List.of(Column.optional("duration_min"), Column.optional("protected")),
                new ProblemLog());
    }

    /** Row's number for a cell, or null when Row reports it as bad. */
    private static Double rowNumber(CsvTable table, String cell) {
        ProblemLog log = new ProblemLog();
        Row row = table.row(log, 1, new String[] {cell, ""});
        double d = row.number("duration_min");
        return row.accept() ? d : null;
    }

    /** Row's flag for a cell, or null when Row reports it as bad. */
    private static Boolean rowFlag(CsvTable table, String cell) {
        ProblemLog log = new ProblemLog();
        Row row = table.row(log, 1, new String[] {"", cell});
        boolean b = row.flag("protected");
        return row.accept() ? b : null;
    }

    private static boolean decimalAgrees(CsvTable table, String s, Random r) {
        double got = fastDecimal(s, r);
        if (got == Double.NEGATIVE_INFINITY) {
            return false;
        }
        Double expected = rowNumber(table, s);
        if (expected == null) {
            fail("FastFields reads '" + s + "' as " + got + ", which Row rejects");
        }
        if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(got)) {
            fail("'" + s + "': FastFields " + got + ", Row " + expected);
        }
        return true;
    }

    private static String randomNumber(Random r) {
        StringBuilder b = new StringBuilder();
        switch (r.nextInt(4)) {
            case 0 -> {
                String alphabet = "0123456789.+-eE x１";
                int n = r.nextInt(8);
                for (int i = 0; i < n; i++) {
                    b.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
            }
            case 1 -> b.append(r.nextInt(1000));
            default -> {
                int whole = r.nextInt(19);
                for (int i = 0; i < whole; i++) {
                    b.append((char) ('0' + r.nextInt(10)));
                }
                if (r.nextInt(3) != 0) {
                    b.append('.');
                    int frac = r.nextInt(19);
                    for (int i = 0; i < frac; i++) {
                        b.append((char) ('0' + r.nextInt(10)));
                    }
                }
            }
        }
        return b.toString();
    }

    @Test
    void decimalAgreesWithRowWheneverItAnswers() {
        CsvTable table = table();
        Random r = new Random(6);
        int answered = 0;
        for (int i = 0; i < 200_000; i++) {
            if (decimalAgrees(table, randomNumber(r), r)) {
                answered++;
            }
        }
        assertTrue(answered > 40_000, "answered " + answered);
    }

    @Test
    void decimalAnswersForCommonNumbersAndHardRoundings() {
        CsvTable table = table();
        Random r = new Random(7);
        for (String s : List.of("0", "15", "1.5", "0.5", "30", "120", "2.25", "1.83", ".5", "5.", "100.0", "000",
                "0.1", "0.2", "0.3", "0.7", "1.1", "2.675", "1.005", "999999999999999", "99999999999999.9",
                ".000000000000001", "123456789012.345", "45035996273.0497", "0.3000000000004", "90071992547.0993",
                "1.7976931348623", "5", "0.0", "00.00")) {
            assertTrue(decimalAgrees(table, s, r), "FastFields is unsure of '" + s + "'");
        }
        for (String s : List.of("", "-1", "-0", "+5", "1e3", "1E3", "abc", ".", "1.2.3", " 1", "1 ", "１", "0x10",
                "NaN", "Infinity", "1234567890123456", "0.1234567890123456", "0.000000000000001", "0.30000000000000004",
                "9007199254740.993")) {
            decimalAgrees(table, s, r);
        }
        assertTrue(Double.isNaN(fastDecimal("", r)), "an empty cell is NaN");
        for (int i = 0; i < 100_000; i++) {
            int digits = 1 + r.nextInt(15);
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < digits; k++) {
                b.append((char) ('0' + r.nextInt(10)));
            }
            b.insert(r.nextInt(digits + 1), '.');
            assertTrue(decimalAgrees(table, b.toString(), r), "FastFields is unsure of '" + b + "'");
        }
    }

    // ------------------------------------------------------------------ words

    private static boolean flagAgrees(CsvTable table, String s, Random r) {
        int got = fastFlag(s, r);
        if (got == -1) {
            return false;
        }
        Boolean expected = rowFlag(table, s);
        if (expected == null) {
            fail("FastFields reads '" + s + "' as " + got + ", which Row rejects");
        }
        assertEquals(expected, got == 1, "'" + s + "'");
        return true;
    }

    @Test
    void flagAnswersForEverySpellingInEveryCase() {
        CsvTable table = table();
        Random r = new Random(8);
        for (String word : List.of("true", "false", "yes", "no", "1", "0", "")) {
            for (int mask = 0; mask < 1 << word.length(); mask++) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < word.length(); i++) {
                    char c = word.charAt(i);
                    b.append((mask >> i & 1) == 1 ? Character.toUpperCase(c) : c);
                }
                assertTrue(flagAgrees(table, b.toString(), r), "FastFields is unsure of '" + b + "'");
            }
        }
    }

    @Test
    void flagAgreesWithRowWheneverItAnswers() {
        CsvTable table = table();
        Random r = new Random(9);
        for (String s : List.of("y", "n", "on", "off", "2", "01", "10", "tru", "truee", "yes!", "是", "ｙｅｓ", "t rue",
                " yes", "yes ", "yeſ", "İ", "fal\u017Fe", "nO\u0000", "N\u000F", "\u00FEo", "TRUE\u0000")) {
            flagAgrees(table, s, r);
        }
        String alphabet = "tTrRuUeEfFaAlLsSyYnNoO01 \u0130\u017F\u00DF@^~N\u000E";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(7);
            for (int k = 0; k < n; k++) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            flagAgrees(table, b.toString(), r);
        }
        // every one-byte change of every spelling
        for (String word : List.of("true", "false", "yes", "no", "1", "0")) {
            for (int at = 0; at < word.length(); at++) {
                for (int c = 1; c < 0x80; c++) {
                    String s = word.substring(0, at) + (char) c + word.substring(at + 1);
                    flagAgrees(table, s, r);
                }
            }
        }
    }

    // ------------------------------------------------------------------ ids

    @Test
    void equalAgreesWithStringForAscii() {
        Random r = new Random(10);
        for (int i = 0; i < 50_000; i++) {
            String s = randomAscii(r, 12);
            byte[] b = ("," + s + ",").getBytes(StandardCharsets.US_ASCII);
            assertTrue(FastFields.equal(b, 1, b.length - 1, s), s);
            String t = randomAscii(r, 12);
            assertEquals(s.equals(t), FastFields.equal(b, 1, b.length - 1, t), s + " vs " + t);
        }
        byte[] ascii = "P1".getBytes(StandardCharsets.US_ASCII);
        assertTrue(!FastFields.equal(ascii, 0, 2, "P１") && !FastFields.equal(ascii, 0, 2, "P1 "));
    }

    @Test
    void epochDayAgreesWithLocalDate() {
        for (LocalDate d = LocalDate.of(1890, 1, 1); d.getYear() < 2110; d = d.plusDays(1)) {
            assertEquals(d.toEpochDay(), FastFields.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()),
                    d.toString());
        }
        Random r = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            LocalDate d = LocalDate.ofEpochDay(r.nextInt(3_652_059) - 719_528);
            assertEquals(d.toEpochDay(), FastFields.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()),
                    d.toString());
        }
    }

    private static String randomAscii(Random r, int max) {
        String alphabet = "ABCPQabz0123456789-_ .:/\"";
        int n = r.nextInt(max + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(r.nextInt(10) == 0 ? (char) (1 + r.nextInt(126)) : alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    @Test
    void idIndexOfSourcesAnswersAsASetOfStrings() {
        Random r = new Random(12);
        for (int round = 0; round < 200; round++) {
            Set<String> ids = new HashSet<>();
            int n = r.nextInt(round < 20 ? 3 : 300);
            for (int i = 0; i < n; i++) {
                ids.add(r.nextInt(3) == 0 ? "P" + r.nextInt(500) : randomAscii(r, 8));
            }
            if (round % 5 == 0) {
                ids.addAll(List.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "张三", "P１", ""));
            }
            List<String> given = new ArrayList<>(ids);
            given.addAll(ids);
            IdIndex table = IdIndex.of(given);
            for (String id : ids) {
                if (isAscii(id)) {
                    byte[] b = ("x" + id + "y").getBytes(StandardCharsets.US_ASCII);
                    assertTrue(table.find(b, 1, b.length - 1) >= 0, "'" + id + "' in " + ids.size() + " ids");
                }
            }
            for (int q = 0; q < 500; q++) {
                String s = q % 3 == 0 ? "P" + r.nextInt(1000) : q % 3 == 1 ? pick(r, "Aa", "BB", "C#", "", "AaBB",
                        "BBAa", "P") : randomAscii(r, 8);
                byte[] b = ("x" + s + "y").getBytes(StandardCharsets.US_ASCII);
                assertEquals(ids.contains(s), table.find(b, 1, b.length - 1) >= 0, "'" + s + "'");
            }
        }
    }

    @Test
    void personRegistryContainsAsciiAgreesWithContains() {
        Random r = new Random(13);
        List<Person> people = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String id = r.nextInt(4) == 0 ? randomAscii(r, 10) : "P" + r.nextInt(5000);
            if (!id.isEmpty() && ids.add(id)) {
                people.add(new Person(id, "", "", Area.UNKNOWN, ""));
            }
        }
        for (String id : List.of("张三", "Müller", "P１")) {
            ids.add(id);
            people.add(new Person(id, "", "", Area.UNKNOWN, ""));
        }
        PersonRegistry registry = PersonRegistry.of(people);
        for (int q = 0; q < 50_000; q++) {
            String s = q % 2 == 0 ? "P" + r.nextInt(6000) : randomAscii(r, 10);
            byte[] b = ("," + s + ",").getBytes(StandardCharsets.US_ASCII);
            assertEquals(registry.contains(s), registry.containsAscii(b, 1, b.length - 1), "'" + s + "'");
        }
        for (String id : ids) {
            if (isAscii(id)) {
                byte[] b = id.getBytes(StandardCharsets.US_ASCII);
                assertTrue(registry.containsAscii(b, 0, b.length), id);
            }
        }
        assertEquals(false, PersonRegistry.none().containsAscii("P1".getBytes(StandardCharsets.US_ASCII), 0, 2));
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    @Test
    void unsureAndEmptyAreNotMoments() {
        // the two markers lie far outside the packed range of the years taken, 1900–2199
        FastFields f = new FastFields(ZoneId.of("UTC"));
        byte[] low = "1900-01-01T00:00+18:00".getBytes(StandardCharsets.US_ASCII);
        byte[] high = "2199-12-31T23:59:59-18:00".getBytes(StandardCharsets.US_ASCII);
        for (byte[] b : List.of(low, high)) {
            long v = f.moment(b, 0, b.length);
            assertNotEquals(FastFields.UNSURE, v, new String(b, StandardCharsets.US_ASCII));
            assertNotEquals(FastFields.EMPTY, v);
        }
        assertEquals(FastFields.EMPTY, f.moment(low, 3, 3));
    }
}
