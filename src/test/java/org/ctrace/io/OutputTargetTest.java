package org.ctrace.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OutputTarget and RejectsFile: UTF-8, optional BOM, files written whole or not at all (SPEC §4). */
class OutputTargetTest {

    @TempDir
    Path dir;

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void streamIsUtf8() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputTarget.stream(out, false).write(w -> w.write("王娜,46.5\n"));
        assertArrayEquals("王娜,46.5\n".getBytes(UTF_8), out.toByteArray());
    }

    /** A stream every write to which fails with this message. */
    private static java.io.OutputStream failing(String message) {
        return new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(message);
            }
        };
    }

    @Test
    void aStreamOnAFullDiskIsStandardOutputsErrorButAClosedPipeEndsQuietly() {
        java.io.OutputStream full = failing("No space left on device");
        InputException e = assertThrows(InputException.class, () -> OutputTarget.stream(full, false)
                .write(w -> w.write("x")));
        assertEquals("standard output cannot be written: No space left on device", e.getMessage());
        java.io.OutputStream closed = failing("Broken pipe");
        UncheckedIOException pipe = assertThrows(UncheckedIOException.class, () -> OutputTarget.stream(closed, false)
                .write(w -> w.write("x")));
        assertTrue(OutputTarget.isBrokenPipe(pipe));
        // a writer of files that names them itself gets the failure as it came, not as standard output's
        IOException raw = assertThrows(IOException.class, () -> OutputTarget.writeTo(full, true, w -> w.write("x")));
        assertEquals("No space left on device", raw.getMessage());
    }

    @Test
    void bomComesFirst() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputTarget.stream(out, true).write(w -> w.write("a\n"));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', '\n'}, out.toByteArray());
    }

    @Test
    void fileIsWrittenWithNoTemporaryFileLeft() throws IOException {
        Path target = dir.resolve("list.csv");
        OutputTarget.file(target, true).write(w -> w.write("x,y\n"));
        byte[] bytes = Files.readAllBytes(target);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', ',', 'y', '\n'}, bytes);
        assertEquals(List.of("list.csv"), files());
    }

    @Test
    void fileReplacesAnOlderOne() throws IOException {
        Path target = dir.resolve("list.csv");
        Files.writeString(target, "old\n");
        OutputTarget.file(target, false).write(w -> w.write("new\n"));
        assertEquals("new\n", Files.readString(target));
        assertEquals(List.of("list.csv"), files());
    }

    @Test
    void failedBodyLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("list.csv");
        Files.writeString(target, "old\n");
        // a full disk met while the list's rows are written: a user's error (exit 1), not an internal one
        InputException e = assertThrows(InputException.class, () -> OutputTarget.file(target, false).write(w -> {
            w.write("half of it\n".repeat(10_000));
            throw new UncheckedIOException(new IOException("No space left on device"));
        }));
        assertEquals(target + ": cannot be written: No space left on device", e.getMessage());
        assertEquals("old\n", Files.readString(target));
        assertEquals(List.of("list.csv"), files());
    }

    @Test
    void failedBodyCreatesNoFile() throws IOException {
        Path target = dir.resolve("list.csv");
        assertThrows(InputException.class, () -> OutputTarget.file(target, false).write(w -> {
            w.write("partial");
            throw new IOException("broken");
        }));
        assertFalse(Files.exists(target));
        assertEquals(List.of(), files());
    }

    @Test
    void fileInAMissingFolderCannotBeWritten() {
        Path target = dir.resolve("no-such-folder").resolve("list.csv");
        InputException e = assertThrows(InputException.class,
                () -> OutputTarget.file(target, false).write(w -> w.write("x")));
        assertTrue(e.getMessage().startsWith(target + ": cannot be written"), e.getMessage());
    }

    @Test
    void rejectsFileHasFileLineReasonRow() throws IOException {
        Path target = dir.resolve("rejects.csv");
        try (RejectsFile r = new RejectsFile(target)) {
            r.accept(new RejectedRow("contacts.csv", 3, "start: a date", Arrays.asList("A", "B", "2024-02-30")));
            r.accept(new RejectedRow("cases.csv", 12, "expected 2 cells as in the header, found 3",
                    Arrays.asList("=cmd", "x, y", "\"q\"")));
            assertFalse(Files.exists(target), "moved into place only when the run ends");
            r.commit();
        }
        assertEquals("file,line,reason,row\n"
                + "contacts.csv,3,start: a date,\"A,B,2024-02-30\"\n"
                + "cases.csv,12,\"expected 2 cells as in the header, found 3\",\"'=cmd,\"\"x, y\"\",\"\"\"\"\"\"q\"\"\"\"\"\"\"\n",
                Files.readString(target));
        assertEquals(List.of("rejects.csv"), files());
    }

    @Test
    void rejectsFileNotCommittedLeavesNothing() throws IOException {
        Path target = dir.resolve("rejects.csv");
        try (RejectsFile r = new RejectsFile(target)) {
            r.accept(new RejectedRow("contacts.csv", 3, "why", List.of("A")));
        }
        assertEquals(List.of(), files());
    }

    /** A named pipe (or a shell's {@code >(gzip > x.gz)}) is fed, not replaced by a file, as was /dev/null. */
    @Test
    void aNamedPipeIsWrittenIntoNotReplaced() throws Exception {
        Path fifo = dir.resolve("list.pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor(), "this test makes a named pipe with mkfifo");
        java.util.concurrent.CompletableFuture<String> read = reading(fifo);
        OutputTarget target = OutputTarget.file(fifo, false);
        target.check();
        target.write(w -> w.write("王娜,46.5\n"));
        assertEquals("王娜,46.5\n", read.get(60, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "still a pipe");
        assertEquals(List.of("list.pipe"), files());
        read = reading(fifo);
        try (RejectsFile r = new RejectsFile(fifo)) { // opened at once: the reader is there
            r.accept(new RejectedRow("contacts.csv", 3, "why", List.of("A")));
            r.commit();
        }
        assertEquals("file,line,reason,row\ncontacts.csv,3,why,A\n", read.get(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(List.of("list.pipe"), files());
    }

    /** What a reader of the pipe, started now, reads from it. */
    private static java.util.concurrent.CompletableFuture<String> reading(Path fifo) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo, UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A link was replaced by a file, and the file it named (the one others read) kept the old list. */
    @Test
    void aLinkGoesOnNamingTheFileItNamedWhichGetsTheNewList() throws IOException {
        Path real = Files.writeString(dir.resolve("2024-03-15.csv"), "old\n", UTF_8);
        Path link = Files.createSymbolicLink(dir.resolve("latest.csv"), real.getFileName());
        OutputTarget.file(link, false).write(w -> w.write("new\n"));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new\n", Files.readString(real, UTF_8));
        Path dangling = Files.createSymbolicLink(dir.resolve("next.csv"), dir.resolve("2024-03-16.csv"));
        try (RejectsFile r = new RejectsFile(dangling)) {
            r.commit();
        }
        assertTrue(Files.isSymbolicLink(dangling), "a dangling link names the file it makes");
        assertEquals("file,line,reason,row\n", Files.readString(dir.resolve("2024-03-16.csv"), UTF_8));
        assertEquals(List.of("2024-03-15.csv", "2024-03-16.csv", "latest.csv", "next.csv"), files());
        // a dangling link reached through a linked folder: its '..' is read from where the link lies
        Path deep = Files.createDirectories(dir.resolve("deep").resolve("a"));
        Files.createDirectories(dir.resolve("lists"));
        Files.createSymbolicLink(dir.resolve("short"), dir.relativize(deep));
        Files.createSymbolicLink(deep.resolve("today.csv"), Path.of("..", "..", "lists", "today.csv"));
        OutputTarget.file(dir.resolve("short").resolve("today.csv"), false).write(w -> w.write("today\n"));
        assertEquals("today\n", Files.readString(dir.resolve("lists").resolve("today.csv"), UTF_8));
    }

    /**
     * '..' is read as the system reads it, after the folder before it: a missing folder failed
     * only once the run was done (its check made the file in the folder the text names), and a
     * linked one's list went to the folder the text names.
     */
    @Test
    void dotsAreReadAsTheSystemReadsThem() throws IOException {
        Path missing = dir.resolve("missing").resolve("..").resolve("list.csv");
        InputException e = assertThrows(InputException.class, () -> OutputTarget.file(missing, false).check());
        assertEquals(missing + ": cannot be written: folder does not exist: " + dir.resolve("missing").resolve(".."),
                e.getMessage());
        assertEquals(List.of(), files());
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere").resolve("deep"));
        Path linked = Files.createSymbolicLink(dir.resolve("linked"), elsewhere);
        Path through = linked.resolve("..").resolve("list.csv");
        OutputTarget.file(through, false).check();
        OutputTarget.file(through, false).write(w -> w.write("list\n"));
        assertEquals("list\n", Files.readString(dir.resolve("elsewhere").resolve("list.csv"), UTF_8));
        assertEquals(List.of("elsewhere", "linked"), files());
        assertTrue(OutputTarget.sameFile(through, dir.resolve("elsewhere").resolve("list.csv")));
        Path notYet = linked.resolve("..").resolve("next.csv");
        assertTrue(OutputTarget.sameFile(notYet, dir.resolve("elsewhere").resolve("next.csv")));
        assertFalse(OutputTarget.sameFile(notYet, dir.resolve("next.csv")));
    }

    /** The list holds names and phones: a file its owner closed to others was reopened by every run. */
    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        Path list = Files.writeString(dir.resolve("list.csv"), "old\n", UTF_8);
        keeps(list, "rw-------", () -> OutputTarget.file(list, false).write(w -> w.write("new\n")));
        assertEquals("new\n", Files.readString(list, UTF_8));
        Path rejects = Files.writeString(dir.resolve("rejects.csv"), "old\n", UTF_8);
        keeps(rejects, "rw-------", () -> {
            try (RejectsFile r = new RejectsFile(rejects)) {
                r.commit();
            }
        });
        // set once written: a read-only file's permissions, given before, stopped the writing (as any user but root)
        keeps(list, "r--r--r--", () -> OutputTarget.file(list, false).write(w -> w.write("newer\n")));
        assertEquals("newer\n", Files.readString(list, UTF_8));
    }

    /** Gives the file these permissions, replaces it, and checks that the new file has them. */
    private static void keeps(Path file, String permissions, Runnable replace) throws IOException {
        java.util.Set<java.nio.file.attribute.PosixFilePermission> given =
                java.nio.file.attribute.PosixFilePermissions.fromString(permissions);
        Files.setPosixFilePermissions(file, given);
        replace.run();
        assertEquals(given, Files.getPosixFilePermissions(file), permissions);
    }
}
