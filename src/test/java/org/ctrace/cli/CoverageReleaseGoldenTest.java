package org.ctrace.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coverage} (SPEC §6) and {@code release} (SPEC §7) on the bundled sample outbreak
 * against golden files that were checked by hand against samples/expected-trace.csv,
 * samples/quarantine.csv and samples/persons.csv (samples/README.md, "Coverage, gaps and
 * release"). Paths are relative to the project root, Maven's working directory for tests.
 */
class CoverageReleaseGoldenTest {

    private static final Path SAMPLES = Path.of("samples");

    @TempDir
    Path dir;

    private static Ctrace.Result onSamples(String command, String asOf, String... args) {
        return Ctrace.run(Ctrace.concat(new String[] {command, "--in", SAMPLES.toString(), "--as-of", asOf,
            "--zone", "Asia/Shanghai"}, args));
    }

    private static void assertGolden(String golden, byte[] actual) throws IOException {
        Path file = SAMPLES.resolve(golden);
        byte[] expected = Files.readAllBytes(file);
        if (!Arrays.equals(expected, actual)) {
            // the same assertion, with a readable diff of the two texts in the failure message
            assertEquals(new String(expected, UTF_8), new String(actual, UTF_8), "output differs from " + file);
        }
        assertArrayEquals(expected, actual);
    }

    private static void assertCoverage(String level) throws IOException {
        Ctrace.Result r = onSamples("coverage", "2024-03-15", "--by", level);
        assertEquals(0, r.exit(), r::toString);
        assertGolden("expected-coverage-" + level + ".csv", r.outBytes());
        assertEquals("ctrace coverage: 29 required, 15 not quarantined, 2 wrong type, 4 early release, coverage 48.3%",
                r.errLines().get(r.errLines().size() - 1));
    }

    @Test
    void coverageByCity() throws IOException {
        assertCoverage("city");
    }

    @Test
    void coverageByDistrict() throws IOException {
        assertCoverage("district");
    }

    @Test
    void coverageByTown() throws IOException {
        assertCoverage("town");
    }

    @Test
    void coverageByVillage() throws IOException {
        assertCoverage("village");
    }

    @Test
    void districtIsTheDefaultLevel() throws IOException {
        Ctrace.Result r = onSamples("coverage", "2024-03-15", "--quiet");
        assertEquals(0, r.exit(), r::toString);
        assertGolden("expected-coverage-district.csv", r.outBytes());
        assertEquals("", r.err());
    }

    @Test
    void theGapList() throws IOException {
        Path gaps = dir.resolve("gaps.csv");
        Ctrace.Result r = onSamples("coverage", "2024-03-15", "--quiet", "--gaps", gaps.toString());
        assertEquals(0, r.exit(), r::toString);
        assertGolden("expected-gaps.csv", Files.readAllBytes(gaps));
        // the coverage table still goes to standard output
        assertGolden("expected-coverage-district.csv", r.outBytes());
    }

    @Test
    void theGapListDoesNotDependOnTheLevel() throws IOException {
        Path gaps = dir.resolve("gaps.csv");
        Ctrace.Result r = onSamples("coverage", "2024-03-15", "--quiet", "--by", "village", "--gaps", gaps.toString());
        assertEquals(0, r.exit(), r::toString);
        assertGolden("expected-gaps.csv", Files.readAllBytes(gaps));
        assertGolden("expected-coverage-village.csv", r.outBytes());
    }

    @Test
    void releaseOnTheSamplesAsOfDay() throws IOException {
        Ctrace.Result r = onSamples("release", "2024-03-15");
        assertEquals(0, r.exit(), r::toString);
        assertGolden("expected-release.csv", r.outBytes());
        assertEquals("ctrace release: 1 release, 0 hold, 1 review", r.errLines().get(r.errLines().size() - 1));
    }

    @Test
    void releaseThreeDaysLaterWithHolds() throws IOException {
        Ctrace.Result r = onSamples("release", "2024-03-18");
        assertEquals(0, r.exit(), r::toString);
        assertGolden("expected-release-2024-03-18.csv", r.outBytes());
        assertEquals("ctrace release: 3 release, 4 hold, 1 review", r.errLines().get(r.errLines().size() - 1));
    }

    @Test
    void releaseSplitByDistrictFilesEachRowUnderItsPersonsDistrict() throws IOException {
        Path split = dir.resolve("teams");
        Ctrace.Result r = onSamples("release", "2024-03-18", "--quiet", "--split-by", "district", split.toString());
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.out(), "with --split-by and no -o, only the files are written");
        List<String> expected = Files.readAllLines(SAMPLES.resolve("expected-release-2024-03-18.csv"), UTF_8);
        List<String> filed = new java.util.ArrayList<>();
        List<String> index = Files.readAllLines(split.resolve("index.csv"), UTF_8);
        for (String entry : index.subList(1, index.size())) {
            String[] cells = entry.split(",");
            List<String> lines = Files.readAllLines(split.resolve(cells[0]), UTF_8);
            assertEquals(expected.get(0), lines.get(0), cells[0]);
            assertEquals(Integer.parseInt(cells[5]), lines.size() - 1, entry);
            for (String line : lines.subList(1, lines.size())) {
                // the last four cells are the area (no cell of the samples' release rows holds a comma)
                String[] row = line.split(",", -1);
                assertEquals(cells[1] + "," + cells[2], row[row.length - 4] + "," + row[row.length - 3],
                        line + " filed under " + entry);
                filed.add(line);
            }
        }
        filed.sort(null);
        List<String> rows = new java.util.ArrayList<>(expected.subList(1, expected.size()));
        rows.sort(null);
        assertEquals(rows, filed, "every release row in exactly one file");
    }
}
