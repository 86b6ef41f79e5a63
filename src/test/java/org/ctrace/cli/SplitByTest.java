package org.ctrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
