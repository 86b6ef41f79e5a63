package org.ctrace.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where a result goes: standard output, or a file written whole or not at all (written to a
 * temporary file beside it, then moved into place). Always UTF-8, with an optional BOM for
 * spreadsheets.
 */
public final class OutputTarget {

    /** Writes the text of a result. */
    @FunctionalInterface
    public interface Body {
        void writeTo(Writer out) throws IOException;
    }

    private final Path file;
    private final OutputStream stdout;
    private final boolean bom;

    private OutputTarget(Path file, OutputStream stdout, boolean bom) {
        this.file = file;
        this.stdout = stdout;
        this.bom = bom;
    }

    /** Standard output (or any stream). */
    public static OutputTarget stream(OutputStream out, boolean bom) {
        return new OutputTarget(null, out, bom);
    }

    /** A file, replaced atomically. */
    public static OutputTarget file(Path file, boolean bom) {
        return new OutputTarget(file, null, bom);
    }

    /**
     * Fails now, before anything is read or written, when the file cannot be written: its
     * folder is missing or closed to us, or it is a folder. A run's outputs are checked first
     * so that one that cannot be written does not fail the run after others were written.
     */
    public void check() {
        if (file == null) {
            return;
        }
        try {
            if (Files.isDirectory(file)) {
                throw new IOException("it is a folder");
            }
            if (isStream(file)) {
                // opened only to write: a named pipe's open would wait for its reader
                if (!Files.isWritable(file)) {
                    throw new java.nio.file.AccessDeniedException(file.toString());
                }
                return;
            }
            Files.delete(Siblings.file(destination(file)));
        } catch (IOException e) {
            throw new InputException(file + ": cannot be written: " + reason(e));
        }
    }

    /** Writes the body; for a file, nothing is left behind when the body fails. */
    public void write(Body body) {
        if (file == null) {
            try {
                writeTo(stdout, bom, body);
            } catch (IOException e) {
                throw unwritable(e);
            } catch (UncheckedIOException e) {
                throw unwritable(e.getCause());
            }
            return;
        }
        Path tmp = null;
        try {
            if (isStream(file)) {
                try (OutputStream os = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
                    writeTo(os, bom, body);
                }
                return;
            }
            Path into = destination(file);
            tmp = Siblings.file(into);
            try (OutputStream os = Files.newOutputStream(tmp)) {
                writeTo(os, bom, body);
            }
            moveIntoPlace(tmp, into);
            tmp = null;
        } catch (IOException e) {
            throw new InputException(file + ": cannot be written: " + reason(e));
        } catch (UncheckedIOException e) {
            // a full disk met by a writer that may not throw IOException (the list's rows)
            throw new InputException(file + ": cannot be written: " + reason(e.getCause()));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the failure that brought us here is the one to report
                }
            }
        }
    }

    /**
     * A failure to write standard output: a closed pipe is left as it is, for the caller to end
     * the run quietly (the reader went away, as with {@code | head}); anything else, such as
     * a full disk under {@code > list.csv}, is an error, since the list is not whole.
     */
    private static RuntimeException unwritable(IOException e) {
        if (isBrokenPipe(e)) {
            return new UncheckedIOException(e);
        }
        return new InputException("standard output cannot be written: " + reason(e));
    }

    /**
     * Whether two paths are one file: the same file when both exist (a link, a second name),
     * else the same name once the folder's links and dots are resolved.
     */
    public static boolean sameFile(Path a, Path b) {
        boolean aExists = Files.exists(a);
        if (aExists != Files.exists(b)) {
            return false;
        }
        if (aExists) {
            try {
                return Files.isSameFile(a, b);
            } catch (IOException e) {
                // compared by name below
            }
        }
        // a dangling link names the file it would make
        return destination(a).equals(destination(b));
    }

    /**
     * The absolute path as the system reads it: links and dots resolved as far as it exists,
     * the rest as written. A '..' is the parent of the folder before it as that folder is
     * (the linked folder's, for a link; none, for a missing folder), not the one the text
     * names: {@link Path#normalize} would put a list beside the link, or check a folder the
     * system then does not write in.
     */
    public static Path systemPath(Path p) {
        Path absolute = p.toAbsolutePath();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            Path parent = absolute.getParent();
            Path name = absolute.getFileName();
            if (parent == null || name == null) {
                return absolute;
            }
            // 'x/.' is x, as the system reads it, whether x exists yet or not
            return name.toString().equals(".") ? systemPath(parent) : systemPath(parent).resolve(name);
        }
    }

    /**
     * Whether a failure, or one of its causes, is a write to a pipe whose reader has gone
     * ({@link StandardOutput}; by the system's words where it cannot tell a pipe).
     */
    public static boolean isBrokenPipe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            boolean io = t instanceof IOException || t instanceof UncheckedIOException;
            if (t instanceof StandardOutput.ClosedPipeException
                    || io && String.valueOf(t.getMessage()).contains("Broken pipe")) {
                return true;
            }
        }
        return false;
    }

    /** Why a file could not be written, in words (Java's messages are often just a path). */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException n) {
            if (n.getReason() != null) {
                return n.getReason() + ": " + n.getFile();
            }
            String folder = Siblings.parentOfQuietly(n.getFile());
            // a folder that exists but takes no new files, such as /proc
            return Files.isDirectory(Path.of(folder)) ? "no file can be made in " + folder
                    : "folder does not exist: " + folder;
        }
        if (e instanceof java.nio.file.DirectoryNotEmptyException d) {
            // a folder that cannot be renamed across file systems, say
            return "a folder that is not empty cannot be moved: " + d.getFile();
        }
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason() + ": " + f.getFile();
        }
        return String.valueOf(e.getMessage());
    }

    /**
     * Whether a file output is written straight into, as a shell's {@code >} would: an existing
     * device or pipe (a named pipe, or the {@code /dev/fd/63} of a shell's {@code >(gzip > x.gz)}),
     * which a file moved into place would replace instead of feeding (a run as root replaced
     * {@code /dev/null} so). Such an output cannot be whole or nothing, as standard output cannot.
     */
    static boolean isStream(Path file) {
        return Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file);
    }

    /**
     * The file a file output replaces: through links to the file they name, so that the link
     * stays and goes on naming the new list (a dangling link: the file it would name); any other
     * path as it is.
     */
    static Path destination(Path file) {
        Path p = systemPath(file);
        try {
            for (int hops = 0; hops < 40 && Files.isSymbolicLink(p); hops++) {
                p = systemPath(p.resolveSibling(Files.readSymbolicLink(p)));
            }
        } catch (IOException e) {
            // written as named: the failure to write it, if any, says why
        }
        return p;
    }

    /** Moves a finished temporary file over the target, atomically where the file system can. */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        keepPermissions(target, tmp);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Gives the finished file the permissions of the one it replaces, once written (a read-only
     * one's could not be written to): a list its owner made readable to no one else stays so
     * after the nightly run.
     */
    private static void keepPermissions(Path replaced, Path finished) throws IOException {
        if (Files.isRegularFile(replaced)) {
            try {
                Files.setPosixFilePermissions(finished, Files.getPosixFilePermissions(replaced));
            } catch (UnsupportedOperationException e) {
                // no POSIX permissions here: the file system's defaults
            }
        }
    }

    /**
     * Writes the body onto a stream as UTF-8 (after a BOM if asked), failures as they come: for
     * a writer of several files that names them itself ({@link AreaSplit}).
     */
    static void writeTo(OutputStream os, boolean bom, Body body) throws IOException {
        if (bom) {
            os.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        Writer w = new Utf8Writer(os);
        body.writeTo(w);
        w.flush();
    }
}
