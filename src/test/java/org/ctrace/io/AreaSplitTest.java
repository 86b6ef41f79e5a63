package org.ctrace.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ctrace.domain.Area;
import org.ctrace.domain.AreaLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A split set's files hold exactly what one file per area written row by row would (its
 * files are rendered in pieces on all cores), and the folder an earlier set was moved to
 * keeps anything that was not the set's.
 */
class AreaSplitTest {

    @TempDir
    Path dir;

    private static final List<String> COLUMNS = List.of("n", "text", "village");

    /** Cells CSV and TSV must quote, escape or defuse, and text beyond ASCII. */
    private static final List<String> AWKWARD = List.of("plain", "a,b", "say \"hi\"", "two\nlines", "=SUM(A1)",
            "-12.5", "tab\there", "back\\slash", "王芳", "emoji \uD83D\uDE00", "");

    private record Row(int n, Area area) {
        List<String> cells() {
            return List.of(Integer.toString(n), AWKWARD.get(n % AWKWARD.size()), area.village());
        }
    }

    private static Area village(String town, String village) {
        return new Area("City", "D1", town, village);
    }

    @Test
    void filesAreTheRowsOfTheirAreaInListOrderWhateverTheFormat() throws IOException {
        Area big = village("T1", "Big");
        Area small = village("T1", "Small");
        Area other = village("T2", "Other");
        Area empty = village("T2", "Empty");
        Area unlisted = village("T3", "NotInRegistry");
        List<Area> cycle = List.of(small, big, other, big, Area.UNKNOWN, unlisted);
        // several pieces for Big (over 2,048 rows); runs of one area, and areas that come back
        List<Row> rows = new ArrayList<>();
        for (int n = 0; n < 9000; n++) {
            rows.add(new Row(n, n < 3000 ? big : cycle.get(n / 7 % cycle.size())));
        }
        List<Area> registry = List.of(big, small, other, empty);
        for (TableFormat format : TableFormat.values()) {
            for (boolean bom : List.of(false, true)) {
                for (AreaLevel level : List.of(AreaLevel.TOWN, AreaLevel.VILLAGE)) {
                    Path split = dir.resolve("split-" + format + "-" + bom + "-" + level);
                    new AreaSplit<Row>(level, COLUMNS, Row::cells)
                            .write(split, rows, i -> rows.get(i).area(), registry, format, bom, files -> { });
                    Map<Area, List<Row>> byArea = new TreeMap<>();
                    registry.forEach(a -> byArea.put(level.of(a), new ArrayList<>()));
                    rows.forEach(r -> byArea.computeIfAbsent(level.of(r.area()), a -> new ArrayList<>()).add(r));
                    List<String> index = Files.readAllLines(split.resolve("index.csv"), StandardCharsets.UTF_8);
                    assertEquals(byArea.size() + 1, index.size(), String.join("\n", index));
                    int line = 1;
                    for (Map.Entry<Area, List<Row>> e : byArea.entrySet()) {
                        String name = index.get(line++).split(",")[0];
                        assertEquals(expected(format, bom, e.getValue()), Files.readString(split.resolve(name),
                                StandardCharsets.UTF_8), format + " " + bom + " " + level + " " + e.getKey());
                        assertTrue(index.get(line - 1).endsWith("," + e.getValue().size()), index.get(line - 1));
                    }
                }
            }
        }
    }

    @Test
    void aLongChineseAreaNameIsCutToWhatAFileSystemTakes() throws IOException {
        // 4 + 110 + 1 characters: 347 bytes of UTF-8 before the cut; file systems take 255
        Area longName = new Area("华溪市", "东".repeat(110), "", "");
        List<Row> rows = List.of(new Row(1, longName));
        Path split = dir.resolve("split");
        new AreaSplit<Row>(AreaLevel.DISTRICT, COLUMNS, Row::cells)
                .write(split, rows, i -> rows.get(i).area(), List.of(longName), TableFormat.CSV, false,
                        files -> { });
        String name = Files.readAllLines(split.resolve("index.csv"), StandardCharsets.UTF_8).get(1).split(",")[0];
        assertEquals("华溪市_" + "东".repeat(63) + ".csv", name, "at most 200 bytes: 9 + 1 + 63 × 3");
        assertTrue(Files.isRegularFile(split.resolve(name)));
        // a character outside the BMP is never cut in two, nor a name left ending in a dot
        assertEquals("a".repeat(119), AreaSplit.shortened("a".repeat(119) + "\uD83D\uDE00"));
        assertEquals("a".repeat(118) + "\uD83D\uDE00", AreaSplit.shortened("a".repeat(118) + "\uD83D\uDE00b"));
        assertEquals("a".repeat(100), AreaSplit.shortened("a".repeat(100) + ". ." + "b".repeat(30)).substring(0, 100));
        assertEquals("x", AreaSplit.shortened("x" + ".".repeat(119) + "y"));
        AreaSplit<Row> byCity = new AreaSplit<>(AreaLevel.CITY, COLUMNS, Row::cells);
        assertEquals("_.csv", byCity.fileNames(List.of(new Area(". .", "", "", "")), ".csv").values().iterator().next(),
                "not the hidden file .csv");
    }

