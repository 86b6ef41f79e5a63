package org.ctrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No two files a run writes are one, and none is an input: each is moved into place whole at
 * the end, so the later silently took the place of the earlier. Found by a second reader's
 * audit: {@code --rejects same.csv -o same.csv} left only the rejects, exit 3;
 * {@code --rejects contacts.csv} replaced the contacts by their rejected rows.
 */
class OutputsApartTest {

    @TempDir
    Path dir;

    private SmallSet.Files set;

    @BeforeEach
    void inputs() {
        set = SmallSet.write(dir);
    }

    private Ctrace.Result run(String command, String... more) {
        return Ctrace.run(Ctrace.concat(Ctrace.concat(new String[] {command, "--as-of", Ctrace.AS_OF, "--zone", "UTC",
            "--quiet"}, set.args()), more));
    }

    /** A usage error naming the clash, and the folder as it was: the inputs whole, nothing added. */
    private void refused(Ctrace.Result r, String message) {
        assertEquals(2, r.exit(), r::toString);
        assertEquals(List.of(message), r.errLines().subList(0, 1), r::toString);
        assertEquals(List.of("cases.csv", "contacts.csv", "persons.csv", "quarantine.csv"), Ctrace.list(dir));
        assertEquals(String.join("\n", SmallSet.CONTACTS) + "\n", Ctrace.read(set.contacts()));
    }

    @Test
    void theListAndItsRejectsCannotShareAFile() {
        String same = dir.resolve("same.csv").toString();
        refused(run("trace", "--on-error", "skip", "--rejects", same, "-o", same),
                "ctrace trace: -o and --rejects name the same file: " + same + "; each would replace the other");
    }

    @Test
    void noOutputMayReplaceAnInput() {
        refused(run("trace", "--on-error", "skip", "--rejects", set.contacts().toString()),
                "ctrace trace: --rejects names an input, which it would replace: " + set.contacts());
        refused(run("release", "-o", set.quarantine().toString()),
                "ctrace release: -o names an input, which it would replace: " + set.quarantine());
    }

    @Test
    void theSameFileIsKnownUnderAnotherName() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path dotted = sub.resolve("..").resolve("cases.csv");
        Ctrace.Result r = run("trace", "-o", dotted.toString());
        Files.delete(sub);
        refused(r, "ctrace trace: -o names an input, which it would replace: " + dotted);
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), set.persons());
        r = run("trace", "-o", link.toString());
        Files.delete(link);
        refused(r, "ctrace trace: -o names an input, which it would replace: " + link);
        // a dangling link names the file it would make: the list went there, then its rejects over it
        Path dangling = Files.createSymbolicLink(dir.resolve("list.csv"), Path.of("later.csv"));
        r = run("trace", "-o", dangling.toString(), "--on-error", "skip", "--rejects",
                dir.resolve("later.csv").toString());
        Files.delete(dangling);
        refused(r, "ctrace trace: -o and --rejects name the same file: " + dir.resolve("later.csv")
                + "; each would replace the other");
    }

    @Test
    void theCoverageAndItsGapListCannotShareAFile() {
        String gaps = dir.resolve("gaps.csv").toString();
        refused(run("coverage", "--gaps", gaps, "-o", dir.resolve(".").resolve("gaps.csv").toString()),
                "ctrace coverage: -o and --gaps name the same file: " + gaps + "; each would replace the other");
    }

    @Test
    void theSplitsIndexIsTheSplits() {
        Path out = dir.resolve("out");
        Ctrace.Result r = run("trace", "--split-by", "district", out.toString(), "-o", out.resolve("index.csv").toString());
        assertEquals(2, r.exit(), r::toString);
        assertEquals("ctrace trace: -o names the split's index.csv: " + out.resolve("index.csv"), r.errLines().get(0));
        assertFalse(Files.exists(out));
    }

    /**
     * An area's file is named only once the areas are read: -o naming one was written over the
     * set, and the team of that area received the whole city's list as its own.
     */
    @Test
    void noOutputMayBeAnAreasFile() throws IOException {
        Path out = dir.resolve("out");
        Path beihu = out.resolve("Huaxi_Beihu.csv");
        Ctrace.Result r = run("trace", "--split-by", "district", out.toString(), "-o", beihu.toString());
        assertEquals(2, r.exit(), r::toString);
        assertEquals("ctrace trace: -o names Huaxi_Beihu.csv, a file of the split into " + out + ": " + beihu
                + "; each would replace the other", r.errLines().get(0));
        assertFalse(Files.exists(out));
        assertEquals(List.of("cases.csv", "contacts.csv", "persons.csv", "quarantine.csv"), Ctrace.list(dir));
        // an earlier set's file, under another name; and the other outputs that may go into DIR
        assertEquals(0, run("trace", "--split-by", "district", out.toString()).exit());
        String set = Ctrace.read(beihu);
        r = run("coverage", "--split-by", "district", out.toString(), "--gaps",
                out.resolve(".").resolve("Huaxi_Nanshan.csv").toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.errLines().get(0).startsWith("ctrace coverage: --gaps names Huaxi_Nanshan.csv, a file of the split"),
                r::toString);
        r = run("release", "--on-error", "skip", "--rejects", beihu.toString(), "--split-by", "district",
                out.toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.errLines().get(0).startsWith("ctrace release: --rejects names Huaxi_Beihu.csv"), r::toString);
        r = run("chains", "--split-by", "district", out.toString(), "-o", beihu.toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.errLines().get(0).startsWith("ctrace chains: -o names Huaxi_Beihu.csv"), r::toString);
        assertEquals(set, Ctrace.read(beihu));
        assertEquals(List.of("Huaxi_Beihu.csv", "Huaxi_Nanshan.csv", "index.csv"), Ctrace.list(out));
        // a folder's '.', made or not, is the folder
        Path fresh = dir.resolve("fresh");
        r = run("trace", "--split-by", "district", fresh.resolve(".").toString(), "-o",
                fresh.resolve(".").resolve("list.csv").toString(), "--on-error", "skip", "--rejects",
                fresh.resolve(".").resolve("rejects.csv").toString());
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("Huaxi_Beihu.csv", "Huaxi_Nanshan.csv", "index.csv", "list.csv", "rejects.csv"),
                Ctrace.list(fresh));
        // beside the set, under a name of its own, an output is written
        r = run("trace", "--split-by", "district", out.toString(), "-o", out.resolve("list.csv").toString());
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("Huaxi_Beihu.csv", "Huaxi_Nanshan.csv", "index.csv", "list.csv"), Ctrace.list(out));
    }

    @Test
    void theLinksAreAnInputToo() {
        Path links = Ctrace.write(dir, "links.csv", "from,to,date,kind");
        Ctrace.Result r = run("chains", "--links", links.toString(), "-o", links.toString());
        assertEquals(2, r.exit(), r::toString);
        assertEquals("ctrace chains: -o names an input, which it would replace: " + links, r.errLines().get(0));
        assertEquals("from,to,date,kind\n", Ctrace.read(links));
    }

    @Test
    void outputsApartAreWritten() {
        Ctrace.Result r = run("coverage", "--on-error", "skip", "--rejects", dir.resolve("rejects.csv").toString(),
                "--gaps", dir.resolve("gaps.csv").toString(), "-o", dir.resolve("coverage.csv").toString());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(Files.exists(dir.resolve("gaps.csv")) && Files.exists(dir.resolve("coverage.csv")), r::toString);
    }
}
