package org.ctrace.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code trace} output (SPEC §4, §5): formats, BOM, formula-injection escaping, -o written
 * whole, the summary line, and usage errors.
 */
class TraceOutputTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path dir;

    private SmallSet.Files set;

    private Ctrace.Result trace(String... more) {
        if (set == null) {
            set = SmallSet.write(dir);
        }
        return Ctrace.trace(Ctrace.concat(set.args(), more));
    }

    @Test
    void csvIsTheDefault() {
        Ctrace.Result r = trace("--quiet");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(SmallSet.LIST_CSV, r.out());
        assertEquals("", r.err());
    }

    @Test
    void csvFormat() {
        assertEquals(SmallSet.LIST_CSV, trace("--quiet", "--format", "csv").out());
        assertEquals(SmallSet.LIST_CSV, trace("--quiet", "--format", "CSV").out());
    }

    @Test
    void inDirReadsTheStandardNames() {
        SmallSet.write(dir);
        Ctrace.Result r = Ctrace.trace("--in", dir.toString(), "--quiet");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(SmallSet.LIST_CSV, r.out());
    }

    @Test
    void formulaInjectionIsEscapedInCsv() {
        List<String> rows = trace("--quiet").outLines();
        assertTrue(rows.get(1).contains(",'+86 138 0000 0001,"), "phone '+86 …' gets a leading quote");
        assertTrue(rows.get(2).startsWith("P2,'=cmd,"), "'=cmd' gets a leading quote");
        assertTrue(rows.get(2).contains(",-5,"), "a number such as -5 is left alone");
        assertTrue(rows.get(3).contains(",'@home,"), "'@…' gets a leading quote");
    }

    @Test
    void tsvFormat() {
        Ctrace.Result r = trace("--quiet", "--format", "tsv");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(SmallSet.LIST_CSV.replace(',', '\t'), r.out(),
                "the same cells, tab-separated, escaped the same way (no cell here holds a comma)");
    }

    @Test
    void jsonFormat() {
        Ctrace.Result r = trace("--quiet", "--format", "json");
        assertEquals(0, r.exit(), r::toString);
        String out = r.out();
        assertTrue(out.startsWith("[\n  {\"person_id\": \"P1\", \"name\": \"Ann Li\", \"tier\": \"close\", "
                + "\"sources\": \"C1\", \"first_exposure\": \"2024-03-09 10:00\", "), out);
        assertTrue(out.endsWith(", \"action\": \"quarantine\", \"basis\": \"last exposure 2024-03-12 to P1 (household); "
                + "cn-9: 7 days home\"}\n]\n"), out);
        assertEquals(5, r.outLines().size(), "[, three objects, ]");
        assertTrue(out.contains("\"phone\": \"+86 138 0000 0001\""), "JSON is not a spreadsheet: values as they are");
        assertTrue(out.contains("\"name\": \"=cmd\""), out);
        assertTrue(out.contains("\"monitoring_end\": \"\""), "empty cells are empty strings");
    }

    @Test
    void tableFormat() {
        Ctrace.Result r = trace("--quiet", "--format", "table");
        assertEquals(0, r.exit(), r::toString);
        List<String> lines = r.outLines();
        assertEquals(5, lines.size(), r::toString);
        assertTrue(lines.get(0).startsWith("person_id  name    tier       sources  first_exposure    "), lines.get(0));
        assertTrue(lines.get(1).matches("-{9}  -{6}  -{9}  -{7}  -{16}  .*"), lines.get(1));
        assertTrue(lines.get(2).startsWith("P1         Ann Li  close      C1       2024-03-09 10:00  "), lines.get(2));
        assertTrue(lines.get(4).startsWith("S1         Sam Wu  secondary  P1       2024-03-12 18:00  "), lines.get(4));
        int basis = lines.get(0).indexOf("basis");
        for (String l : lines.subList(2, 5)) {
            assertEquals("last exposure", l.substring(basis, basis + 13), "columns are aligned: " + l);
        }
    }

    @Test
    void unknownFormatIsAUsageError() {
        Ctrace.Result r = trace("--format", "xml");
        assertEquals(2, r.exit(), r::toString);
        assertEquals("", r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "tsv", "json", "table"})
    void bomWritesEfBbBfFirst(String format) {
        Ctrace.Result without = trace("--quiet", "--format", format);
        Ctrace.Result with = trace("--quiet", "--format", format, "--bom");
        assertEquals(0, with.exit(), with::toString);
        assertArrayEquals(BOM, Arrays.copyOf(with.outBytes(), 3));
        assertArrayEquals(without.outBytes(), Arrays.copyOfRange(with.outBytes(), 3, with.outBytes().length));
        assertFalse(without.out().startsWith("\uFEFF"), "no BOM unless asked");
    }

    @Test
    void bomToAFile() throws IOException {
        Path out = dir.resolve("list.csv");
        Ctrace.Result r = trace("--quiet", "--bom", "-o", out.toString());
        assertEquals(0, r.exit(), r::toString);
        byte[] bytes = Files.readAllBytes(out);
        assertArrayEquals(BOM, Arrays.copyOf(bytes, 3));
        assertEquals(SmallSet.LIST_CSV, new String(bytes, 3, bytes.length - 3, UTF_8));
    }

    @Test
    void outputFileIsWrittenWithNothingOnStdoutAndNoTemporaryFile() {
        Path out = dir.resolve("list.csv");
        Ctrace.Result r = trace("-o", out.toString());
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.out());
        assertEquals(SmallSet.LIST_CSV, Ctrace.read(out));
        assertEquals(List.of("cases.csv", "contacts.csv", "list.csv", "persons.csv", "quarantine.csv"), Ctrace.list(dir));
    }

    @Test
    void outputFileReplacesAnOlderOne() {
        Path out = Ctrace.write(dir, "list.csv", "yesterday");
        Ctrace.Result r = trace("--output", out.toString(), "--quiet");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(SmallSet.LIST_CSV, Ctrace.read(out));
        assertEquals(List.of("cases.csv", "contacts.csv", "list.csv", "persons.csv", "quarantine.csv"), Ctrace.list(dir));
    }

    @Test
    void outputIntoAMissingFolderIsExit1AndNamesTheFile() {
        Path out = dir.resolve("no-such-folder").resolve("list.csv");
        Ctrace.Result r = trace("-o", out.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.errLines().get(0).startsWith("ctrace trace: " + out + ": cannot be written"), r::toString);
    }

    @Test
    void summaryLineOnStandardError() {
        Ctrace.Result r = trace();
        assertEquals(0, r.exit(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.errLines().get(0).matches("ctrace trace: 1 cases \\(1 sources\\), 4 events read, 1 after 2024-03-15, "
                + "2 close, 1 secondary, \\d+\\.\\d s"), r.err());
        assertEquals(SmallSet.LIST_CSV, r.out(), "the summary never goes to standard output");
    }

    @Test
    void quietDropsTheSummary() {
        Ctrace.Result r = trace("--quiet");
        assertEquals("", r.err());
    }

    @Test
    void warningsGoToStandardErrorAndDoNotChangeTheExitCode() {
        set = SmallSet.write(dir);
        String[] contacts = Arrays.copyOf(SmallSet.CONTACTS, SmallSet.CONTACTS.length + 1);
        contacts[contacts.length - 1] = "C1,X9,2024-03-10 10:00,,10,vehicle,,";
        Ctrace.write(dir, "contacts.csv", contacts);
        Ctrace.Result r = trace();
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.errLines().contains(set.contacts() + ":6: warning: column 'person_b': value 'X9': not in persons.csv"),
                r::toString);
        assertTrue(r.out().contains("\nX9,,close,C1,2024-03-10 10:00,2024-03-10 10:10,centralized,2024-03-17,2024-03-20,"
                + ",,,,,none,quarantine,"), "SPEC §5: persons missing from persons.csv are listed with empty name "
                + "and areas\n" + r.out());
    }

    @Test
    void unknownProfileIsAUsageError() {
        Ctrace.Result r = trace("--profile", "who-2020");
        assertEquals(2, r.exit(), r::toString);
        assertEquals("ctrace trace: unknown profile 'who-2020'; expected one of cn-9, cn-8, cn-5, cdc-2020, ecdc-2020",
                r.errLines().get(0));
        assertEquals("", r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13-01", "2024-02-30", "tomorrow", "15/03/2024", "2024-3-15"})
    void badAsOfIsAUsageError(String asOf) {
        set = SmallSet.write(dir);
        Ctrace.Result r = Ctrace.run(Ctrace.concat(new String[] {"trace", "--zone", "UTC", "--as-of", asOf}, set.args()));
        assertEquals(2, r.exit(), r::toString);
        assertEquals("ctrace trace: Invalid value for option '--as-of': '" + asOf + "' is not a date (yyyy-MM-dd, yyyy/M/d or yyyyMMdd)",
                r.errLines().get(0));
        assertEquals("", r.out());
    }

    @Test
    void asOfInEveryDateForm() {
        set = SmallSet.write(dir);
        for (String asOf : List.of("2024-03-15", "2024/3/15", "20240315")) {
            Ctrace.Result r = Ctrace.run(Ctrace.concat(new String[] {"trace", "--zone", "UTC", "--quiet", "--as-of", asOf},
                    set.args()));
            assertEquals(0, r.exit(), r::toString);
            assertEquals(SmallSet.LIST_CSV, r.out(), asOf);
        }
    }

    @Test
    void badZoneIsAUsageError() {
        Ctrace.Result r = trace("--zone", "Mars/Olympus");
        assertEquals(2, r.exit(), r::toString);
        assertEquals("ctrace trace: Invalid value for option '--zone': 'Mars/Olympus' is not a time zone (such as Asia/Shanghai or +08:00)",
                r.errLines().get(0));
    }

    @Test
    void unknownOptionIsAUsageError() {
        Ctrace.Result r = trace("--frobnicate");
        assertEquals(2, r.exit(), r::toString);
        assertEquals("ctrace trace: Unknown option: '--frobnicate'", r.errLines().get(0));
        assertEquals("", r.out());
    }

    @Test
    void unknownEncodingIsAUsageError() {
        Ctrace.Result r = trace("--encoding", "NO-SUCH-CHARSET");
        assertEquals(2, r.exit(), r::toString);
        assertEquals("", r.out());
    }

    @Test
    void missingCasesIsAUsageError() {
        Ctrace.Result r = Ctrace.trace("--contacts", dir.resolve("contacts.csv").toString());
        assertEquals(2, r.exit(), r::toString);
        assertEquals("ctrace trace: no cases.csv: give --cases FILE or --in DIR", r.errLines().get(0));
    }

    @Test
    void noCommandIsAUsageError() {
        Ctrace.Result r = Ctrace.run();
        assertEquals(2, r.exit(), r::toString);
    }

    @Test
    void booleanOverridesParse() {
        Ctrace.Result r = trace("--quiet", "--trace-secondary=false", "--household-rule", "false");
        assertEquals(0, r.exit(), r::toString);
        // without tier 2, S1 is not listed
        List<String> lines = r.outLines();
        assertEquals(3, lines.size(), r::toString);
        assertTrue(lines.get(1).startsWith("P1,Ann Li,close,"), r::toString);
        assertTrue(lines.get(2).startsWith("P2,'=cmd,close,"), r::toString);
    }

    @Test
    void booleanOverridesParseInEveryForm() {
        for (String[] opts : List.of(new String[] {"--trace-secondary", "false"}, new String[] {"--trace-secondary=FALSE"},
                new String[] {"--household-rule=false", "--trace-secondary=true"}, new String[] {"--household-rule"},
                new String[] {"--include-suspected=false"})) {
            Ctrace.Result r = trace(Ctrace.concat(new String[] {"--quiet"}, opts));
            assertEquals(0, r.exit(), () -> String.join(" ", opts) + "\n" + r);
        }
    }

    @Test
    void numericAndListOverridesParse() {
        Ctrace.Result r = trace("--quiet", "--lookback-days", "4", "--min-minutes", "15", "--max-distance-m", "1.5",
                "--always-close-settings", "household,meal", "--close-quarantine-days", "14",
                "--close-quarantine-type", "home", "--close-monitoring-days", "0", "--unknown-duration", "ignore",
                "--secondary-quarantine-days", "7", "--secondary-quarantine-type", "centralized", "--depth", "2");
        assertEquals(0, r.exit(), r::toString);
    }

    @Test
    void brokenPipeIsNotAnError() {
        set = SmallSet.write(dir);
        OutputStream closed = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        StringWriter err = new StringWriter();
        int exit = Main.run(new ByteArrayInputStream(new byte[0]), closed, new PrintWriter(err, true),
                Ctrace.concat(new String[] {"trace", "--as-of", Ctrace.AS_OF, "--zone", "UTC", "--quiet"}, set.args()));
        assertEquals(0, exit, err::toString);
        assertEquals("", err.toString(), "the reader went away, as with | head: nothing to report");
    }

    /** An output stream on a full disk. */
    private static final OutputStream FULL = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }
    };

    @ParameterizedTest
    @ValueSource(strings = {"trace", "validate"})
    void aFullStandardOutputIsAnError(String command) {
        set = SmallSet.write(dir);
        StringWriter err = new StringWriter();
        String[] args = command.equals("trace")
                ? new String[] {"trace", "--as-of", Ctrace.AS_OF, "--zone", "UTC", "--quiet"}
                : new String[] {"validate", "--as-of", Ctrace.AS_OF, "--zone", "UTC"};
        int exit = Main.run(new ByteArrayInputStream(new byte[0]), FULL, new PrintWriter(err, true),
                Ctrace.concat(args, set.args()));
        assertEquals(1, exit, err::toString);
        assertEquals("ctrace " + command + ": standard output cannot be written: No space left on device\n",
                err.toString().replace(System.lineSeparator(), "\n"), "the list is not whole: no exit 0");
    }

    /**
     * The real standard output, not a stream a test hands in: {@code System.out} swallows
     * write failures, and ctrace must not (a list cut short by a full disk under
     * {@code > list.csv} ended with exit 0).
     */
    @Test
    void theProcessReportsAFullStandardOutput() throws Exception {
        set = SmallSet.write(dir);
        java.io.File full = new java.io.File("/dev/full");
        assertTrue(full.exists(), "this test writes to Linux's /dev/full, which is always full");
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "trace", "--as-of",
                Ctrace.AS_OF, "--zone", "UTC", "--quiet"));
        command.addAll(Arrays.asList(set.args()));
        Process p = new ProcessBuilder(command).redirectOutput(full).start();
        String err = new String(p.getErrorStream().readAllBytes(), UTF_8);
        assertEquals(1, p.waitFor(), err);
        assertEquals("ctrace trace: standard output cannot be written: No space left on device", err.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "--version", "trace --help", "help coverage"})
    void helpOrVersionCutShortByAFullDiskIsAnError(String args) {
        StringWriter err = new StringWriter();
        int exit = Main.run(new ByteArrayInputStream(new byte[0]), FULL, new PrintWriter(err, true), args.split(" "));
        assertEquals(1, exit, err::toString);
        assertEquals("ctrace: standard output cannot be written: No space left on device\n",
                err.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void helpToAReaderThatWentAwayEndsQuietly() {
        OutputStream closed = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new ByteArrayInputStream(new byte[0]), closed, new PrintWriter(err, true), "--help"));
        assertEquals("", err.toString());
    }

    @Test
    void helpExits0() {
        Ctrace.Result r = Ctrace.run("trace", "--as-of", Ctrace.AS_OF, "--zone", "UTC", "--help");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("--on-error"), r::toString);
    }
}