    @Test
    void theSetsFilesAreToldBeforeAnythingIsWritten() throws IOException {
        Area north = village("T1", "North");
        Area south = village("T2", "South");
        List<Row> rows = List.of(new Row(1, north), new Row(2, Area.UNKNOWN));
        Path split = dir.resolve("split");
        List<Path> told = new ArrayList<>();
        AreaSplit<Row> byTown = new AreaSplit<>(AreaLevel.TOWN, COLUMNS, Row::cells);
        byTown.write(split, rows, i -> rows.get(i).area(), List.of(north, south), TableFormat.CSV, false, told::addAll);
        assertEquals(List.of(split.resolve("unknown-area.csv"), split.resolve("City_D1_T1.csv"),
                split.resolve("City_D1_T2.csv"), split.resolve("index.csv")), told);
        try (Stream<Path> made = Files.list(split)) {
            assertEquals(Set.copyOf(told), made.collect(Collectors.toSet()));
        }
        // refused when told: nothing written, not even the folder beside DIR the set is made in
        Path refused = dir.resolve("refused");
        assertThrows(IllegalStateException.class, () -> byTown.write(refused, rows, i -> rows.get(i).area(),
                List.of(north, south), TableFormat.CSV, false, files -> {
                    throw new IllegalStateException("no");
                }));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(Set.of(split), left.collect(Collectors.toSet()));
        }
    }

    /**
     * A missing folder's '..' is the folder it is in, as once the split has made the folder:
     * read by the text after the missing one, {@code missing/..} passed for a folder apart from
     * the working folder, and the swap moved the working folder's files into the new set's.
     */
    @Test
    void theWorkingFolderIsKnownBehindAMissingFoldersDots() {
        Path missing = Path.of("no-such-folder-" + System.nanoTime());
        InputException e = assertThrows(InputException.class, () -> AreaSplit.check(missing.resolve("..")));
        assertTrue(e.getMessage().endsWith("it is (or holds) the working folder, which the split set would replace; "
                + "give it a folder of its own"), e.getMessage());
        assertFalse(Files.exists(missing));
        assertEquals(OutputTarget.systemPath(dir).resolve("new"),
                OutputTarget.systemPath(dir.resolve("new").resolve(".")), "x/. is x, made or not");
    }

    /** One area's file as a table writer writes it, row by row, to one stream. */
    private static String expected(TableFormat format, boolean bom, List<Row> rows) throws IOException {
        StringWriter out = new StringWriter();
        if (bom) {
            out.write('\uFEFF');
        }
        try (TableWriter w = TableWriter.of(format, COLUMNS, out)) {
            for (Row r : rows) {
                w.row(r.cells());
            }
        }
        return out.toString();
    }

    @Test
    void onlyTheEarlierSetsFilesAreDeleted() throws IOException {
        Path old = Files.createDirectories(dir.resolve("old"));
        Files.writeString(old.resolve("index.csv"), "file\n", StandardCharsets.UTF_8);
        Files.writeString(old.resolve("A.csv"), "a", StandardCharsets.UTF_8);
        // put in DIR while the swap ran, after its files were listed
        Files.writeString(old.resolve("late.txt"), "mine", StandardCharsets.UTF_8);
        AreaSplit.removeEarlierSet(old, List.of(Path.of("index.csv"), Path.of("A.csv")));
        try (Stream<Path> left = Files.list(old)) {
            assertEquals(List.of("late.txt"), left.map(p -> p.getFileName().toString()).toList());
        }
        Files.delete(old.resolve("late.txt"));
        Files.writeString(old.resolve("B.csv"), "b", StandardCharsets.UTF_8);
        AreaSplit.removeEarlierSet(old, List.of(Path.of("B.csv")));
        assertFalse(Files.exists(old), "a folder the set's files leave empty goes too");
    }
}
