package org.ctrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §4 {@code --split-by} with Chinese area names: {@code trace --split-by town DIR} and
 * {@code coverage --gaps FILE --split-by village DIR} write one file per area of persons.csv
 * (empty ones included), named by the area names joined by {@code _}, and {@code index.csv};
 * a second run replaces the set whole, and a failed run leaves it untouched.
 *
 * <p>The input, worked out by hand under cn-9 as of 2024-03-15 (zone UTC):
 * <ul>
 *   <li>C1 (华溪市 东城区 东霞街道 东霞社区): onset 03-12, isolated 03-13: window [03-08 00:00, 03-14 00:00).
 *   <li>P1 王芳 (东霞社区): meal with C1 03-12 12:00-12:30: close, until 03-19; centralized to 03-19: ok.
 *   <li>P3 刘洋 (东霞街道 西霞村): work with C1 03-11 09:00-10:00 at 0.5 m: close, until 03-18; home: upgrade.
 *   <li>P5 赵磊 (西城区 西山街道 西山村): vehicle with C1 03-10 18:00-19:00: close, until 03-17;
 *       centralized to 03-16: extend.
 *   <li>P9 (not in persons.csv): meal with C1 03-12 19:00-19:20: close, until 03-19; no row: quarantine.
 *   <li>P2 张伟 (东霞社区): household with P1 03-13 20:00-21:00, inside P1's window [03-12 12:00,
 *       03-15 00:00) (its quarantine starts 03-14): secondary, home until 03-20; no row: quarantine.
 *   <li>P4 陈静 (东城区 南湖镇 南湖村): nobody to quarantine there, yet the area gets its (empty) file.
 * </ul>
 */
class SplitChineseTest {

    private static final String[] PERSONS = {
        "person_id,name,phone,city,district,town,village,household_id",
        "C1,李明,13800000000,华溪市,东城区,东霞街道,东霞社区,H1",
        "P1,王芳,13800000001,华溪市,东城区,东霞街道,东霞社区,H2",
        "P2,张伟,13800000002,华溪市,东城区,东霞街道,东霞社区,H3",
        "P3,刘洋,13800000003,华溪市,东城区,东霞街道,西霞村,H4",
        "P4,陈静,13800000004,华溪市,东城区,南湖镇,南湖村,H5",
        "P5,赵磊,+86 13800000005,华溪市,西城区,西山街道,西山村,H6",
    };

    private static final String[] CASES = {
        "person_id,classification,onset_date,sample_date,isolation_date",
        "C1,confirmed,2024-03-12,,2024-03-13",
    };

    private static final String[] CONTACTS = {
        "person_a,person_b,start,end,duration_min,setting,distance_m,protected",
        "C1,P1,2024-03-12 12:00,,30,meal,,",
        "P3,C1,2024-03-11 09:00,2024-03-11 10:00,,work,0.5,",
        "C1,P5,2024-03-10 18:00,,60,vehicle,,",
        "C1,P9,2024-03-12 19:00,,20,meal,,",
        "P1,P2,2024-03-13 20:00,,60,household,,",
    };

    private static final String[] QUARANTINE = {
        "person_id,status,start_date,end_date,site_id",
        "P1,centralized,2024-03-14,2024-03-19,S1",
        "P3,home,2024-03-14,2024-03-18,",
        "P5,centralized,2024-03-13,2024-03-16,S2",
    };

