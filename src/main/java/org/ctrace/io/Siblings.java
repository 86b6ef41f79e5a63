package org.ctrace.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Temporary files and folders beside an output, so that it can be moved into place whole.
 * Made with the process's default permissions (umask), not the owner-only ones of
 * {@link Files#createTempFile}: lists are picked up by other people and jobs.
 */
final class Siblings {

    private Siblings() {
    }

    /** A new empty file beside the target, {@linkplain #deletedIfStopped deleted if the run is stopped}. */
    static Path file(Path target) throws IOException {
        Path dir = parentOf(target);
        while (true) {
            try {
                return deletedIfStopped(Files.createFile(dir.resolve(name(target))));
            } catch (FileAlreadyExistsException e) {
                // another name, then
            }
        }
    }

    /** A new empty folder beside the target (whose maker deletes it if the run is stopped: {@link AreaSplit}). */
    static Path folder(Path target) throws IOException {
        Path dir = parentOf(target);
        Files.createDirectories(dir);
        while (true) {
            try {
                return Files.createDirectory(dir.resolve(name(target)));
            } catch (FileAlreadyExistsException e) {
                // another name, then
            }
        }
    }

    /**
     * Has the JVM delete the file if the run is stopped (Ctrl-C, kill) before it is moved into
     * place: a half-written list was left beside the output. Moved, it is no longer there to
     * delete.
     */
    private static Path deletedIfStopped(Path p) throws IOException {
        try {
            p.toFile().deleteOnExit();
        } catch (IllegalStateException shuttingDown) {
            Files.deleteIfExists(p);
            throw new InterruptedIOException("the run is being stopped");
        }
        return p;
    }

    /**
     * The folder an output goes in, which must exist for a file; '..' is left to the system
     * ({@link OutputTarget#systemPath}).
     */
    static Path parentOf(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null) {
            throw new IOException("no folder to write in");
        }
        return dir;
    }

    /** Fails with a clear reason when the folder of a file output does not exist. */
    static void requireFolder(Path target) throws IOException {
        Path dir = parentOf(target);
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "folder does not exist");
        }
    }

    /** The folder of a path given as text, for messages. */
    static String parentOfQuietly(String path) {
        Path p = Path.of(path).toAbsolutePath().getParent();
        return p == null ? path : p.toString();
    }

    private static String name(Path target) {
        return "." + target.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                + ".tmp";
    }
}
