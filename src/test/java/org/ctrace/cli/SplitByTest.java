package org.ctrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §4: "--split-by district|town|village DIR (one file per area, for field teams)". */
class SplitByTest {

    @TempDir
    Path dir;

    @Test
    void oneFilePerDistrictWithAnIndex() {
        SmallSet.Files set = SmallSet.write(dir);
        Path split = dir.resolve("split");
        Ctrace.Result r = Ctrace.trace(Ctrace.concat(set.args(), "--quiet", "--split-by", "district", split.toString()));
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("Huaxi_Beihu.csv", "Huaxi_Nanshan.csv", "index.csv"), Ctrace.list(split));
        assertEquals(Ctrace.LIST_HEADER + "\n" + SmallSet.P1_ROW + "\n", Ctrace.read(split.resolve("Huaxi_Beihu.csv")));
        assertEquals(Ctrace.LIST_HEADER + "\n" + SmallSet.P2_ROW + "\n" + SmallSet.S1_ROW + "\n",
                Ctrace.read(split.resolve("Huaxi_Nanshan.csv")));
        assertEquals("file,city,district,town,village,rows\n"
                + "Huaxi_Beihu.csv,Huaxi,Beihu,,,1\n"
                + "Huaxi_Nanshan.csv,Huaxi,Nanshan,,,2\n", Ctrace.read(split.resolve("index.csv")));
        assertEquals(List.of("cases.csv", "contacts.csv", "persons.csv", "quarantine.csv", "split"), Ctrace.list(dir),
                "no temporary folder left beside the split");
    }

    /** A second --split-by was dropped without a word (picocli gathers both pairs into one option). */
    @Test
    void aSecondSplitIsAUsageErrorNotDropped() {
        SmallSet.Files set = SmallSet.write(dir);
        for (String command : List.of("trace", "coverage", "release")) {
            Ctrace.Result r = Ctrace.run(Ctrace.concat(Ctrace.concat(new String[] {command}, set.args()), "--quiet",
                    "--split-by", "town", dir.resolve("s1").toString(), "--split-by", "village",
                    dir.resolve("s2").toString()));
            assertEquals(2, r.exit(), r::toString);
            assertEquals("ctrace " + command + ": --split-by should be given only once (it was given as 'town "
                    + dir.resolve("s1") + " village " + dir.resolve("s2") + "'); run once per level for several "
                    + "splits", r.errLines().get(0));
            assertEquals(List.of("cases.csv", "contacts.csv", "persons.csv", "quarantine.csv"), Ctrace.list(dir));
        }
    }

    /** A name Java cannot make a path of: a usage error saying why, not an internal error (exit 70). */
    @Test
    void aNameThatCannotBeAPathIsAUsageError() {
        SmallSet.Files set = SmallSet.write(dir);
        for (String[] args : List.of(new String[] {"-o", "a\u0000b.csv"}, new String[] {"--split-by", "town", "a\u0000b"},
                // --cases is text, made a path only when read
                new String[] {"--in", dir.toString(), "--cases", "a\u0000b.csv"})) {
            Ctrace.Result r = Ctrace.trace(Ctrace.concat(args[0].equals("--in") ? new String[0] : set.args(), args));
            assertEquals(2, r.exit(), r::toString);
            assertTrue(r.errLines().get(0).contains("'a\u0000b") && r.errLines().get(0).contains(
                    "cannot be a file name (Nul character not allowed); a name beyond ASCII needs a UTF-8 locale"),
                    r::toString);
        }
    }

    @Test
    void aBomStartsEveryFileAndTheIndexToo() throws java.io.IOException {
        SmallSet.Files set = SmallSet.write(dir);
        Path split = dir.resolve("split");
        Ctrace.Result r = Ctrace.trace(Ctrace.concat(set.args(), "--quiet", "--bom", "--format", "tsv", "--split-by",
                "district", split.toString()));
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("Huaxi_Beihu.tsv", "Huaxi_Nanshan.tsv", "index.csv"), Ctrace.list(split));
        for (String name : Ctrace.list(split)) {
            byte[] bytes = java.nio.file.Files.readAllBytes(split.resolve(name));
            // the index's area names, often Chinese, must open as UTF-8 in a spreadsheet too
            assertEquals("EFBBBF", String.format("%02X%02X%02X", bytes[0], bytes[1], bytes[2]), name);
        }
    }

    @Test
    void badInputLeavesThePreviousSplitAsItWas() {
        SmallSet.Files set = SmallSet.write(dir);
        Path split = dir.resolve("split");
        assertEquals(0, Ctrace.trace(Ctrace.concat(set.args(), "--quiet", "--split-by", "district", split.toString()))
                .exit());
        String before = Ctrace.read(split.resolve("Huaxi_Nanshan.csv"));
        Ctrace.write(dir, "contacts.csv", SmallSet.CONTACTS[0], "C1,C1,2024-03-10,,,,,");
        Ctrace.Result r = Ctrace.trace(Ctrace.concat(set.args(), "--quiet", "--split-by", "district", split.toString()));
        assertEquals(1, r.exit(), r::toString);
        assertEquals(before, Ctrace.read(split.resolve("Huaxi_Nanshan.csv")));
        assertEquals(List.of("Huaxi_Beihu.csv", "Huaxi_Nanshan.csv", "index.csv"), Ctrace.list(split));
    }

    @Test
    void unknownLevelIsAUsageError() {
        SmallSet.Files set = SmallSet.write(dir);
        Ctrace.Result r = Ctrace.trace(Ctrace.concat(set.args(), "--split-by", "county", dir.resolve("s").toString()));
        assertEquals(2, r.exit(), r::toString);
        assertEquals("ctrace trace: --split-by: 'county' is not a level; expected district, town or village",
                r.errLines().get(0));
    }

    @Test
    void cityIsNotASplitLevel() {
        // SPEC §4 names district, town and village only; the option's own message says so too
        SmallSet.Files set = SmallSet.write(dir);
        Ctrace.Result r = Ctrace.trace(Ctrace.concat(set.args(), "--split-by", "city", dir.resolve("s").toString()));
        assertEquals(2, r.exit(), r::toString);
    }
}