    private static final String P9 = "P9,,close,C1,2024-03-12 19:00,2024-03-12 19:20,centralized,2024-03-19,"
            + "2024-03-22,,,,,,none,quarantine," + Ctrace.cn9Basis("2024-03-12", "C1", "meal");
    private static final String P1 = "P1,王芳,close,C1,2024-03-12 12:00,2024-03-12 12:30,centralized,2024-03-19,"
            + "2024-03-22,13800000001,华溪市,东城区,东霞街道,东霞社区,centralized,ok,"
            + Ctrace.cn9Basis("2024-03-12", "C1", "meal");
    private static final String P3 = "P3,刘洋,close,C1,2024-03-11 09:00,2024-03-11 10:00,centralized,2024-03-18,"
            + "2024-03-21,13800000003,华溪市,东城区,东霞街道,西霞村,home,upgrade,"
            + Ctrace.cn9Basis("2024-03-11", "C1", "work");
    private static final String P5 = "P5,赵磊,close,C1,2024-03-10 18:00,2024-03-10 19:00,centralized,2024-03-17,"
            + "2024-03-20,'+86 13800000005,华溪市,西城区,西山街道,西山村,centralized,extend,"
            + Ctrace.cn9Basis("2024-03-10", "C1", "vehicle");
    private static final String P2 = "P2,张伟,secondary,P1,2024-03-13 20:00,2024-03-13 21:00,home,2024-03-20,,"
            + "13800000002,华溪市,东城区,东霞街道,东霞社区,none,quarantine,"
            + "last exposure 2024-03-13 to P1 (household); cn-9: 7 days home";

    private static final String GAP_HEADER = Ctrace.LIST_HEADER + ",reason";
    private static final String P9_GAP = P9 + ",not quarantined: centralized quarantine until 2024-03-19 is required";
    private static final String P2_GAP = P2 + ",not quarantined: home quarantine until 2024-03-20 is required";
    private static final String P3_GAP = P3 + ",\"wrong type: at home, but centralized quarantine until 2024-03-18"
            + " is required\"";
    private static final String P5_GAP = P5 + ",\"early release: planned end 2024-03-16, but centralized quarantine"
            + " until 2024-03-17 is required\"";

    private static final String EAST = "华溪市_东城区_东霞街道.csv";
    private static final String SOUTH_LAKE = "华溪市_东城区_南湖镇.csv";
    private static final String WEST = "华溪市_西城区_西山街道.csv";

    @TempDir
    Path dir;

    private Path in;
    private Path teams;

    @BeforeEach
    void writeInputs() throws IOException {
        in = Files.createDirectory(dir.resolve("in"));
        teams = dir.resolve("teams");
        Ctrace.write(in, "persons.csv", PERSONS);
        Ctrace.write(in, "cases.csv", CASES);
        Ctrace.write(in, "contacts.csv", CONTACTS);
        Ctrace.write(in, "quarantine.csv", QUARANTINE);
    }

    private Ctrace.Result trace(String... args) {
        return Ctrace.trace(Ctrace.concat(new String[] {"--in", in.toString(), "--quiet"}, args));
    }

    private Ctrace.Result coverage(String... args) {
        return Ctrace.run(Ctrace.concat(new String[] {"coverage", "--as-of", Ctrace.AS_OF, "--zone", "UTC",
            "--in", in.toString(), "--quiet"}, args));
    }

    // ---- trace --split-by town --------------------------------------------------------------------

    @Test
    void theListWithoutSplitIsWhatTheFilesShare() {
        Ctrace.Result r = trace();
        assertEquals(0, r.exit(), r::toString);
        assertEquals(String.join("\n", Ctrace.LIST_HEADER, P9, P1, P3, P5, P2) + "\n", r.out());
    }

    @Test
    void traceWritesOneFilePerTownOfTheRegistryNamedByItsAreaNames() {
        Ctrace.Result r = trace("--split-by", "town", teams.toString());
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.out(), "with --split-by and no -o, trace writes only the files");

