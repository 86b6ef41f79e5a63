package org.ctrace.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC §2 encodings: UTF-8 by default with an optional BOM, any Java charset through
 * {@code --encoding}, GB18030/GBK as Chinese spreadsheets save CSV; output always UTF-8 (§4).
 * Header names are matched without regard to case, surrounding spaces or order.
 */
class EncodingTest {

    private static final String ENCODING_PROBLEM = "': expected text in UTF-8 (the file seems to be in another encoding: see "
            + "--encoding)";

    @TempDir
    Path dir;

    /** Copies the GB18030 set of src/test/resources/cli/gb18030 into the temporary folder. */
    private void copyGb18030Set() throws IOException {
        for (String name : List.of("persons.csv", "cases.csv", "contacts.csv")) {
            try (InputStream in = EncodingTest.class.getResourceAsStream("/cli/gb18030/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
    }

    private String[] gbArgs(String... more) {
        return Ctrace.concat(new String[] {"trace", "--as-of", Ctrace.AS_OF, "--zone", "Asia/Shanghai",
            "--persons", dir.resolve("persons.csv").toString(), "--cases", dir.resolve("cases.csv").toString(),
            "--contacts", dir.resolve("contacts.csv").toString()}, more);
    }

    /** The list SPEC §3/§5 gives for the GB18030 set: two close contacts of C1 (window 03-06 to 03-13). */
    private static final String GB_LIST = Ctrace.LIST_HEADER + "\n"
            + "P1,王娜,close,C1,2024-03-09 10:00,2024-03-09 10:30,centralized,2024-03-16,2024-03-19,13800000002,"
            + "华溪市,东城区,娜胜镇,春红社区,none,quarantine," + Ctrace.cn9Basis("2024-03-09", "C1", "聚餐") + "\n"
            + "P2,阿依·\uD842\uDFB7利,close,C1,2024-03-09 12:00,2024-03-09 12:20,centralized,2024-03-16,2024-03-19,"
            + "'+86 139 0000 0003,华溪市,西城区,青林街道,浩军社区,none,quarantine,"
            + Ctrace.cn9Basis("2024-03-09", "C1", "household") + "\n";

    @Test
    void resourceFilesAreReallyGb18030() throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of(resourcePath("persons.csv")));
        assertFalse(Arrays.equals(bytes, new String(bytes, UTF_8).getBytes(UTF_8)), "not valid UTF-8");
        assertTrue(new String(bytes, Charset.forName("GB18030")).contains("阿依·\uD842\uDFB7利"));
    }

    private static String resourcePath(String name) {
        try {
            return Path.of(EncodingTest.class.getResource("/cli/gb18030/" + name).toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void gb18030InputGivesUtf8Output() throws IOException {
        copyGb18030Set();
        Ctrace.Result r = Ctrace.run(gbArgs("--encoding", "GB18030", "--quiet"));
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.err());
        assertArrayEquals(GB_LIST.getBytes(UTF_8), r.outBytes());
    }

    @Test
    void gb18030CharsetNameInAnyCase() throws IOException {
        copyGb18030Set();
        Ctrace.Result r = Ctrace.run(gbArgs("--encoding", "gb18030", "--quiet"));
        assertEquals(0, r.exit(), r::toString);
        assertEquals(GB_LIST, r.out());
    }

    @Test
    void gb18030ToAFileIsUtf8Too() throws IOException {
        copyGb18030Set();
        Path out = dir.resolve("list.csv");
        Ctrace.Result r = Ctrace.run(gbArgs("--encoding", "GB18030", "-o", out.toString()));
        assertEquals(0, r.exit(), r::toString);
        assertArrayEquals(GB_LIST.getBytes(UTF_8), Files.readAllBytes(out));
    }

    @Test
    void gb18030ReadAsUtf8IsAnEncodingProblemWithLineAndColumn() throws IOException {
        copyGb18030Set();
        Path out = dir.resolve("list.csv");
        Ctrace.Result r = Ctrace.run(gbArgs("-o", out.toString()));
        assertEquals(1, r.exit(), r::toString);
        String first = r.errLines().get(0);
        String persons = dir.resolve("persons.csv").toString();
        assertTrue(first.startsWith(persons + ":2: column 'name': value '"), first);
        assertTrue(first.endsWith(ENCODING_PROBLEM), first);
        assertTrue(first.contains("\uFFFD"), "the undecodable bytes are shown as replacement characters");
        assertFalse(Files.exists(out));
    }

    @Test
    void validateListsEveryEncodingProblem() throws IOException {
        copyGb18030Set();
        Ctrace.Result r = Ctrace.run("validate", "--as-of", Ctrace.AS_OF, "--zone", "Asia/Shanghai",
                "--persons", dir.resolve("persons.csv").toString(), "--cases", dir.resolve("cases.csv").toString(),
                "--contacts", dir.resolve("contacts.csv").toString());
        assertEquals(1, r.exit(), r::toString);
        String persons = dir.resolve("persons.csv").toString();
        String contacts = dir.resolve("contacts.csv").toString();
        List<String> lines = r.outLines();
        // persons.csv: name, city, district, town and village of rows 2-4; contacts.csv: the setting of row 2
        for (int line = 2; line <= 4; line++) {
            for (String column : List.of("name", "city", "district", "town", "village")) {
                String prefix = persons + ":" + line + ": column '" + column + "': value '";
                assertEquals(1, lines.stream().filter(l -> l.startsWith(prefix) && l.endsWith(ENCODING_PROBLEM)).count(),
                        () -> prefix + "\n" + r);
            }
        }
        assertEquals(1, lines.stream().filter(l -> l.startsWith(contacts + ":2: column 'setting': value '")
                && l.endsWith(ENCODING_PROBLEM)).count(), r::toString);
        assertTrue(lines.contains("  errors: encoding: 16"), r::toString);
    }

    /**
     * A file saved as UTF-16 ("Unicode Text" in Excel) read as UTF-8 decodes, NUL bytes and
     * all: the header is named as an encoding problem, not echoed with its NULs as a header
     * that lacks its columns.
     */
    @ParameterizedTest
    @CsvSource({"persons.csv,UTF-16LE,false", "cases.csv,UTF-16,false", "contacts.csv,UTF-16BE,false",
        "quarantine.csv,UTF-16,false", "persons.csv,UTF-16LE,true", "contacts.csv,UTF-16BE,true",
        "cases.csv,UTF-16LE,true"})
    void utf16ReadAsUtf8IsNamedAsAnEncodingProblem(String name, String charset, boolean quoted) {
        SmallSet.Files set = SmallSet.write(dir);
        Path file = dir.resolve(name);
        String text = Ctrace.read(file);
        if (quoted) {
            // as pandas's QUOTE_ALL writes it: in UTF-16LE, a NUL follows the header's closing quote
            int end = text.indexOf('\n');
            text = "\"" + text.substring(0, end).replace(",", "\",\"") + "\"" + text.substring(end);
        }
        Ctrace.writeBytes(dir, name, text.getBytes(Charset.forName(charset)));
        Path out = dir.resolve("list.csv");
        Ctrace.Result r = Ctrace.trace(Ctrace.concat(set.args(), "-o", out.toString()));
        assertEquals(1, r.exit(), r::toString);
        assertEquals(file + ":1: expected text in UTF-8, but the header holds NUL bytes, as a file in UTF-16 does "
                + "(the file seems to be in another encoding: save it as CSV UTF-8, or see --encoding)",
                r.errLines().get(0), r::toString);
        assertFalse(r.err().contains("\u0000"), r::toString);
        assertFalse(Files.exists(out));
    }

    @Test
    void gbkInputWithEncodingGbk() {
        Charset gbk = Charset.forName("GBK");
        Ctrace.writeBytes(dir, "persons.csv", ("person_id,name,phone,city,district,town,village\n"
                + "C1,李涛,1,华溪市,东城区,娜胜镇,春红社区\n"
                + "P1,周宝婷,2,华溪市,东城区,娜胜镇,云毅村\n").getBytes(gbk));
        Ctrace.writeBytes(dir, "cases.csv", "person_id,onset_date,isolation_date\nC1,2024-03-10,2024-03-12\n".getBytes(gbk));
        Ctrace.writeBytes(dir, "contacts.csv",
                "person_a,person_b,start,duration_min,setting\nP1,C1,2024-03-11 09:00,20,家庭聚会\n".getBytes(gbk));
        Ctrace.Result r = Ctrace.run(gbArgs("--encoding", "GBK", "--quiet"));
        assertEquals(0, r.exit(), r::toString);
        assertEquals(Ctrace.LIST_HEADER + "\n"
                + "P1,周宝婷,close,C1,2024-03-11 09:00,2024-03-11 09:20,centralized,2024-03-18,2024-03-21,2,"
                + "华溪市,东城区,娜胜镇,云毅村,none,quarantine," + Ctrace.cn9Basis("2024-03-11", "C1", "家庭聚会") + "\n",
                r.out());
    }

    @Test
    void utf8WithBomCrlfAndMessyHeadersWorks() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Ctrace.writeBytes(dir, "persons.csv", concat(bom, (" Village , HOUSEHOLD_ID ,Name,Age,  Person_ID ,Phone,"
                + "DISTRICT,Town,City\r\n"
                + "Huayun Village,H1,王娜,34,P1,139,Nanshan,Anwei Town,Huaxi\r\n"
                + "Weijie Village,H2,Case One,50,C1,138,Beihu,Huayu Town,Huaxi\r\n").getBytes(UTF_8)));
        Ctrace.writeBytes(dir, "cases.csv", concat(bom, ("Isolation_Date , ONSET_DATE,notes,PERSON_ID\r\n"
                + "2024-03-12,2024-03-10,first case,C1\r\n").getBytes(UTF_8)));
        Ctrace.writeBytes(dir, "contacts.csv", concat(bom, ("  Setting , START,Person_B ,comment, PERSON_A,"
                + "Duration_Min\r\n"
                + "MEAL,2024-03-09 10:00,P1,\"said \"\"hi\"\"\",C1,30\r\n").getBytes(UTF_8)));
        Ctrace.Result r = Ctrace.run(gbArgs("--quiet"));
        assertEquals(0, r.exit(), r::toString);
        assertEquals(Ctrace.LIST_HEADER + "\n"
                + "P1,王娜,close,C1,2024-03-09 10:00,2024-03-09 10:30,centralized,2024-03-16,2024-03-19,139,"
                + "Huaxi,Nanshan,Anwei Town,Huayun Village,none,quarantine," + Ctrace.cn9Basis("2024-03-09", "C1", "meal")
                + "\n", r.out());
    }

    @Test
    void outputIsUtf8WhateverTheInputEncoding() throws IOException {
        copyGb18030Set();
        Ctrace.Result r = Ctrace.run(gbArgs("--encoding", "GB18030", "--quiet", "--format", "json"));
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("\"name\": \"阿依·\uD842\uDFB7利\""), r::toString);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
