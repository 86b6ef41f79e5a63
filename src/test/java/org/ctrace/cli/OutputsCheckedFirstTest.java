package org.ctrace.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's outputs are checked before anything is read, so that one that cannot be written
 * does not fail the run after others were written (README: exit 1, no output file); and a
 * split set replaces only an earlier set, never the other files of its folder. Found by a
 * second reader's audit: {@code --split-by district .} deleted the run's inputs.
 */
class OutputsCheckedFirstTest {

    @TempDir
    Path dir;

    private SmallSet.Files set;

    private Ctrace.Result trace(String... more) {
        set = SmallSet.write(dir);
        return Ctrace.trace(Ctrace.concat(Ctrace.concat(set.args(), "--quiet"), more));
    }

    @Test
    void aSplitIntoTheInputsFolderKeepsTheInputs() {
        Ctrace.Result r = trace("--split-by", "district", dir.toString());
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("Huaxi_Beihu.csv", "Huaxi_Nanshan.csv", "cases.csv", "contacts.csv", "index.csv",
                "persons.csv", "quarantine.csv"), Ctrace.list(dir));
        assertEquals(String.join("\n", SmallSet.CASES) + "\n", Ctrace.read(dir.resolve("cases.csv")));
        // and again: the earlier set is replaced, the inputs still stay
        assertEquals(0, trace("--split-by", "district", dir.toString(), "--format", "tsv").exit());
        assertEquals(List.of("Huaxi_Beihu.tsv", "Huaxi_Nanshan.tsv", "cases.csv", "contacts.csv", "index.csv",
                "persons.csv", "quarantine.csv"), Ctrace.list(dir));
    }

    @Test
    void otherFilesAndFoldersInTheFolderStay() throws IOException {
        Path reports = dir.resolve("reports");
        Files.createDirectories(reports.resolve("2024-03-14"));
        Files.writeString(reports.resolve("2024-03-14").resolve("list.csv"), "yesterday", UTF_8);
        Files.writeString(reports.resolve("notes.txt"), "keep me", UTF_8);
        assertEquals(0, trace("--split-by", "district", reports.toString()).exit());
        assertEquals(0, trace("--split-by", "town", reports.toString()).exit());
        assertEquals(List.of("2024-03-14", "Huaxi_Beihu_Huayu Town.csv", "Huaxi_Nanshan_Anwei Town.csv", "index.csv",
                "notes.txt"), Ctrace.list(reports));
        assertEquals("keep me", Ctrace.read(reports.resolve("notes.txt")));
        assertEquals("yesterday", Ctrace.read(reports.resolve("2024-03-14").resolve("list.csv")));
        assertEquals(List.of("cases.csv", "contacts.csv", "persons.csv", "quarantine.csv", "reports"),
                Ctrace.list(dir), "no temporary folder left beside the set");
    }

    @Test
    void aFileOfTheSameNameAsOneOfTheSetsThatNoEarlierSetListsIsNotReplaced() throws IOException {
        Path split = dir.resolve("split");
        assertEquals(0, trace("--split-by", "district", split.toString()).exit());
        // without its index, the earlier set is no longer known as one: its files are the user's
        Files.delete(split.resolve("index.csv"));
        String before = Ctrace.read(split.resolve("Huaxi_Beihu.csv"));
        Ctrace.Result r = trace("--split-by", "district", split.toString());
        assertEquals(1, r.exit(), r::toString);
        assertEquals("ctrace trace: " + split + ": cannot be written: it holds 'Huaxi_Beihu.csv', which no earlier "
                + "split set lists and which a file of the new set would replace", r.errLines().get(0));
        assertEquals(List.of("Huaxi_Beihu.csv", "Huaxi_Nanshan.csv"), Ctrace.list(split));
        assertEquals(before, Ctrace.read(split.resolve("Huaxi_Beihu.csv")));
        assertEquals(List.of("cases.csv", "contacts.csv", "persons.csv", "quarantine.csv", "split"),
                Ctrace.list(dir), "no temporary folder left beside the set");
    }

    @Test
    void anEarlierSetWhoseNamesAFormulaCouldStartIsKnownAsOne() {
        // index.csv writes '-North_D1.csv with a ' before it, as it writes any cell a spreadsheet
        // would run; the second run once took the set's own file for one of the user's
        set = SmallSet.write(dir);
        Ctrace.write(dir, "persons.csv", SmallSet.PERSONS[0], SmallSet.PERSONS[1],
                "P1,Ann Li,1,-North,D1,T1,V1,H2", "P2,Bo,2,=South,D2,T2,V2,H3", "S1,Sam Wu,3,@West,D3,T3,V3,H4");
        Path split = dir.resolve("split");
        for (int run = 0; run < 2; run++) {
            Ctrace.Result r = Ctrace.trace(Ctrace.concat(set.args(), "--quiet", "--split-by", "district",
                    split.toString()));
            assertEquals(0, r.exit(), "run " + run + ": " + r);
        }
        assertEquals(List.of("-North_D1.csv", "=South_D2.csv", "@West_D3.csv", "Huaxi_Beihu.csv", "index.csv"),
                Ctrace.list(split));
    }

    @Test
    void aLinkToAFolderIsFollowedAndStaysALink() throws IOException {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.writeString(shared.resolve("notes.txt"), "keep me", UTF_8);
        Path link = Files.createSymbolicLink(dir.resolve("out"), shared);
        for (int run = 0; run < 2; run++) {
            assertEquals(0, trace("--split-by", "district", link.toString()).exit());
        }
        assertTrue(Files.isSymbolicLink(link), "the link is not replaced by a folder");
        assertEquals(List.of("Huaxi_Beihu.csv", "Huaxi_Nanshan.csv", "index.csv", "notes.txt"), Ctrace.list(shared));
    }

    @Test
    void aListInTheSplitsNewFolderIsWrittenAfterIt() {
        Path split = dir.resolve("out");
        for (int run = 0; run < 2; run++) {
            Ctrace.Result r = trace("--split-by", "district", split.toString(), "-o", split.resolve("list.csv")
                    .toString());
            assertEquals(0, r.exit(), "run " + run + ": " + r);
        }
        assertEquals(List.of("Huaxi_Beihu.csv", "Huaxi_Nanshan.csv", "index.csv", "list.csv"), Ctrace.list(split));
        assertEquals(SmallSet.LIST_CSV, Ctrace.read(split.resolve("list.csv")));
    }

    /** -o and --gaps could go in the split's new folder, but --rejects failed there: "folder does not exist". */
    @Test
    void rejectsInTheSplitsNewFolderAreWrittenAfterItToo() throws IOException {
        Path split = dir.resolve("teams").resolve("today");
        Path rejects = split.resolve("rejects.csv");
        set = SmallSet.write(dir);
        Files.writeString(set.contacts(), Files.readString(set.contacts(), UTF_8) + "C1,P9,2024-02-30,,30,meal,,\n",
                UTF_8);
        Ctrace.Result r = Ctrace.trace(Ctrace.concat(set.args(), "--quiet", "--on-error", "skip", "--rejects",
                rejects.toString(), "--split-by", "district", split.toString()));
        assertEquals(3, r.exit(), r::toString);
        assertEquals(List.of("Huaxi_Beihu.csv", "Huaxi_Nanshan.csv", "index.csv", "rejects.csv"), Ctrace.list(split));
        assertTrue(Ctrace.read(rejects).contains("2024-02-30"), Ctrace.read(rejects));
        // a folder of that name there is refused at once, not after the set is written
        Files.delete(rejects);
        Files.createDirectory(rejects);
        Ctrace.Result folder = Ctrace.trace(Ctrace.concat(set.args(), "--quiet", "--on-error", "skip", "--rejects",
                rejects.toString(), "--split-by", "district", split.toString()));
        assertEquals(1, folder.exit(), folder::toString);
        assertEquals(List.of("ctrace trace: " + rejects + ": cannot be written: it is a folder"), folder.errLines());
        Files.delete(rejects);
        assertEquals(List.of("SmallSet files", "teams"), Ctrace.list(dir).stream()
                .map(n -> n.endsWith(".csv") ? "SmallSet files" : n).distinct().toList(), "no temporary file left");
    }

    @Test
    void aGapListIsNotWrittenWhenTheSplitIsRefused() throws IOException {
        set = SmallSet.write(dir);
        Path split = Files.createDirectories(dir.resolve("split"));
        Files.writeString(split.resolve("Huaxi_Beihu.csv"), "the user's", UTF_8);
        Path gaps = dir.resolve("gaps.csv");
        Ctrace.Result r = Ctrace.run(Ctrace.concat(Ctrace.concat(new String[] {"coverage", "--as-of", Ctrace.AS_OF,
            "--zone", "UTC", "--quiet", "--gaps", gaps.toString(), "--split-by", "district", split.toString()},
                set.args())));
        assertEquals(1, r.exit(), r::toString);
        assertFalse(Files.exists(gaps), "exit 1: no output file");
        assertEquals("the user's", Ctrace.read(split.resolve("Huaxi_Beihu.csv")));
    }

    @Test
    void aRejectsFileThatIsAFolderFailsTheRunBeforeTheListIsWritten() throws IOException {
        Path rejects = Files.createDirectories(dir.resolve("rejects"));
        Path list = dir.resolve("list.csv");
        Ctrace.Result r = trace("--on-error", "skip", "--rejects", rejects.toString(), "-o", list.toString());
        assertEquals(1, r.exit(), r::toString);
        assertEquals("ctrace trace: " + rejects + ": cannot be written: it is a folder", r.errLines().get(0));
        assertFalse(Files.exists(list));
    }

    @Test
    void aFileThatIsNotAFolderIsNotReplacedByASet() throws IOException {
        Path file = Files.writeString(dir.resolve("split"), "a file", UTF_8);
        Ctrace.Result r = trace("--split-by", "district", file.toString());
        assertEquals(1, r.exit(), r::toString);
        assertEquals("ctrace trace: " + file + ": cannot be written: not a folder", r.errLines().get(0));
        assertEquals("a file", Ctrace.read(file));
    }

    @Test
    void anOutputFileThatCannotBeWrittenStopsTheRunBeforeTheSplitIsWritten() {
        Path split = dir.resolve("split");
        Ctrace.Result r = trace("--split-by", "district", split.toString(), "-o",
                dir.resolve("missing").resolve("list.csv").toString());
        assertEquals(1, r.exit(), r::toString);
        assertFalse(Files.exists(split), "no split set for a run that failed");
    }

    @Test
    void aGapListIsNotWrittenWhenTheReportCannotBe() {
        set = SmallSet.write(dir);
        Path gaps = dir.resolve("gaps.csv");
        Ctrace.Result r = Ctrace.run(Ctrace.concat(Ctrace.concat(new String[] {"coverage", "--as-of", Ctrace.AS_OF,
            "--zone", "UTC", "--quiet", "--gaps", gaps.toString(), "-o", dir.resolve("missing/report.csv").toString()},
                set.args())));
        assertEquals(1, r.exit(), r::toString);
        assertEquals("ctrace coverage: " + dir.resolve("missing/report.csv") + ": cannot be written: folder does not "
                + "exist: " + dir.resolve("missing"), r.errLines().get(0));
        assertFalse(Files.exists(gaps));
    }

    @Test
    void aGapListThatCannotBeWrittenFailsTheRunBeforeTheInputsAreRead() {
        // not after a city's trace: the inputs are not even opened (this one does not exist)
        Path gaps = dir.resolve("missing").resolve("gaps.csv");
        Ctrace.Result r = Ctrace.run("coverage", "--as-of", Ctrace.AS_OF, "--zone", "UTC", "--quiet", "--gaps",
                gaps.toString(), "--cases", dir.resolve("no-such-cases.csv").toString());
        assertEquals(1, r.exit(), r::toString);
        assertEquals("ctrace coverage: " + gaps + ": cannot be written: folder does not exist: " + gaps.getParent(),
                r.errLines().get(0));
    }

    @Test
    void anOutputThatIsAFolderIsNotReplacedByTheList() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("out"));
        Ctrace.Result r = trace("-o", folder.toString());
        assertEquals(1, r.exit(), r::toString);
        assertEquals("ctrace trace: " + folder + ": cannot be written: it is a folder", r.errLines().get(0));
        assertTrue(Files.isDirectory(folder));
    }

    /**
     * Run in a process of its own, in a folder of the test's: the split set's folder is the
     * working folder, which would be deleted under the caller.
     */
    @Test
    void theWorkingFolderIsNotReplacedNorReachedThroughALink() throws Exception {
        Path split = dir.resolve("split");
        assertEquals(0, trace("--split-by", "district", split.toString()).exit());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "trace", "--as-of",
                Ctrace.AS_OF, "--zone", "UTC", "--quiet", "--split-by", "district", "."));
        command.addAll(Arrays.asList(set.args()));
        Process p = new ProcessBuilder(command).directory(split.toFile()).start();
        String err = new String(p.getErrorStream().readAllBytes(), UTF_8);
        assertEquals(1, p.waitFor(), err);
        assertEquals("ctrace trace: .: cannot be written: it is (or holds) the working folder, which the split set "
                + "would replace; give it a folder of its own", err.strip());
        assertEquals(List.of("Huaxi_Beihu.csv", "Huaxi_Nanshan.csv", "index.csv"), Ctrace.list(split));
        Path link = Files.createSymbolicLink(dir.resolve("link"), split);
        command.set(command.indexOf("."), link.toString());
        p = new ProcessBuilder(command).directory(split.toFile()).start();
        err = new String(p.getErrorStream().readAllBytes(), UTF_8);
        assertEquals(1, p.waitFor(), err);
        assertTrue(err.contains("it is (or holds) the working folder"), err);
        assertEquals(List.of("Huaxi_Beihu.csv", "Huaxi_Nanshan.csv", "index.csv"), Ctrace.list(split));
    }
}
