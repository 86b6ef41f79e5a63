package org.ctrace.io;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ctrace.domain.Area;
import org.ctrace.domain.ContactEvent;
import org.ctrace.domain.ContactEventSource;
import org.ctrace.domain.Person;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.WallClock;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parallel contacts reader ({@link ContactsFile#scan}, {@link ChunkedContacts}) must give
 * exactly what the sequential reader ({@link ContactsFile#forEach}) gives: the same events in
 * the same order, the same problems with the same absolute lines, the same rejected rows and
 * the same counts, however the file is cut into parts. Small part lengths make part guesses
 * land inside quoted cells, inside records and at record starts.
 */
class ChunkedContactsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final int[] PART_SIZES = {1, 2, 7, 13, 64, 300, 4096};
    private static final String H = "person_a,person_b,start,end,duration_min,setting,distance_m,protected";
    private static final String HN = H + ",note";

    /** In a test text, stands for the byte 0xFF (never valid UTF-8). */
    private static final char BAD_FF = '\uE000';
    /** A lone UTF-8 lead byte 0xC3. */
    private static final char BAD_LEAD = '\uE001';
    /** A truncated three-byte sequence 0xE4 0xB8. */
    private static final char BAD_TRUNCATED = '\uE002';
    /** A stray continuation byte 0x80. */
    private static final char BAD_CONT = '\uE003';

    private static final AtomicInteger FILES = new AtomicInteger();

    @TempDir
    Path dir;

    // ------------------------------------------------------------------ inputs

    /** One contacts file: its bytes, how to read them, and with which registry. */
    record Input(String name, byte[] bytes, Charset charset, ZoneId zone, PersonRegistry persons) {

        static Input utf8(String name, String text) {
            return new Input(name, encode(text, StandardCharsets.UTF_8), StandardCharsets.UTF_8, SHANGHAI,
                    registry());
        }

        Input withPersons(PersonRegistry p) {
            return new Input(name, bytes, charset, zone, p);
        }

        Input withZone(ZoneId z) {
            return new Input(name, bytes, charset, z, persons);
        }
    }

    /** Persons P1…P20 and a few others; every other id is unknown (a warning). */
    static PersonRegistry registry() {
        List<Person> people = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            people.add(new Person("P" + i, "", "", Area.UNKNOWN, ""));
        }
        for (String id : List.of("张三", "李四", "Müller", "P\n4")) {
            people.add(new Person(id, "", "", Area.UNKNOWN, ""));
        }
        return PersonRegistry.of(people);
    }

    /** The text in the charset, the marker characters becoming invalid bytes. */
    static byte[] encode(String text, Charset cs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int[] raw = switch (c) {
                case BAD_FF -> new int[] {0xFF};
                case BAD_LEAD -> new int[] {0xC3};
                case BAD_TRUNCATED -> new int[] {0xE4, 0xB8};
                case BAD_CONT -> new int[] {0x80};
                default -> null;
            };
            if (raw == null) {
                run.append(c);
                continue;
            }
            out.writeBytes(run.toString().getBytes(cs));
            run.setLength(0);
            for (int b : raw) {
                out.write(b);
            }
        }
        out.writeBytes(run.toString().getBytes(cs));
        return out.toByteArray();
    }

    static String lines(String sep, boolean finalNewline, String... lines) {
        return String.join(sep, lines) + (finalNewline ? sep : "");
    }

    static String lf(String... lines) {
        return lines("\n", true, lines);
    }

    private static final String[] QUOTED_ROWS = {
        HN,
        "P1,P2,2022-03-01 10:00,,,\"meal, shared\",,,\"a, b, c\"",
        "P1,P3,2022-03-01 11:00,,,\"say \"\"hi\"\"\",,,\"he said \"\"no\"\"\"",
        "\"P1\",\"P4\",\"2022-03-01 12:00\",\"2022-03-01 12:30\",\"15\",\"Work\",\"1\",\"no\",\"multi\nline\nnote\"",
        "P2,P5,2022-03-01 13:00,,,,,,\"crlf\r\ninside\r\nnote\"",
        "P2,P6,2022-03-01 14:00,,,,,,\"cr\rinside\rnote\"",
        "P2,P7,2022-03-01 15:00,,,,,,\"looks like rows:\nP8,P9,2022-03-01,,,,,,x\nP10,P11,\"\"2022-03-02\"\",,,,,,\n\"",
        " P3 , P8 ,  2022-03-01 16:00  ,,,  meal  ,,,  \"  padded  \"  ",
        "P3,P9,2022-03-01 17:00,,,,,,\"\"\"quoted at start\"\" and end\"\"\"",
        "P3,\"P\n4\",2022-03-01 18:00,,,,,,id with a newline",
        "P4,P11,\"2022-03-01\n10:00\",,,,,,date with a newline (bad)",
        "P4,P12,2022-03-01 19:00,,,,,,\"\n\"",
        "P4,P13,2022-03-01 20:00,,,,,,\"\"",
        "P4,P14,2022-03-01 21:00,,,,,, \t \"blanks before the quote\" \t",
        "P5,P15,2022-03-01 22:00,,,,,,\"x\n\n\n\ny\"",
        "P5,P16,2022-03-01 23:00,,,,,,\"unbalanced looking \"\" quote\n\"\",P1,P2,\"",
        "P5,P17,2022-03-02 00:00,,,\"house\nhold\",,,setting with a newline",
        "P6,P18,2022-03-02 01:00,,,\"\"\"meal\"\"\",,,setting with quotes",
        "\"P7\r\n\",P19,2022-03-02 02:00,,,,,,id ending in a quoted CRLF",
        "P7,P20,2022-03-02 03:00,,,,,,\"\r\n\r\n\"",
        "P8,P1,2022-03-02 04:00,,,,,,\"a\"\"\r\nP9,P2,2022-03-02,,,,,,\"\"b\"",
    };

    static List<Input> inputs() {
        List<Input> in = new ArrayList<>();
        in.add(Input.utf8("basic", lf(H,
                "P1,P2,2022-03-01 10:00,2022-03-01 10:30,,household,0.5,false",
                "P2,P3,2022-03-02,,,,,",
                "P3,P4,2022-03-03 08:00,,15,work,1.5,no",
                "P4,P5,2022-03-04T09:00:00,,,meal,,true")));
        in.add(Input.utf8("quoted LF", lines("\n", true, QUOTED_ROWS)));
        in.add(Input.utf8("quoted CRLF", lines("\r\n", true, QUOTED_ROWS)));
        in.add(Input.utf8("quoted CR", lines("\r", true, QUOTED_ROWS)));
        in.add(Input.utf8("quoted LF, no final newline", lines("\n", false, QUOTED_ROWS)));
        in.add(Input.utf8("quoted CRLF, no final newline", lines("\r\n", false, QUOTED_ROWS)));
        in.add(Input.utf8("mixed line ends", "person_a,person_b,start,note\r\nP1,P2,2022-03-01,\"x\r\ny\"\n"
                + "P2,P3,2022-03-02,\"a\rb\"\rP3,P4,2022-03-03,c\r\n\r\nP4,P5,2022-03-04,\"\n\"\r"
                + "P5,P6,2022-03-05,\"\r\"\n"));
        in.add(Input.utf8("no final newline, plain", lines("\n", false, H,
                "P1,P2,2022-03-01 10:00,,,,,", "P2,P3,2022-03-01 11:00,,30,meal,,")));
        in.add(Input.utf8("no final newline, quoted last cell", lines("\r\n", false, HN,
                "P1,P2,2022-03-01 10:00,,,,,,x", "P2,P3,2022-03-01 11:00,,30,meal,,,\"last\nnote\"")));
        in.add(Input.utf8("no final newline, bad last row", lines("\n", false, H,
                "P1,P2,2022-03-01 10:00,,,,,", "P2,P3,2022-02-30 11:00,,30,meal,,")));
        in.add(Input.utf8("no final newline, wrong width", lines("\n", false, H,
                "P1,P2,2022-03-01 10:00,,,,,", "P2,P3,2022-03-01")));
        in.add(Input.utf8("final lone CR", H + "\nP1,P2,2022-03-01 10:00,,,,,\rP2,P3,2022-03-01,,,,,\r"));
        in.add(Input.utf8("final blanks without newline", H + "\nP1,P2,2022-03-01 10:00,,,,,\n   \t "));
        in.add(Input.utf8("only a header", H + "\n"));
        in.add(Input.utf8("only a header, no newline", H));
        in.add(Input.utf8("one row, no newline", H + "\nP1,P2,2022-03-01"));
        in.add(Input.utf8("blank lines", "\n\n" + H + "\n\n\nP1,P2,2022-03-01 10:00,,,,,\n   \n\t\n"
                + "P2,P3,2022-03-01 11:00,,,,,\n\r\n\r\n \r\n,P4,2022-03-01,,,,,\n\n"
                + "P3,P4,2022-03-01 12:00,,,,,\n\n\n"));
        in.add(Input.utf8("BOM", "\uFEFF" + lf(H, "P1,P2,2022-03-01 10:00,,,,,", "P2,P3,2022-03-02,,,,,")));
        in.add(Input.utf8("BOM, blank lines before the header", "\uFEFF\n\r\n  \n" + lf(H,
                "P1,P2,2022-03-01 10:00,,,,,", "P2,P3,2022-03-02,,,,,")));
        in.add(Input.utf8("BOM, quoted header", "\uFEFF\"person_a\",\"person_b\",\"start\",\"a\nnote\"\n"
                + "P1,P2,2022-03-01,x\nP2,P3,2022-03-02,\"y\nz\"\n"));
        in.add(Input.utf8("mixed-case reordered header with unknown columns", reordered()));
        in.add(Input.utf8("date forms", dateForms()));
        in.add(Input.utf8("date forms, New York", dateForms()).withZone(ZoneId.of("America/New_York")));
        in.add(Input.utf8("spans", spans()));
        in.add(Input.utf8("protected", protectedWords()));
        in.add(Input.utf8("settings", settings()));
        in.add(Input.utf8("Chinese ids", chineseIds()));
        in.add(Input.utf8("Chinese ids, no registry", chineseIds()).withPersons(PersonRegistry.none()));
        in.add(new Input("GB18030", chineseIds().getBytes(GB18030), GB18030, SHANGHAI, registry()));
        // U+FEFF is 84 31 95 33 in GB18030, and the sequential reader drops it in any charset
        in.add(new Input("GB18030 BOM", ("\uFEFF" + chineseIds()).getBytes(GB18030), GB18030, SHANGHAI, registry()));
        in.add(new Input("GB18030 BOM, blank line, bare CR", ("\uFEFF\n" + chineseIds().replace("\n", "\r"))
                .getBytes(GB18030), GB18030, SHANGHAI, registry()));
        in.add(new Input("GB18030 BOM, quoted header", ("\uFEFF\"x,\"\" y\nz\",person_a,person_b,start\n"
                + "a,P1,P2,2022-03-01\nb,P2,张三,2022-03-02\n").getBytes(GB18030), GB18030, SHANGHAI, registry()));
        in.add(new Input("windows-1252", lf(H, "Müller,P2,2022-03-01 10:00,,,Zürich,,",
                "P2,Müller,2022-03-01,,,Café,,", "Müller,Müller,2022-03-01,,,,,").getBytes(
                Charset.forName("windows-1252")), Charset.forName("windows-1252"), SHANGHAI, registry()));
        in.add(Input.utf8("bad rows", badRows()));
        in.add(Input.utf8("bad rows, CRLF", badRows().replace("\n", "\r\n")));
        in.add(Input.utf8("unknown persons", lf(H,
                "P1,P90,2022-03-01 10:00,,,,,", "P91,P2,2022-03-01,,,,,", "P92,P93,2022-03-01,,,,,",
                "P94,P95,bad,,,,,", "P1,P2,2022-03-01,,,,,", "\"P96\",\"P\n97\",2022-03-01,,,,,",
                "Q1,张三,2022-03-01,,,,,", "王五,Q2,2022-03-01,,,,,")));
        in.add(Input.utf8("many columns", manyColumns()));
        in.add(Input.utf8("long quoted cell", longQuoted(5_000)));
        return in;
    }

    private static String reordered() {
        String header = " Protected ,SETTING,x1,Start, Person_B ,x2,x3,x4,x5,x6,x7,x8,x9,x10,x11,x12,x13,x14,"
                + "PERSON_A,\"Note\nwith a newline\",End,Duration_Min,DISTANCE_M,";
        List<String> rows = new ArrayList<>();
        rows.add(header);
        String filler = "a,b,c,d,e,f,g,h,i,j,k,l,m,n";
        rows.add("yes,Meal,1," + "2022-03-01 10:00,P2,2,3,4,5,6,7,8,9,10,11,12,13,14,P1,\"n\",2022-03-01 11:00,,0.5,");
        rows.add("NO,Household,\"x,y\",2022-03-02,P3,"
                + filler.substring(2) + ",P1,\"multi\nline\",,30,,extra");
        rows.add(",,,2022-03-03 08:00,P4," + filler.substring(2) + ",P2,,,15.5,2,");
        rows.add("maybe,,,2022-03-03 08:00,P4," + filler.substring(2) + ",P2,,,15.5,2,");
        rows.add("0,work,,20220303T0800,P5," + filler.substring(2) + ",P3,,2022-03-03 07:00,,,");
        return lf(rows.toArray(new String[0]));
    }

    private static String dateForms() {
        return lf(H,
                "P1,P2,2022-03-01,,,,,",
                "P1,P3,2022/3/1,,,,,",
                "P1,P4,2022/03/01,,,,,",
                "P1,P5,20220301,,,,,",
                "P1,P6,2022-03-01 9:30,2022-03-01 10:00,,,,",
                "P1,P7,2022-03-01 09:30:15,2022-03-01 09:45:59,,,,",
                "P1,P8,2022-03-01T09:30:15,2022-03-01T10:30,,,,",
                "P1,P9,2022-03-01T9:30,,15,,,",
                "P1,P10,2022-03-01T09:30:15.5,2022-03-01T09:30:15.123456789,,,,",
                "P2,P3,2022-03-01T01:30:00Z,2022-03-01T02:30:00+08:00,,,,",
                "P2,P4,2022-03-01T01:30Z,2022-03-01T10:30+08,,,,",
                "P2,P5,2022-03-01 23:30-05:00,,,,,",
                "P2,P6,2022/12/31 23:59:59+0800,,,,,",
                "P2,P7,20221231T0:00,20221231 1:00:00.000Z,,,,",
                "P2,P8,2022-02-29,,,,,",
                "P2,P9,2024-02-29,,,,,",
                "P2,P10,2000/2/29 0:00,,,,,",
                "P2,P11,1900/2/29,,,,,",
                "P3,P4,2022-13-01,,,,,",
                "P3,P5,2022-03-01 24:00,,,,,",
                "P3,P6,2022-3-1,,,,,",
                "P3,P7,1988-06-15T12:00:00Z,1988-06-15T14:00:00+09:00,,,,",
                "P3,P8,2022-03-01T12:00:00+18:00,,,,,",
                "P3,P9,2022-03-01T12:00:00+18:01,,,,,",
                "P3,P10,2022-03-01T12:00:00-00:00,2022-03-01T23:00:00+05:45,,,,",
                "P4,P5,2022-03-01T12:00:00.1234567891,,,,,",
                "P4,P6, 2022-03-01 ,,,,,",
                "P4,P7,\"2022-03-01 10:00\",\" 2022-03-01 11:00 \",,,,",
                "P4,P8,2022-03-01t10:00,,,,,",
                "P4,P9,2022-03-01T10:00z,,,,,",
                "P4,P10,2022-03-01T10:00:00.,,,,,",
                "P4,P11,2022-03-01 10:60,,,,,",
                "P4,P12,2022-03-01 10:5,,,,,",
                "P4,P13,2022-03-01 100:00,,,,,",
                "P4,P14,2022-03-01 10:00:60,,,,,",
                "P4,P15,2022-03-01 10:00:00+08:00:00,,,,,",
                "P4,P16,2022-03-01 10:00 +08:00,,,,,",
                "P4,P17,2022-03-01T10:00:00+8:00,,,,,",
                "P4,P18,0001-01-01,9999-12-31T23:59:59Z,,,,",
                "P5,P6,2022030,,,,,",
                "P5,P7,202203011,,,,,",
                "P5,P8,2022-03-01T,,,,,",
                "P5,P9,2022/3/,,,,,",
                "P5,P10,2022/003/1,,,,,",
                "P5,P11,2022-03-01T10:00:00.5Z,2022-03-01T10:00:00.999999999+08:00,,,,",
                "P5,P12,２０２２-03-01,,,,,",
                "P5,P13,2022-03-01 10:00,2022-03-01 09:59:59.9,,,,",
                "P6,P7,1991-09-15 00:30:00Z,1991-09-14T23:30+00:00,,,,");
    }

    private static String spans() {
        return lf(H,
                "P1,P2,2022-03-01,,,household,,",
                "P1,P2,2022-03-01,,30,meal,,",
                "P1,P2,2022-03-01,,0,,,",
                "P1,P2,2022-03-01,2022-03-02,,,,",
                "P1,P2,2022-03-01,2022-03-01,,,,",
                "P1,P2,2022-03-01,2022-03-01 12:00,,,,",
                "P1,P2,2022-03-01,2022-03-01 00:00,,,,",
                "P1,P2,2022-03-01,2022-02-28,,,,",
                "P1,P2,2022-03-01 10:00,2022-03-01 10:00,,,,",
                "P1,P2,2022-03-01 10:00,2022-03-01 10:00,45,,,",
                "P1,P2,2022-03-01 10:00,,0,,,",
                "P1,P2,2022-03-01 10:00,,0.0,,0,",
                "P1,P2,2022-03-01 10:00,,0.5,,,",
                "P1,P2,2022-03-01 10:00,,0.008,,,",
                "P1,P2,2022-03-01 10:00,,0.0083,,,",
                "P1,P2,2022-03-01 10:00,,15.25,work,1.5,",
                "P1,P2,2022-03-01 10:00,,.5,,0.,",
                "P1,P2,2022-03-01 10:00,,5.,,.25,",
                "P1,P2,2022-03-01 10:00,,000015,,001.50,",
                "P1,P2,2022-03-01 10:00,2022-03-01,,,,",
                "P1,P2,2022-03-02 10:00,2022-03-01,,,,",
                "P1,P2,2022-03-01 10:00,2022-03-01 09:00,,,,",
                "P1,P2,2022-03-01 10:00,,-5,,,",
                "P1,P2,2022-03-01 10:00,,+5,,+1,",
                "P1,P2,2022-03-01 10:00,,-0,,-0.0,",
                "P1,P2,2022-03-01 10:00,,1e3,,,",
                "P1,P2,2022-03-01 10:00,,1234567890123456,,,",
                "P1,P2,2022-03-01 10:00,,123456789012345,,,",
                "P1,P2,2022-03-01 10:00,,0.1,,0.30000000000000004,",
                "P1,P2,2022-03-01 10:00,,abc,,,",
                "P1,P2,2022-03-01 10:00,,,,-1,",
                "P1,P2,2022-03-01 10:00,,1.2.3,,,",
                "P1,P2,2022-03-01 10:00,,.,,,",
                "P1,P2,2022-03-01 10:00,, 30 ,, 2 ,",
                "P1,P2,2022-03-01 10:00,,\"30\",,\"2\",",
                "P1,P2,2022-03-01 10:00,,１５,,,",
                "P1,P2,2022-03-01 10:00,,15 min,,,",
                "P1,P2,,,,,,",
                "P1,P2,,2022-03-01,,,,",
                ",P2,2022-03-01,,,,,",
                "P1,,2022-03-01,,,,,",
                ",,,,,,,",
                "P1,P1,2022-03-01,,,,,",
                "P1, P1 ,2022-03-01,,,,,",
                "\"P1\",P1,2022-03-01,,,,,",
                "P1,P1,bad,2022-02-01,-3,,x,maybe");
    }

    private static String protectedWords() {
        List<String> rows = new ArrayList<>();
        rows.add(H);
        String[] words = {"true", "TRUE", "True", "tRuE", "false", "FALSE", "False", "yes", "YES", "Yes", "no", "NO",
            "No", "nO", "1", "0", "", " yes ", "\"yes\"", "\" No \"", "y", "n", "2", "01", "是", "truee", "on",
            "off", "\"tr\"\"ue\"", "t rue", "ｙｅｓ", "yeſ"};
        int i = 1;
        for (String w : words) {
            rows.add("P" + (i % 20 + 1) + ",P" + ((i + 7) % 20 + 1) + ",2022-03-01 10:00,,,,," + w);
            i++;
        }
        return lf(rows.toArray(new String[0]));
    }

    private static String settings() {
        List<String> rows = new ArrayList<>();
        rows.add(H);
        String[] settings = {"household", "HOUSEHOLD", "Household", "Meal", "meal", "VEHICLE", "Work", "school",
            "HealthCare", "venue", "Other", "餐厅", "家庭聚餐", "ＷＯＲＫ", "Ünïcode", "İstanbul", "ΣΟΦΊΑ",
            "\"meal, shared\"", "\"Say \"\"Hi\"\"\"", "\" Work \"", "  Meal  ", "x", "a-b_c", "MEAL1", "",
            "\"\"", "Zoo", "zoo", "ZOO", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12",
            "s13", "s14", "s15", "s16", "s17", "s18", "s19", "s20", "s21", "s22", "s23", "s24", "s25", "s26",
            "s27", "s28", "s29", "s30", "s31", "s32", "s33", "S33", "s34", "household", "Meal"};
        int i = 0;
        for (String s : settings) {
            rows.add("P" + (i % 20 + 1) + ",P" + ((i + 3) % 20 + 1) + ",2022-03-01 1" + (i % 10) + ":00,,,"
                    + s + ",,");
            i++;
        }
        return lf(rows.toArray(new String[0]));
    }

    private static String chineseIds() {
        return lf(HN,
                "张三,李四,2022-03-01 10:00,,30,餐厅,0.5,否,备注",
                "张三,李四,2022-03-01 10:00,,30,餐厅,0.5,no,备注",
                "张三,P1,2022-03-01,,,家庭,,,\"引号里的, 逗号\"",
                "P1,王五,2022-03-01,,,Meal,,,\"换\n行\"",
                "\"张三\",\" 李四 \",2022-03-02,,,,,,",
                "张三,张三,2022-03-02,,,,,,自己",
                "王五,赵六,2022-03-02 08:00,2022-03-02 09:00,,,,YES,",
                "P１,P1,2022-03-02,,,,,,全角",
                "Müller,P2,2022-03-03,,,VENUE,,,",
                "\u3000P3\u3000,P4,2022-03-03,,,,,,ideographic spaces",
                "P5,P6,2022-03-03,,,\u3000work\u3000,,,",
                "P7,P8,2022-03-03 10:00,,\u300030,,,,",
                "P9,P10,2022-03-03 10:00,,,,,\u3000yes,",
                "P11,P12,\u30002022-03-03 10:00,,,,,,",
                "P13,P14,2022-03-03 10:00,,,,,,\"\u3000\"",
                "\u3000,P14,2022-03-03 10:00,,,,,,",
                "P15,P16,2022-03-03 10:00,,,,,,\u00A0nbsp\u00A0",
                "\u3000",
                "\u3000\u2003\t",
                "P17,P18,2022-03-03 10:00,,,,,,after lines of wide blanks");
    }

    private static String badRows() {
        return lf(HN,
                "P1,P2,2022-03-01 10:00,,,,,,ok",
                "P1,P2,2022-02-30,,,,,,bad date",
                "P1,P2,2022-03-01 10:00,2022-03-01 09:00,,,,,end before start",
                "P1,P2,2022-03-01 10:00,,-15,,,,negative duration",
                "P1,P2,2022-03-01 10:00,,,,-2,,negative distance",
                "P1,P1,2022-03-01 10:00,,,,,,self-contact",
                "P1,P2,2022-03-01 10:00,,,,,",
                "P1,P2,2022-03-01 10:00,,,,,,,too many",
                "P1",
                ",",
                "P1,P2,2022-03-01 10:00,,,,,maybe,bad protected word",
                "P1" + BAD_FF + ",P2,2022-03-01 10:00,,,,,,invalid byte in person_a",
                "P1,P2,2022-03-01 10:00,,,me" + BAD_LEAD + "al,,,lone lead byte in setting",
                "P1,P2,2022-03-01 10:00,,,,,,truncated " + BAD_TRUNCATED,
                "P1,P2,2022-03-01 10:00,,,,,,\"quoted " + BAD_CONT + " stray byte\"",
                "P1,P2,2022-03-01 10:00" + BAD_CONT + ",,,,,,stray byte in start",
                "P1,P2,2022-03-01 10:00,,,,,,\"fine \"\"quotes\"\" " + BAD_FF + "\"",
                "P1,P2,2022-03-01 10:00,,30" + BAD_FF + ",,,,",
                "P1,P2,2022-03-01 10:00,,,,,tr" + BAD_FF + "ue,",
                "P1,P2,2022-03-01 10:00,,,,,,\uFFFD (a valid replacement character)",
                "P1,,2022-03-01 10:00,,,,,,missing person_b",
                "P1,P2,,,,,,,missing start",
                "P1,P2,2022-02-30,2022-02-31,-1,,-1,perhaps,every cell bad",
                "P1,P2,2022-03-01 10:00,,527040,,,,the longest duration taken",
                "P1,P2,2022-03-01 10:00,,527040.5,,,,duration too long",
                "P1,P2,2022-03-01 10:00,,440106199003074514,,,,a resident id in duration_min",
                "P1,P3,2022-03-01 10:00,,,,,,ok again",
                "P3,P3,yesterday,,,,,,self and bad date",
                "\"P1\",\"P2\",\"2022-03-01 10:00\",\"2022-03-01 09:00\",,,,,quoted end before start",
                "P4,P5,2022-03-01,2022-03-01 23:59:59,,,,,fine");
    }

    private static String manyColumns() {
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            header.append("c").append(i).append(',');
        }
        header.append("person_a,person_b,start,setting");
        List<String> rows = new ArrayList<>();
        rows.add(header.toString());
        for (int r = 0; r < 30; r++) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                row.append(r % 5 == 0 && i % 7 == 0 ? "\"q,\nq\"" : "v" + i).append(',');
            }
            row.append("P").append(r % 20 + 1).append(",P").append((r + 1) % 20 + 1).append(",2022-03-0")
                    .append(r % 9 + 1).append(r % 3 == 0 ? "" : " 10:00").append(",Meal");
            if (r == 17) {
                row.append(",one too many");
            }
            rows.add(row.toString());
        }
        return lf(rows.toArray(new String[0]));
    }

    /** Rows around quoted cells longer than the given number of characters, holding newlines. */
    static String longQuoted(int length) {
        StringBuilder note = new StringBuilder();
        int i = 0;
        while (note.length() < length) {
            note.append(i % 3 == 0 ? "P1,P2,2022-03-01,,,,,,\"\"x\"\"" : "line " + i).append(i % 2 == 0 ? "\n" : "\r\n");
            i++;
        }
        return lf(HN,
                "P1,P2,2022-03-01 10:00,,,,,,short",
                "P2,P3,2022-03-01 11:00,,,,,,\"" + note + "\"",
                "P3,P4,2022-03-01 12:00,,,,,,\"" + note + "\"",
                "P4,P5,2022-03-01 13:00,,,,,,after",
                "P5,P6,2022-03-01 14:00,,,,,,\"" + note + "\"");
    }

    // ------------------------------------------------------------------ randomized file

    /** A seeded file mixing every form above: about {@code rows} rows. */
    static Input random(String name, long seed, int rows, Charset charset) {
        Random r = new Random(seed);
        boolean utf8 = charset.equals(StandardCharsets.UTF_8);
        List<String> columns = new ArrayList<>(List.of("person_a", "person_b", "start", "end", "duration_min",
                "setting", "distance_m", "protected", "note", "extra", "城市"));
        Collections.shuffle(columns, r);
        StringBuilder text = new StringBuilder();
        if (utf8 && r.nextBoolean()) {
            text.append('\uFEFF');
        }
        List<String> header = new ArrayList<>();
        for (String c : columns) {
            String name1 = switch (r.nextInt(4)) {
                case 0 -> c.toUpperCase(Locale.ROOT);
                case 1 -> Character.toUpperCase(c.charAt(0)) + c.substring(1);
                case 2 -> " " + c + " ";
                default -> c;
            };
            header.add(name1);
        }
        text.append(String.join(",", header)).append("\r\n");
        Gen g = new Gen(r, utf8);
        for (int i = 0; i < rows; i++) {
            int blank = r.nextInt(100);
            if (blank < 3) {
                text.append(pick(r, "", "   ", "\t", " \t ")).append(lineEnd(r));
            }
            List<String> cells = new ArrayList<>();
            Map<String, String> row = g.row();
            for (String c : columns) {
                cells.add(row.getOrDefault(c, pick(r, "", "x", "\"y,z\"", "北京", "\"a\nb\"")));
            }
            int width = r.nextInt(100);
            if (width == 0) {
                cells.remove(cells.size() - 1);
            } else if (width == 1) {
                cells.add("extra cell");
            }
            text.append(String.join(",", cells));
            if (i < rows - 1 || r.nextBoolean()) {
                text.append(lineEnd(r));
            }
        }
        return new Input(name, encode(text.toString(), charset), charset, SHANGHAI, registry());
    }

    private static String lineEnd(Random r) {
        int p = r.nextInt(100);
        return p < 65 ? "\n" : p < 95 ? "\r\n" : "\r";
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... choices) {
        return choices[r.nextInt(choices.length)];
    }

    /** Random cells of contacts.csv, mostly valid. */
    private static final class Gen {
        private final Random r;
        private final boolean invalidBytes;

        Gen(Random r, boolean invalidBytes) {
            this.r = r;
            this.invalidBytes = invalidBytes;
        }

        Map<String, String> row() {
            String a = id();
            String b = r.nextInt(100) < 2 ? a : id();
            LocalDateTime start = LocalDateTime.of(2022, 2, 1, 0, 0).plusDays(r.nextInt(60))
                    .plusHours(r.nextInt(24)).plusMinutes(r.nextInt(60)).plusSeconds(r.nextInt(4) == 0
                            ? r.nextInt(60) : 0);
            boolean dateOnly = r.nextInt(4) == 0;
            Map<String, String> m = new java.util.HashMap<>();
            m.put("person_a", a);
            m.put("person_b", b);
            m.put("start", moment(start, dateOnly));
            m.put("end", end(start));
            m.put("duration_min", number(true));
            m.put("setting", setting());
            m.put("distance_m", number(false));
            m.put("protected", flag());
            m.put("note", note());
            if (invalidBytes && r.nextInt(100) < 2) {
                String col = pick(r, "person_a", "setting", "note", "start", "protected");
                String v = m.get(col);
                if (v.indexOf('"') >= 0) {
                    // just after the opening quote: inside the quoted text, never splitting a doubled quote
                    int at = v.indexOf('"') + 1;
                    m.put(col, v.substring(0, at) + pick(r, BAD_FF, BAD_LEAD, BAD_TRUNCATED, BAD_CONT)
                            + v.substring(at));
                    return m;
                }
                int at = v.isEmpty() ? 0 : r.nextInt(v.length());
                m.put(col, v.substring(0, at) + pick(r, BAD_FF, BAD_LEAD, BAD_TRUNCATED, BAD_CONT) + v.substring(at));
            }
            return m;
        }

        String id() {
            int p = r.nextInt(100);
            int n = 1 + r.nextInt(30);
            if (p < 66) {
                return "P" + n;
            }
            if (p < 74) {
                return pick(r, "张三", "李四", "王五", "赵六");
            }
            if (p < 78) {
                return "\"P" + n + "\"";
            }
            if (p < 81) {
                return pick(r, " ", "  ", "\t") + "P" + n + pick(r, " ", "", "\t");
            }
            if (p < 83) {
                return "\"P\n" + n + "\"";
            }
            if (p < 85) {
                return "p" + n;
            }
            if (p < 86) {
                return "";
            }
            if (p < 87) {
                return "\"P\"\"" + n + "\"";
            }
            if (p < 88) {
                return pick(r, "P１", "Müller", "\u3000P1");
            }
            return "Q" + r.nextInt(400);
        }

        String moment(LocalDateTime t, boolean dateOnly) {
            int p = r.nextInt(200);
            if (p < 2) {
                return "";
            }
            if (p < 8) {
                return pick(r, "2022-02-30", "2022-3-1", "yesterday", "2022-03-01 25:00", "2022/13/1",
                        "2022-03-01T10:00:00+19:00", "2022-03-01 10:00 Z", "0", "2022-03-01T10", "2022年3月1日");
            }
            String date = switch (r.nextInt(4)) {
                case 0 -> String.format("%04d-%02d-%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth());
                case 1 -> String.format("%04d/%d/%d", t.getYear(), t.getMonthValue(), t.getDayOfMonth());
                case 2 -> String.format("%04d/%02d/%d", t.getYear(), t.getMonthValue(), t.getDayOfMonth());
                default -> String.format("%04d%02d%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth());
            };
            String s;
            if (dateOnly) {
                s = date;
            } else {
                String time = switch (r.nextInt(6)) {
                    case 0 -> String.format(" %d:%02d", t.getHour(), t.getMinute());
                    case 1 -> String.format(" %02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
                    case 2 -> String.format("T%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
                    case 3 -> String.format("T%d:%02d", t.getHour(), t.getMinute());
                    case 4 -> String.format("T%02d:%02d:%02d.%s", t.getHour(), t.getMinute(), t.getSecond(),
                            "123456789".substring(0, 1 + r.nextInt(9)));
                    default -> String.format(" %d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
                };
                String offset = r.nextInt(5) == 0 ? pick(r, "Z", "+08:00", "+0800", "+08", "-05:00", "+05:45", "-00:00")
                        : "";
                s = date + time + offset;
            }
            int q = r.nextInt(20);
            return q == 0 ? "\"" + s + "\"" : q == 1 ? " " + s + " " : s;
        }

        String end(LocalDateTime start) {
            int p = r.nextInt(100);
            if (p < 55) {
                return "";
            }
            if (p < 85) {
                return moment(start.plusMinutes(r.nextInt(300)), false);
            }
            if (p < 90) {
                return moment(start.minusMinutes(1 + r.nextInt(300)), false);
            }
            if (p < 97) {
                return moment(start.plusDays(r.nextInt(2)), true);
            }
            return moment(start, false);
        }

        String number(boolean duration) {
            int p = r.nextInt(100);
            if (p < 50) {
                return "";
            }
            if (p < 75) {
                return String.valueOf(r.nextInt(duration ? 240 : 5));
            }
            if (p < 90) {
                return r.nextInt(100) + "." + r.nextInt(1000);
            }
            return pick(r, "0", "0.0", ".5", "5.", "-5", "+5", "1e2", "abc", "15 min", "1234567890123456", " 30 ",
                    "\"12\"", "-0", "0.30000000000000004", "１", "1.83");
        }

        String setting() {
            String s = pick(r, "household", "meal", "vehicle", "work", "school", "healthcare", "venue", "other",
                    "", "", "", "餐厅", "家庭聚餐", "\"meal, shared\"", "Ünïcode", "\"say \"\"x\"\"\"", "bus 12");
            return switch (r.nextInt(4)) {
                case 0 -> s.toUpperCase(Locale.ROOT);
                case 1 -> s.isEmpty() || s.startsWith("\"") ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
                default -> s;
            };
        }

        String flag() {
            String s = pick(r, "", "", "", "", "true", "false", "yes", "no", "1", "0", " yes ", "\"no\"", "y",
                    "2", "是", "on");
            return r.nextBoolean() ? s.toUpperCase(Locale.ROOT) : s;
        }

        String note() {
            if (r.nextInt(100) < 55) {
                return "";
            }
            return pick(r, "plain", "a b", "\"a, b\"", "\"x\"\"y\"\"\"", "\"line\nbreak\"", "\"crlf\r\nbreak\"",
                    "\"cr\rbreak\"", "中文备注", "\"P1,P2,2022-03-01,,,,,\nP3,P4,\"\"2022\"\",,\r\n\"",
                    "\"\n\n\"", "\"\"", "\" \"\" \"", " \"padded\" ", "\"多行\n备注\r\n第三行\"");
        }
    }

    // ------------------------------------------------------------------ reading

    /** A sink that keeps what it is given. */
    static class Sink implements Consumer<ContactEvent> {
        final List<ContactEvent> events = new ArrayList<>();

        @Override
        public void accept(ContactEvent e) {
            events.add(e);
        }
    }

    /** A sink that takes events between registered persons by position, kept as the events they stand for. */
    static final class Positioned extends Sink implements ContactEventSource.PositionedSink {
        private final PersonRegistry persons;

        Positioned(PersonRegistry persons) {
            this.persons = persons;
        }

        @Override
        public void accept(int indexA, int indexB, long start, long end, boolean dateOnly, double minutes,
                           String setting, double distanceM, boolean isProtected) {
            events.add(new ContactEvent(persons.idAt(indexA), persons.idAt(indexB), start, end, dateOnly, minutes,
                    setting, distanceM, isProtected, indexA, indexB));
        }
    }

    /** What a ProblemLog holds, in comparable form. */
    record Logged(List<String> errors, List<String> warnings, Map<String, Long> errorKinds,
                  Map<String, Long> warningKinds, long errorCount, long warningCount, long rejectedRows,
                  List<RejectedRow> rejected) {

        static Logged of(ProblemLog log, List<RejectedRow> rejected) {
            return new Logged(show(log.errors()), show(log.warnings()), log.errorKinds(), log.warningKinds(),
                    log.errorCount(), log.warningCount(), log.rejectedRows(), List.copyOf(rejected));
        }

        private static List<String> show(List<InputProblem> problems) {
            return problems.stream().map(p -> p + " [" + p.kind() + "]").toList();
        }
    }

    /** The events of a reading and its problems. */
    record Reading(List<ContactEvent> events, Logged log, ContactEventSource.Scan<Sink> scan) {
    }

    private Path write(Input in) throws IOException {
        Path file = dir.resolve("contacts-" + FILES.incrementAndGet() + ".csv");
        Files.write(file, in.bytes());
        return file;
    }

    private static ContactsFile contacts(Input in, Path file, ProblemLog log, OnError onError) {
        return new ContactsFile(InputFile.of(file, in.charset()), new TimeParser(in.zone()), log, in.persons(),
                onError);
    }

    static Reading sequential(Input in, Path file) {
        List<RejectedRow> rejected = new ArrayList<>();
        ProblemLog log = new ProblemLog(rejected::add);
        List<ContactEvent> events = new ArrayList<>();
        contacts(in, file, log, OnError.SKIP).forEach(events::add);
        return new Reading(events, Logged.of(log, rejected), null);
    }

    /** The default (sequential) scan of ContactEventSource over the sequential reader. */
    static ContactEventSource.Scan<Sink> sequentialScan(Input in, Path file, Set<String> touching, long cutoff) {
        ContactEventSource source = contacts(in, file, new ProblemLog(), OnError.SKIP)::forEach;
        return source.scan(touching, cutoff, Sink::new);
    }

    static Reading parallel(Input in, Path file, Set<String> touching, long cutoff, int partBytes) {
        return parallel(in, file, touching, cutoff, partBytes, Sink::new);
    }

    static Reading parallel(Input in, Path file, Set<String> touching, long cutoff, int partBytes,
                            Supplier<Sink> sinks) {
        List<RejectedRow> rejected = new ArrayList<>();
        ProblemLog log = new ProblemLog(rejected::add);
        ContactEventSource.Scan<Sink> scan = contacts(in, file, log, OnError.SKIP).scan(touching, cutoff, sinks,
                partBytes);
        return new Reading(concat(scan.sinks()), Logged.of(log, rejected), scan);
    }

    static List<ContactEvent> concat(List<Sink> sinks) {
        List<ContactEvent> all = new ArrayList<>();
        sinks.forEach(s -> all.addAll(s.events));
        return all;
    }

    static Set<String> ids(List<ContactEvent> events) {
        Set<String> ids = new LinkedHashSet<>();
        for (ContactEvent e : events) {
            ids.add(e.personA());
            ids.add(e.personB());
        }
        return ids;
    }

    static List<ContactEvent> filter(List<ContactEvent> events, Predicate<ContactEvent> keep) {
        return events.stream().filter(keep).toList();
    }

    // ------------------------------------------------------------------ comparing

    static <T> void sameList(String what, List<T> expected, List<T> actual) {
        if (expected.equals(actual)) {
            return;
        }
        int i = 0;
        while (i < expected.size() && i < actual.size() && expected.get(i).equals(actual.get(i))) {
            i++;
        }
        fail(what + " differ (" + expected.size() + " expected, " + actual.size() + " actual); first difference at #"
                + i + ":\n  expected: " + (i < expected.size() ? escape(expected.get(i)) : "(none)")
                + "\n  actual:   " + (i < actual.size() ? escape(actual.get(i)) : "(none)"));
    }

    static String escape(Object o) {
        StringBuilder b = new StringBuilder();
        for (char c : String.valueOf(o).toCharArray()) {
            if (c < 0x20 || c == 0x7F || c == '\uFEFF') {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static List<Executable> sameLog(String where, Logged expected, Logged actual) {
        return List.of(
                () -> sameList(where + ": errors", expected.errors(), actual.errors()),
                () -> sameList(where + ": warnings", expected.warnings(), actual.warnings()),
                () -> sameList(where + ": rejected rows", expected.rejected(), actual.rejected()),
                () -> assertEquals(expected.errorKinds(), actual.errorKinds(), where + ": error kinds"),
                () -> assertEquals(expected.warningKinds(), actual.warningKinds(), where + ": warning kinds"),
                () -> assertEquals(expected.errorCount(), actual.errorCount(), where + ": error count"),
                () -> assertEquals(expected.warningCount(), actual.warningCount(), where + ": warning count"),
                () -> assertEquals(expected.rejectedRows(), actual.rejectedRows(), where + ": rejected row count"));
    }

    /**
     * Reads the file sequentially and in parts of the given length, with every id of interest
     * and no cutoff, then with a cutoff in the middle of the events, and compares everything.
     */
    private void check(Input in, int partBytes) throws IOException {
        Path file = write(in);
        String where = "'" + in.name() + "' in parts of " + partBytes + " bytes";
        Reading seq;
        try {
            seq = sequential(in, file);
        } catch (InputException stopped) {
            // the sequential reader stops (a CSV syntax error): so must the parallel one, saying the same
            InputException actual = assertThrows(InputException.class,
                    () -> parallel(in, file, Set.of("P1"), Long.MAX_VALUE, partBytes), where + ": must stop with "
                            + stopped.getMessage());
            assertEquals(stopped.getMessage(), actual.getMessage(), where);
            return;
        }
        Set<String> all = ids(seq.events());
        Reading par = parallel(in, file, all, Long.MAX_VALUE, partBytes);
        long[] starts = seq.events().stream().mapToLong(ContactEvent::start).sorted().toArray();
        long cutoff = starts.length == 0 ? 0 : starts[starts.length / 2];
        ContactEventSource.Scan<Sink> expectedCut = sequentialScan(in, file, all, cutoff);
        Reading cut = parallel(in, file, all, cutoff, partBytes);
        Reading positioned = parallel(in, file, all, Long.MAX_VALUE, partBytes, () -> new Positioned(in.persons()));
        Reading positionedCut = parallel(in, file, all, cutoff, partBytes, () -> new Positioned(in.persons()));
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> sameList(where + ": events", seq.events(), par.events()));
        checks.add(() -> sameList(where + ": events by position", seq.events(), positioned.events()));
        checks.addAll(sameLog(where + " by position", seq.log(), positioned.log()));
        checks.add(() -> sameList(where + ", cutoff " + cutoff + ": events by position", concat(expectedCut.sinks()),
                positionedCut.events()));
        checks.add(() -> assertEquals(expectedCut.events(), positionedCut.scan().events(),
                where + ": Scan.events by position"));
        checks.add(() -> assertEquals(expectedCut.fromCutoff(), positionedCut.scan().fromCutoff(),
                where + ": Scan.fromCutoff by position"));
        checks.addAll(sameLog(where, seq.log(), par.log()));
        checks.add(() -> assertEquals(seq.events().size(), par.scan().events(), where + ": Scan.events"));
        checks.add(() -> assertEquals(0, par.scan().fromCutoff(), where + ": Scan.fromCutoff"));
        String at = where + ", cutoff " + cutoff;
        checks.add(() -> sameList(at + ": events", concat(expectedCut.sinks()), cut.events()));
        checks.add(() -> assertEquals(expectedCut.events(), cut.scan().events(), at + ": Scan.events"));
        checks.add(() -> assertEquals(expectedCut.fromCutoff(), cut.scan().fromCutoff(), at + ": Scan.fromCutoff"));
        checks.addAll(sameLog(at, seq.log(), cut.log()));
        assertAll(where, checks);
    }

    // ------------------------------------------------------------------ tests

    @TestFactory
    Stream<DynamicTest> parallelReaderGivesTheSequentialReadersEventsAndProblems() {
        return inputs().stream().flatMap(in -> Arrays.stream(PART_SIZES).mapToObj(size ->
                DynamicTest.dynamicTest(in.name() + " / " + size + " bytes", () -> check(in, size))));
    }

    @TestFactory
    Stream<DynamicTest> quotedCellsLongerThanTheReadBuffer() {
        Input in = Input.utf8("quoted cells of 150 kB", longQuoted(150_000));
        return Stream.of(1000, 4096, 70_000, 1 << 20).map(size ->
                DynamicTest.dynamicTest(size + " bytes", () -> check(in, size)));
    }

    @TestFactory
    Stream<DynamicTest> randomizedFile() {
        Input utf8 = random("random UTF-8", 20220301L, 3000, StandardCharsets.UTF_8);
        Input other = random("random UTF-8, second seed", 7L, 2000, StandardCharsets.UTF_8);
        Input gb = random("random GB18030", 42L, 2000, GB18030);
        return Stream.concat(Stream.concat(
                Stream.of(97, 1000, 4096, 65_536, 1 << 20).map(size ->
                        DynamicTest.dynamicTest(utf8.name() + " / " + size + " bytes", () -> check(utf8, size))),
                Stream.of(61, 8192).map(size ->
                        DynamicTest.dynamicTest(other.name() + " / " + size + " bytes", () -> check(other, size)))),
                Stream.of(113, 4096).map(size ->
                        DynamicTest.dynamicTest(gb.name() + " / " + size + " bytes", () -> check(gb, size))));
    }

    @Test
    void theInputsExerciseWhatTheyShould() throws IOException {
        Map<String, Input> byName = inputs().stream().collect(Collectors.toMap(Input::name, i -> i));
        Reading bad = sequential(byName.get("bad rows"), write(byName.get("bad rows")));
        assertEquals(Set.of("bad date", "bad number", "bad word", "duration too long", "encoding", "end before start",
                "missing value", "negative number", "self-contact", "wrong cell count"), bad.log().errorKinds().keySet());
        assertFalse(bad.events().isEmpty());
        Reading unknown = sequential(byName.get("unknown persons"), write(byName.get("unknown persons")));
        assertTrue(unknown.log().warningKinds().getOrDefault("unknown person", 0L) >= 8, unknown.log().toString());
        Reading quoted = sequential(byName.get("quoted CRLF"), write(byName.get("quoted CRLF")));
        assertTrue(quoted.events().size() >= 15, quoted.events().toString());
        Reading gb = sequential(byName.get("GB18030"), write(byName.get("GB18030")));
        assertTrue(gb.events().stream().anyMatch(e -> e.personA().equals("张三") && e.setting().equals("餐厅")));
        Input random = random("random", 20220301L, 3000, StandardCharsets.UTF_8);
        Reading rnd = sequential(random, write(random));
        assertTrue(rnd.events().size() > 1500, "events: " + rnd.events().size());
        assertTrue(rnd.log().errorKinds().keySet().containsAll(List.of("bad date", "encoding", "wrong cell count",
                "self-contact", "end before start", "bad word", "bad number")), rnd.log().errorKinds().toString());
    }

    @Test
    void aDurationOfMoreThan366DaysIsABadRowNotAnEventThatEndsBeforeItStarts() throws IOException {
        // an 18-digit resident id shifted into duration_min once wrapped the event's end round to
        // before its start, and the contact vanished from the list with no problem reported
        Input in = Input.utf8("huge durations", lf(H, "P1,P2,2022-03-01 10:00,,440106199003074514,,,",
                "P1,P3,2022-03-01 10:00,,527041,,,", "P1,P4,2022-03-01 10:00,,527040,,,"));
        for (Reading r : List.of(sequential(in, write(in)), parallel(in, write(in), Set.of("P1"), Long.MAX_VALUE, 16))) {
            assertEquals(List.of("P4"), r.events().stream().map(ContactEvent::personB).toList());
            assertEquals(366 * WallClock.DAY, r.events().get(0).end() - r.events().get(0).start());
            assertEquals(List.of(
                    "contacts.csv:2: column 'duration_min': value '440106199003074514': expected at most 527040 "
                            + "minutes (366 days) [duration too long]",
                    "contacts.csv:3: column 'duration_min': value '527041': expected at most 527040 minutes (366 days) "
                            + "[duration too long]"),
                    r.log().errors().stream().map(e -> e.replaceFirst("^\\S*contacts-\\d+", "contacts")).toList());
        }
    }

    @Test
    void anEncounterWithOffsetsLastsAtLeastItsRealLength() throws IOException {
        // New York, 2024-11-03: 05:50Z is 01:50 EDT; from 06:00Z the clocks read EST, an hour
        // less. In wall-clock time 06:10Z (01:10 EST) is before the start, and the row once
        // stopped the run; 06:50Z (01:50 EST) gave 0 minutes, 07:00Z 10 minutes
        Input in = Input.utf8("fall back", lf(H,
                "P1,P2,2024-11-03T05:50Z,2024-11-03T06:10Z,,work,1,",
                "P1,P3,2024-11-03T01:50-04:00,2024-11-03T01:10-05:00,,work,1,",
                "P1,P4,2024-11-03T05:50Z,2024-11-03T06:40Z,,work,1,",
                "P1,P5,2024-11-03T05:50Z,2024-11-03T06:50Z,,work,1,",
                "P1,P6,2024-11-03T05:50Z,2024-11-03T07:00Z,,work,1,",
                "P1,P7,2024-11-03T05:50Z,2024-11-03T07:10Z,,work,1,",
                // spring forward, 2024-03-10: 06:30Z is 01:30 EST, 07:30Z 03:30 EDT; the wall
                // clock's 120 minutes are more than the real 60, and SPEC's arithmetic stands
                "P1,P8,2024-03-10T06:30Z,2024-03-10T07:30Z,,work,1,",
                // the real end before the real start, but not in wall-clock time: SPEC's arithmetic
                "P1,P9,2024-11-03T06:10Z,2024-11-03T05:50Z,,work,1,",
                // local times do not say which 01:10 they are, and an end before the start in both
                "P1,P10,2024-11-03 01:50,2024-11-03 01:10,,work,1,",
                "P1,P11,2024-11-03T05:50Z,2024-11-03 01:10,,work,1,",
                "P1,P12,2024-11-03T05:50Z,2024-11-03T05:10Z,,work,1,")).withZone(ZoneId.of("America/New_York"));
        long start = WallClock.of(LocalDateTime.of(2024, 11, 3, 1, 50));
        for (Reading r : List.of(sequential(in, write(in)), parallel(in, write(in), Set.of("P1"), Long.MAX_VALUE, 16))) {
            assertEquals(List.of("P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9"),
                    r.events().stream().map(ContactEvent::personB).toList());
            List<Long> minutes = r.events().stream().map(e -> (e.end() - e.start()) / 60).toList();
            assertEquals(List.of(20L, 20L, 50L, 60L, 70L, 80L, 120L, 40L), minutes);
            assertEquals(start, r.events().get(0).start());
            assertEquals(WallClock.of(LocalDateTime.of(2024, 11, 3, 1, 10)), r.events().get(7).start());
            assertEquals(List.of(10L, 11L, 12L), r.log().rejected().stream().map(RejectedRow::line).toList());
        }
    }

    @Test
    void onlyEventsTouchingTheGivenPersonsArriveOnFirstAndLaterPasses() throws IOException {
        Input in = random("random, touching", 99L, 2500, StandardCharsets.UTF_8);
        Path file = write(in);
        Reading seq = sequential(in, file);
        Set<String> touching = Set.of("P1", "P7", "张三", "P\n4", "Q17", "P１");
        Predicate<ContactEvent> touches = e -> touching.contains(e.personA()) || touching.contains(e.personB());
        List<ContactEvent> expected = filter(seq.events(), touches);
        assertTrue(expected.size() > 100, "expected events: " + expected.size());
        long[] starts = expected.stream().mapToLong(ContactEvent::start).sorted().toArray();
        long cutoff = starts[starts.length / 2];
        for (int size : new int[] {53, 777, 4096, 1 << 20}) {
            String where = "parts of " + size + " bytes";
            List<RejectedRow> rejected = new ArrayList<>();
            ProblemLog log = new ProblemLog(rejected::add);
            ContactsFile contacts = contacts(in, file, log, OnError.SKIP);
            ContactEventSource.Scan<Sink> first = contacts.scan(touching, Long.MAX_VALUE, Sink::new, size);
            Logged afterFirst = Logged.of(log, rejected);
            ContactEventSource.Scan<Sink> second = contacts.scan(touching, Long.MAX_VALUE, Sink::new, size);
            ContactEventSource.Scan<Sink> third = contacts.scan(touching, cutoff, Sink::new, size);
            ContactEventSource.Scan<Sink> fourth = contacts.scan(Set.of(), Long.MAX_VALUE, Sink::new, size);
            List<Executable> checks = new ArrayList<>();
            checks.add(() -> sameList(where + ", first pass: events", expected, concat(first.sinks())));
            checks.add(() -> assertEquals(seq.events().size(), first.events(), where + ", first pass: Scan.events"));
            checks.addAll(sameLog(where + ", first pass", seq.log(), afterFirst));
            checks.add(() -> sameList(where + ", second pass: events", expected, concat(second.sinks())));
            checks.add(() -> sameList(where + ", third pass (cutoff): events",
                    filter(expected, e -> e.start() < cutoff), concat(third.sinks())));
            checks.add(() -> sameList(where + ", pass touching no one: events", List.of(), concat(fourth.sinks())));
            checks.addAll(sameLog(where + ", after later passes", afterFirst, Logged.of(log, rejected)));
            assertAll(where, checks);
        }
    }

    @Test
    void aNonAsciiPersonOfInterestIsFoundOnLaterPasses() throws IOException {
        Input in = Input.utf8("Chinese ids", chineseIds());
        Path file = write(in);
        Reading seq = sequential(in, file);
        for (Set<String> touching : List.of(Set.of("张三"), Set.of("李四", "P1"), Set.of("Müller"), Set.of("P１"))) {
            List<ContactEvent> expected = filter(seq.events(),
                    e -> touching.contains(e.personA()) || touching.contains(e.personB()));
            assertFalse(expected.isEmpty(), touching.toString());
            for (int size : new int[] {1, 13, 4096}) {
                ContactsFile contacts = contacts(in, file, new ProblemLog(), OnError.SKIP);
                List<ContactEvent> first = concat(contacts.scan(touching, Long.MAX_VALUE, Sink::new, size).sinks());
                List<ContactEvent> second = concat(contacts.scan(touching, Long.MAX_VALUE, Sink::new, size).sinks());
                sameList(touching + " in parts of " + size + ", first pass", expected, first);
                sameList(touching + " in parts of " + size + ", second pass", expected, second);
            }
        }
    }

    /** Reading a file that breaks off inside a quote: both readers must stop with the same problem. */
    @TestFactory
    Stream<DynamicTest> csvSyntaxErrorsAreReportedAtTheSameLine() {
        List<Input> broken = List.of(
                Input.utf8("unterminated quote at the end", lf(HN,
                        "P1,P2,2022-03-01 10:00,,,,,,\"a\nb\"", "P2,P3,2022-03-01,,,,,,x",
                        "P1,P2,2022-02-30,,,,,,bad row before the error",
                        "P3,P4,2022-03-01,,,,,,\"never\nclosed\nat all")),
                Input.utf8("unterminated quote at the end, CRLF, no final newline", lines("\r\n", false, HN,
                        "P1,P2,2022-03-01 10:00,,,,,,\"a\r\nb\"", "P2,P3,2022-03-01,,,,,,x",
                        "P3,P4,2022-03-01,,,,,,\"never\r\nclosed")),
                Input.utf8("unterminated quote in the last cell, one character", lf(HN,
                        "P1,P2,2022-03-01 10:00,,,,,,x") + "P2,P3,2022-03-01,,,,,,\""),
                Input.utf8("text after a closing quote", lf(HN,
                        "P1,P2,2022-03-01 10:00,,,,,,\"a\nb\"", "P2,P3,2022-03-01,,,,,,x",
                        "P3,P4,2022-03-01,,,,,,\"multi\nline\"x", "P4,P5,2022-03-01,,,,,,y")),
                Input.utf8("non-ASCII text after a closing quote", lf(HN,
                        "P1,P2,2022-03-01 10:00,,,,,,\"a\nb\"", "P2,P3,2022-03-01,,,\"北京\"市,,,x",
                        "P4,P5,2022-03-01,,,,,,y")));
        return broken.stream().flatMap(in -> Stream.of(1, 7, 64, 4096).map(size ->
                DynamicTest.dynamicTest(in.name() + " / " + size + " bytes", () -> {
                    Path file = write(in);
                    List<RejectedRow> seqRejected = new ArrayList<>();
                    ProblemLog seqLog = new ProblemLog(seqRejected::add);
                    InputException expected = assertThrows(InputException.class,
                            () -> contacts(in, file, seqLog, OnError.SKIP).forEach(e -> { }));
                    List<RejectedRow> parRejected = new ArrayList<>();
                    ProblemLog parLog = new ProblemLog(parRejected::add);
                    InputException actual = assertThrows(InputException.class,
                            () -> contacts(in, file, parLog, OnError.SKIP).scan(Set.of("P1"), Long.MAX_VALUE,
                                    Sink::new, size));
                    String where = in.name() + " in parts of " + size;
                    // the parallel reader also puts the syntax problem in the log (validate dedups it)
                    Logged parBefore = Logged.of(withoutKind(parLog, "CSV syntax"), parRejected);
                    List<Executable> checks = new ArrayList<>();
                    checks.add(() -> assertEquals(expected.getMessage(), actual.getMessage(), where + ": message"));
                    checks.add(() -> assertEquals(expected.problems(), actual.problems(), where + ": problems"));
                    checks.addAll(sameLog(where + ": problems before the error", Logged.of(seqLog, seqRejected),
                            parBefore));
                    assertAll(where, checks);
                })));
    }

    /** A copy of a log's kept problems without those of one kind (rejected rows are not copied). */
    private static ProblemLog withoutKind(ProblemLog log, String kind) {
        ProblemLog copy = new ProblemLog();
        List<InputProblem> all = new ArrayList<>(log.errors());
        all.addAll(log.warnings());
        for (InputProblem p : all) {
            if (!p.kind().equals(kind)) {
                copy.add(p);
            }
        }
        for (long i = 0; i < log.rejectedRows(); i++) {
            copy.reject(null);
        }
        return copy;
    }

    // ------------------------------------------------------------------ exotic inputs

    /**
     * ASCII white space other than blank and tab (vertical tab, form feed, the separators
     * 0x1C–0x1F) before a cell's text: CsvReader trims it (Character.isWhitespace), so the
     * sequential reader's ids and settings have none of it.
     */
    @Test
    void asciiControlWhiteSpaceBeforeACellIsTrimmedAsBySequentialReader() throws IOException {
        Input in = Input.utf8("control white space", lf(H,
                "\u000BP1,P2,2022-03-01 10:00,,,,,",
                "P1,\fP3,2022-03-01 10:00,,,,,",
                "P1,P4,2022-03-01 10:00,,,\u001Fwork,,",
                "\u001CP5\u001C,P6,2022-03-01 10:00,,,,,",
                "P1,P7,\f2022-03-01 10:00,,\u000B30,,,\u000Byes"));
        assertAllPartSizes(in, 1, 64, 4096);
    }

    /**
     * A byte-order mark at the start of a data line (files joined with cat, each saved with a
     * BOM): the sequential reader keeps U+FEFF in the cell; a row read the ordinary way by the
     * parallel reader must not lose it.
     */
    @Test
    void byteOrderMarkAtTheStartOfADataLineIsKeptAsBySequentialReader() throws IOException {
        Input in = Input.utf8("BOM inside the data", "\uFEFF" + lf(H,
                "P1,P2,2022-03-01 10:00,,,,,")
                + "\uFEFF" + lf(H, "\uFEFFP3,P4,2022-03-01 10:00,,,,,", "\uFEFF", "P5,P6,2022-03-01,,,,,"));
        assertAllPartSizes(in, 1, 64, 4096);
    }

    /**
     * A UTF-8 file read as GB18030 (a wrong --encoding): Java's GB18030 decoder reads a lead
     * byte, a digit and the next byte as one malformed sequence, so "中1" followed by a line
     * end loses the line end in the sequential reader. The parallel reader must read the same
     * records.
     */
    @Test
    void utf8BytesReadAsGb18030GiveTheSequentialReadersRecords() throws IOException {
        String text = lf(HN,
                "P1,P2,2022-03-01 10:00,,,,,,中1",
                "P2,P3,2022-03-01 11:00,,,,,,x",
                "P3,P4,2022-03-01 12:00,,,中1,,,\"quoted\"",
                "P4,P5,2022-03-01 13:00,,,,,,y");
        Input in = new Input("UTF-8 read as GB18030", text.getBytes(StandardCharsets.UTF_8), GB18030, SHANGHAI,
                registry());
        assertAllPartSizes(in, 1, 64, 4096);
    }

    /**
     * The same with "中1" inside quotes: the sequential reader loses the closing quote and
     * stops with a CSV syntax error (an InputException); the parallel reader must stop the
     * same way.
     */
    @Test
    void utf8QuotedTextReadAsGb18030StopsAsTheSequentialReader() throws IOException {
        String text = lf(HN,
                "P1,P2,2022-03-01 10:00,,,,,,\"中1\"",
                "P2,P3,2022-03-01 11:00,,,,,,\"x\"",
                "P3,P4,2022-03-01 12:00,,,,,,y");
        Input in = new Input("quoted UTF-8 read as GB18030", text.getBytes(StandardCharsets.UTF_8), GB18030,
                SHANGHAI, registry());
        Path file = write(in);
        InputException expected = assertThrows(InputException.class, () -> sequential(in, file));
        assertTrue(expected.getMessage().contains(":3: expected a comma"), expected.getMessage());
        assertAllPartSizes(in, 1, 64, 4096);
    }

    private void assertAllPartSizes(Input in, int... sizes) {
        List<Executable> checks = new ArrayList<>();
        for (int size : sizes) {
            checks.add(() -> check(in, size));
        }
        assertAll(in.name(), checks);
    }

    /**
     * Under --on-error fail, the sequential reader stops at the row that brings the errors to
     * FAIL_AFTER; the parallel reader must stop with the same message and the same errors.
     */
    @ParameterizedTest
    @ValueSource(strings = {"P1,P2,2022-02-30 10:00,,,,,", "P1,P2", "P1,P2,2022-03-01,,,,,,,"})
    void underFailReadingStopsAfterTheSameErrorsAsTheSequentialReader(String badRow) throws IOException {
        // a bad date, or a row of the wrong width, which the sequential table rejects itself and
        // which did not count towards the stop there (a second reader's differential run)
        List<String> rows = new ArrayList<>();
        rows.add(H);
        for (int i = 0; i < 300; i++) {
            rows.add(i % 2 == 0 ? "P1,P2,2022-03-01 10:00,,,,," : badRow);
        }
        Input in = Input.utf8("150 bad rows under fail", lf(rows.toArray(new String[0])));
        Path file = write(in);
        InputException expected = assertThrows(InputException.class,
                () -> contacts(in, file, new ProblemLog(), OnError.FAIL).forEach(e -> { }));
        assertTrue(expected.getMessage().contains("stopped reading"), expected.getMessage());
        List<Executable> checks = new ArrayList<>();
        for (int size : new int[] {1, 64, 700, 2000, 4096, 1 << 20}) {
            checks.add(() -> {
                ProblemLog log = new ProblemLog();
                InputException actual = assertThrows(InputException.class,
                        () -> contacts(in, file, log, OnError.FAIL).scan(Set.of("P1"), Long.MAX_VALUE, Sink::new,
                                size));
                assertEquals(expected.getMessage(), actual.getMessage(), "parts of " + size + ": message");
                assertEquals(expected.problems(), actual.problems(), "parts of " + size + ": problems");
            });
        }
        assertAll(checks);
    }

    /** {@code validate}'s reading: every problem, in parts, with no person of interest and no event made. */
    @TestFactory
    Stream<DynamicTest> checkingAFileFindsTheSequentialReadersProblems() {
        return inputs().stream().flatMap(in -> Arrays.stream(PART_SIZES).mapToObj(size ->
                DynamicTest.dynamicTest(in.name() + " / " + size + " bytes", () -> {
                    Path file = write(in);
                    Reading seq;
                    try {
                        seq = sequential(in, file);
                    } catch (InputException stopped) {
                        InputException actual = assertThrows(InputException.class,
                                () -> contacts(in, file, new ProblemLog(), OnError.SKIP).readForProblems(size));
                        assertEquals(stopped.getMessage(), actual.getMessage());
                        return;
                    }
                    List<RejectedRow> rejected = new ArrayList<>();
                    ProblemLog log = new ProblemLog(rejected::add);
                    long events = contacts(in, file, log, OnError.SKIP).readForProblems(size);
                    List<Executable> checks = new ArrayList<>(sameLog(in.name(), seq.log(), Logged.of(log, rejected)));
                    checks.add(() -> assertEquals(seq.events().size(), events, "events counted"));
                    assertAll(in.name() + " / " + size, checks);
                })));
    }

    @Test
    void defaultPartLengthReadsLikeTheSequentialReader() throws IOException {
        Input in = random("random, default parts", 5L, 1500, StandardCharsets.UTF_8);
        Path file = write(in);
        Reading seq = sequential(in, file);
        ProblemLog log = new ProblemLog();
        ContactEventSource.Scan<Sink> scan = contacts(in, file, log, OnError.SKIP).scan(ids(seq.events()),
                Long.MAX_VALUE, Sink::new);
        sameList("events", seq.events(), concat(scan.sinks()));
        assertEquals(seq.log().errors(), Logged.of(log, List.of()).errors());
    }

    /** A part read through windows of every size ends one somewhere around a broken record's non-ASCII text. */
    @TestFactory
    Stream<DynamicTest> aBrokenRecordIsWordedTheSameWhereverAWindowEnds() {
        Input in = Input.utf8("broken", lf(HN, "P1,P2,2022-03-01 10:00,,,,,,a", "P3,P4,2022-03-01 10:00,,,,,,b",
                "P1,P2,2022-03-01 10:00,,,,,,\"note\"\u4e2d\u6587x", "P5,P6,2022-03-01 10:00,,,,,,c"));
        return java.util.stream.IntStream.range(1, 220).boxed().map(size ->
                DynamicTest.dynamicTest(size + " bytes", () -> check(in, size)));
    }

    @TestFactory
    Stream<DynamicTest> randomFilesReadThroughOddWindows() {
        Input utf8 = random("random UTF-8, odd windows", 99L, 600, StandardCharsets.UTF_8);
        Input gb = random("random GB18030, odd windows", 98L, 400, GB18030);
        return java.util.stream.IntStream.of(3, 5, 11, 17, 29, 31, 53, 127, 257, 511).boxed().flatMap(size ->
                Stream.of(DynamicTest.dynamicTest("UTF-8 " + size, () -> check(utf8, size)),
                        DynamicTest.dynamicTest("GB18030 " + size, () -> check(gb, size))));
    }
}