        assertEquals(List.of("index.csv", "unknown-area.csv", EAST, SOUTH_LAKE, WEST), Ctrace.list(teams));
        assertEquals(csv(Ctrace.LIST_HEADER, P9), Ctrace.read(teams.resolve("unknown-area.csv")));
        assertEquals(csv(Ctrace.LIST_HEADER, P1, P3, P2), Ctrace.read(teams.resolve(EAST)));
        assertEquals(csv(Ctrace.LIST_HEADER), Ctrace.read(teams.resolve(SOUTH_LAKE)), "an empty town still gets a file");
        assertEquals(csv(Ctrace.LIST_HEADER, P5), Ctrace.read(teams.resolve(WEST)));
        assertEquals(csv("file,city,district,town,village,rows",
                "unknown-area.csv,,,,,1",
                EAST + ",华溪市,东城区,东霞街道,,3",
                SOUTH_LAKE + ",华溪市,东城区,南湖镇,,0",
                WEST + ",华溪市,西城区,西山街道,,1"), Ctrace.read(teams.resolve("index.csv")));
        assertEquals(List.of("in", "teams"), Ctrace.list(dir), "no temporary folder left beside the split");
    }

    @Test
    void everyListedPersonIsInExactlyOneFile() {
        Ctrace.Result whole = trace();
        assertEquals(0, whole.exit(), whole::toString);
        Ctrace.Result r = trace("--split-by", "town", teams.toString());
        assertEquals(0, r.exit(), r::toString);

        List<String> split = new ArrayList<>();
        for (String name : Ctrace.list(teams)) {
            if (!name.equals("index.csv")) {
                List<String> lines = Ctrace.lines(Ctrace.read(teams.resolve(name)));
                assertEquals(Ctrace.LIST_HEADER, lines.get(0), name);
                split.addAll(lines.subList(1, lines.size()));
            }
        }
        List<String> listed = new ArrayList<>(whole.outLines().subList(1, whole.outLines().size()));
        split.sort(null);
        listed.sort(null);
        assertEquals(listed, split, "the files' rows are the list's rows, each once");
    }

    @Test
    void aSecondRunReplacesTheWholeSet() {
        assertEquals(0, trace("--split-by", "town", teams.toString()).exit());
        Ctrace.write(teams, "notes.txt", "left by a team");
        // 南湖镇 leaves the registry; P2 is now at home until 03-20, which is ok for tier 2
        Ctrace.write(in, "persons.csv", PERSONS[0], PERSONS[1], PERSONS[2], PERSONS[3], PERSONS[4], PERSONS[6]);
        Ctrace.write(in, "quarantine.csv", QUARANTINE[0], QUARANTINE[1], QUARANTINE[2], QUARANTINE[3],
                "P2,home,2024-03-14,2024-03-20,");

        Ctrace.Result r = trace("--split-by", "town", teams.toString());
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("index.csv", "notes.txt", "unknown-area.csv", EAST, WEST), Ctrace.list(teams),
                "the old set is gone whole (no 南湖镇 file), and the team's own file is still there");
        assertEquals("left by a team\n", Ctrace.read(teams.resolve("notes.txt")));
        String p2Ok = P2.replace(",none,quarantine,", ",home,ok,");
        assertNotEquals(P2, p2Ok);
        assertEquals(csv(Ctrace.LIST_HEADER, P1, P3, p2Ok), Ctrace.read(teams.resolve(EAST)));
        assertEquals(csv(Ctrace.LIST_HEADER, P9), Ctrace.read(teams.resolve("unknown-area.csv")));
        assertEquals(csv(Ctrace.LIST_HEADER, P5), Ctrace.read(teams.resolve(WEST)));
        assertEquals(csv("file,city,district,town,village,rows",
                "unknown-area.csv,,,,,1",
                EAST + ",华溪市,东城区,东霞街道,,3",
                WEST + ",华溪市,西城区,西山街道,,1"), Ctrace.read(teams.resolve("index.csv")));
        assertEquals(List.of("in", "teams"), Ctrace.list(dir));
    }

    @Test
    void aFailedTraceLeavesThePreviousSetUntouched() {
        assertEquals(0, trace("--split-by", "town", teams.toString()).exit());
        Map<String, String> before = snapshot(teams);

        Ctrace.write(in, "contacts.csv", CONTACTS[0], CONTACTS[1], "C1,C1,2024-03-10,,,,,");
        Ctrace.Result r = trace("--split-by", "town", teams.toString());
        assertEquals(1, r.exit(), r::toString);
        assertEquals(before, snapshot(teams));
        assertEquals(List.of("in", "teams"), Ctrace.list(dir), "no temporary folder left beside the split");
    }

    // ---- coverage --gaps FILE --split-by village --------------------------------------------------

    @Test
    void coverageByTownHasTheZeroRowAndTheUnknownAreaRow() {
        Ctrace.Result r = coverage("--by", "town");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(csv("city,district,town,village,required_close,required_secondary,centralized,home,hospital,"
                        + "not_quarantined,wrong_type,early_release,coverage_pct",
                "华溪市,东城区,东霞街道,,2,1,1,1,0,1,1,0,66.7",
                "华溪市,东城区,南湖镇,,0,0,0,0,0,0,0,0,",
                "华溪市,西城区,西山街道,,1,0,1,0,0,0,0,1,100.0",
                ",,,,1,0,0,0,0,1,0,0,0.0",
                "TOTAL,,,,4,1,2,1,0,2,1,1,60.0"), r.out());
    }

    @Test
    void theGapListSplitsIntoOneFilePerVillage() {
        Path gaps = dir.resolve("gaps.csv");
        Ctrace.Result r = coverage("--gaps", gaps.toString(), "--split-by", "village", teams.toString());
        assertEquals(0, r.exit(), r::toString);

        assertEquals(csv(GAP_HEADER, P9_GAP, P2_GAP, P3_GAP, P5_GAP), Ctrace.read(gaps));
        String dongxia = "华溪市_东城区_东霞街道_东霞社区.csv";
        String xixia = "华溪市_东城区_东霞街道_西霞村.csv";
        String nanhu = "华溪市_东城区_南湖镇_南湖村.csv";
        String xishan = "华溪市_西城区_西山街道_西山村.csv";
        assertEquals(List.of("index.csv", "unknown-area.csv", dongxia, xixia, nanhu, xishan), Ctrace.list(teams));
        assertEquals(csv(GAP_HEADER, P9_GAP), Ctrace.read(teams.resolve("unknown-area.csv")));
        assertEquals(csv(GAP_HEADER, P2_GAP), Ctrace.read(teams.resolve(dongxia)), "P1 is ok: not a gap");
        assertEquals(csv(GAP_HEADER, P3_GAP), Ctrace.read(teams.resolve(xixia)));
        assertEquals(csv(GAP_HEADER), Ctrace.read(teams.resolve(nanhu)), "an empty village still gets a file");
        assertEquals(csv(GAP_HEADER, P5_GAP), Ctrace.read(teams.resolve(xishan)));
        assertEquals(csv("file,city,district,town,village,rows",
                "unknown-area.csv,,,,,1",
                dongxia + ",华溪市,东城区,东霞街道,东霞社区,1",
                xixia + ",华溪市,东城区,东霞街道,西霞村,1",
                nanhu + ",华溪市,东城区,南湖镇,南湖村,0",
                xishan + ",华溪市,西城区,西山街道,西山村,1"), Ctrace.read(teams.resolve("index.csv")));
        assertEquals(List.of("gaps.csv", "in", "teams"), Ctrace.list(dir));
    }

    @Test
    void aFailedCoverageLeavesThePreviousGapSetAndGapFileUntouched() {
        Path gaps = dir.resolve("gaps.csv");
        assertEquals(0, coverage("--gaps", gaps.toString(), "--split-by", "village", teams.toString()).exit());
        Map<String, String> before = snapshot(teams);
        String gapsBefore = Ctrace.read(gaps);

        Ctrace.write(in, "contacts.csv", CONTACTS[0], CONTACTS[1], "C1,P1,2024-03-12 12:00,2024-03-12 11:00,,meal,,");
        Ctrace.Result r = coverage("--gaps", gaps.toString(), "--split-by", "village", teams.toString());
        assertEquals(1, r.exit(), r::toString);
        assertEquals(before, snapshot(teams));
        assertEquals(gapsBefore, Ctrace.read(gaps));
        assertEquals(List.of("gaps.csv", "in", "teams"), Ctrace.list(dir));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** Lines ended by LF, as ctrace writes CSV. */
    private static String csv(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    /** Every file of a folder and its text, by name. */
    private static Map<String, String> snapshot(Path folder) {
        Map<String, String> files = new TreeMap<>();
        for (String name : Ctrace.list(folder)) {
            Path p = folder.resolve(name);
            if (!Files.isRegularFile(p)) {
                throw new UncheckedIOException(new IOException("not a file: " + p));
            }
            files.put(name, Ctrace.read(p));
        }
        return files;
    }
}
