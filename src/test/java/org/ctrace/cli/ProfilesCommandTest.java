package org.ctrace.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ctrace profiles} prints the five profiles of SPEC §3 with every parameter. (It reads
 * no input, so it takes neither --as-of nor --zone.)
 */
class ProfilesCommandTest {

    @Test
    void csvHasEveryParameterOfEveryProfileAsSpecified() {
        Ctrace.Result r = Ctrace.run("profiles", "--format", "csv");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.err());
        List<String> lines = r.outLines();
        assertEquals(List.of(
                "parameter,cn-9,cn-8,cn-5,cdc-2020,ecdc-2020",
                "lookback_days,4,4,2,2,2",
                "min_minutes,0,0,0,15,15",
                "max_distance_m,1,1,1,1.83,2",
                "always_close_settings,\"household,meal,vehicle\",\"household,meal,vehicle\",\"household,meal,vehicle\","
                        + "household,household",
                "unknown_duration,close,close,close,close,close",
                "household_rule,true,true,true,true,true",
                "close_quarantine_days,7,14,14,14,14",
                "close_quarantine_type,centralized,centralized,centralized,home,home",
                "close_monitoring_days,3,7,0,0,0",
                "trace_secondary,true,true,false,false,false",
                "secondary_quarantine_days,7,7,14,14,14",
                "secondary_quarantine_type,home,centralized,centralized,home,home",
                "include_suspected,true,true,true,false,false"), lines.subList(0, 14));
        assertEquals(15, lines.size(), "and a last row naming the published source of each profile");
        assertTrue(lines.get(14).startsWith("source,"), lines.get(14));
    }

    @Test
    void tableIsTheDefaultAndNamesAllFive() {
        Ctrace.Result r = Ctrace.run("profiles");
        assertEquals(0, r.exit(), r::toString);
        List<String> lines = r.outLines();
        assertTrue(lines.get(0).matches("parameter +cn-9 +cn-8 +cn-5 +cdc-2020 +ecdc-2020"), lines.get(0));
        assertTrue(lines.get(1).matches("-+( +-+){5}"), lines.get(1));
        assertTrue(lines.get(2).matches("lookback_days +4 +4 +2 +2 +2"), lines.get(2));
        assertTrue(lines.get(14).matches("include_suspected +true +true +true +false +false"), lines.get(14));
    }

    @Test
    void json() {
        Ctrace.Result r = Ctrace.run("profiles", "--format", "json");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("[\n  {\"parameter\": \"lookback_days\", \"cn-9\": \"4\", \"cn-8\": \"4\", "
                + "\"cn-5\": \"2\", \"cdc-2020\": \"2\", \"ecdc-2020\": \"2\"},\n"), r.out());
    }

    @Test
    void numbersAreWrittenWithoutLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            Ctrace.Result r = Ctrace.run("profiles", "--format", "tsv");
            assertTrue(r.outLines().contains("max_distance_m\t1\t1\t1\t1.83\t2"), r::toString);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void writtenToAFileWithABom(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("profiles.csv");
        Ctrace.Result r = Ctrace.run("profiles", "--format", "csv", "-o", out.toString(), "--bom");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.out());
        byte[] bytes = Files.readAllBytes(out);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        assertEquals(Ctrace.run("profiles", "--format", "csv").out(),
                new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
    }

    @Test
    void aFolderGivenAsTheOutputIsNamedAsOne(@TempDir Path dir) {
        Ctrace.Result r = Ctrace.run("profiles", "-o", dir.toString());
        assertEquals(1, r.exit(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().contains(dir + ": cannot be written: it is a folder"), r::toString);
    }
}
