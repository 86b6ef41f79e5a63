package org.ctrace.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    private static final List<String> FILES = List.of("cases.csv", "contacts.csv", "persons.csv", "quarantine.csv");

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int exit = Main.run(new ByteArrayInputStream(new byte[0]), out, new PrintWriter(err, true), args);
        return new Run(exit, out.toString(UTF_8), err.toString());
    }

    /** 2,000 persons, 20 cases, 20,000 events, seed 42 unless the options say otherwise. */
    private Path simulate(String name, String... more) {
        Path dir = tmp.resolve(name);
        Stream<String> seed = Arrays.asList(more).contains("--seed") ? Stream.of() : Stream.of("--seed", "42");
        String[] args = Stream.of(Stream.of("simulate", "--persons", "2000", "--cases", "20", "--events", "20000",
                "--out", dir.toString()), seed, Arrays.stream(more)).flatMap(s -> s).toArray(String[]::new);
        Run r = run(args);
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.out(), "nothing on standard output");
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("ctrace simulate: 2000 persons ("), r.err());
        return dir;
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, UTF_8);
    }

    @Test
    void theSameSeedWritesTheSameBytes() throws IOException {
        Path a = simulate("a");
        Path b = simulate("b");
        Path c = simulate("c", "--seed", "43");
        try (Stream<Path> files = Files.list(a)) {
            assertEquals(FILES, files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left");
        }
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        assertFalse(Arrays.equals(Files.readAllBytes(a.resolve("contacts.csv")),
                Files.readAllBytes(c.resolve("contacts.csv"))), "another seed, other contacts");
    }

    @Test
    void filesHaveTheCanonicalHeadersUtf8AndLf() throws IOException {
        Path dir = simulate("zh", "--lang", "zh");
        assertEquals("person_id,name,phone,city,district,town,village,household_id", lines(dir.resolve("persons.csv")).get(0));
        assertEquals("person_id,classification,onset_date,sample_date,isolation_date,infector",
                lines(dir.resolve("cases.csv")).get(0));
        assertEquals("person_a,person_b,start,end,duration_min,setting,distance_m,protected",
                lines(dir.resolve("contacts.csv")).get(0));
        assertEquals("person_id,status,start_date,end_date,site_id", lines(dir.resolve("quarantine.csv")).get(0));
        for (String f : FILES) {
            String text = Files.readString(dir.resolve(f), UTF_8);
            assertFalse(text.contains("\r"), f + " has LF line ends only");
            assertTrue(text.endsWith("\n"), f);
        }
        String person = lines(dir.resolve("persons.csv")).get(1);
        assertTrue(person.matches("P0001,\\p{IsHan}{2,3},(\\+86 )?\\d{11},\\p{IsHan}+市,\\p{IsHan}+区,\\p{IsHan}+(镇|街道),"
                + "\\p{IsHan}+村,H0001"), person);
    }

    /**
     * Every generated row passes validate with no error and no warning (not even an unknown
     * person or a quarantine end before its start), and trace finds both tiers.
     */
    @Test
    void aGeneratedSetValidatesAndTracesBothTiers() throws IOException {
        Path dir = simulate("set");
        assertEquals(20_001, lines(dir.resolve("contacts.csv")).size(), "exactly --events rows");
        assertEquals(2_001, lines(dir.resolve("persons.csv")).size());
        assertEquals(21, lines(dir.resolve("cases.csv")).size());

        Run validate = run("validate", "--in", dir.toString(), "--zone", "Asia/Shanghai");
        assertEquals(0, validate.exit(), validate.out() + validate.err());
        assertTrue(validate.out().contains("0 errors, 0 warnings"), validate.out());

        Run trace = run("trace", "--in", dir.toString(), "--as-of", "2024-03-21", "--zone", "Asia/Shanghai");
        assertEquals(0, trace.exit(), trace.err());
        long close = trace.out().lines().filter(l -> l.split(",", -1)[2].equals("close")).count();
        long secondary = trace.out().lines().filter(l -> l.split(",", -1)[2].equals("secondary")).count();
        assertTrue(close > 0 && secondary > 0, close + " close, " + secondary + " secondary");
    }

    /** Share of contact rows with a case on either side; the haystack meets a case only by chance. */
    private static double shareTouchingCases(Path dir) throws IOException {
        Set<String> cases = new HashSet<>();
        lines(dir.resolve("cases.csv")).stream().skip(1).forEach(l -> cases.add(l.substring(0, l.indexOf(','))));
        List<String> rows = lines(dir.resolve("contacts.csv")).subList(1, 20_001);
        long touching = rows.stream().map(l -> l.split(",", 3))
                .filter(c -> cases.contains(c[0]) || cases.contains(c[1])).count();
        return touching / (double) rows.size();
    }

    @Test
    void caseShareChangesTheShareOfEventsTouchingCases() throws IOException {
        double haystack = shareTouchingCases(simulate("haystack", "--case-share", "0.01"));
        double outbreak = shareTouchingCases(simulate("outbreak", "--case-share", "0.9"));
        // 20 cases among 2000 persons meet about 2% of random pairs by chance; of the planned
        // events, most meet a case and the others a recent contact of one.
        assertTrue(haystack < 0.06, "share 0.01: " + haystack);
        assertTrue(outbreak > 0.45 && outbreak < 0.95, "share 0.9: " + outbreak);
    }

    @Test
    void badArgumentsAreUsageErrors() {
        Path dir = tmp.resolve("bad");
        Run tooMany = run("simulate", "--persons", "10", "--cases", "11", "--events", "5", "--seed", "1",
                "--out", dir.toString());
        assertEquals(2, tooMany.exit(), tooMany.err());
        assertTrue(tooMany.err().contains("cases must be from 0 to the number of persons (10), not 11"), tooMany.err());
        assertEquals(2, run("simulate", "--persons", "10", "--cases", "1", "--events", "5", "--out", dir.toString()).exit(),
                "--seed is required");
        assertEquals(2, run("simulate", "--persons", "10", "--cases", "1", "--events", "5", "--seed", "1",
                "--out", dir.toString(), "--case-share", "2").exit());
        // the dates made around a period that ends late would not read back
        Run late = run("simulate", "--persons", "10", "--cases", "1", "--events", "5", "--seed", "1",
                "--out", dir.toString(), "--start", "2199-06-01");
        assertEquals(2, late.exit(), late.err());
        assertTrue(late.err().contains("must lie in the years 1900 to 2199"), late.err());
        assertFalse(Files.exists(dir), "nothing written");
    }

    @Test
    void anUnwritableFolderIsExitOneAndLeavesNothing() throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        Run r = run("simulate", "--persons", "10", "--cases", "1", "--events", "5", "--seed", "1",
                "--out", file.resolve("sub").toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("cannot be written"), r.err());
    }
}
