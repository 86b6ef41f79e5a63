package org.ctrace.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The {@code --rejects FILE} of {@code --on-error skip}: one CSV row per rejected input row,
 * with its file, line, reason and cells, written as rows are rejected and moved into place
 * when the run ends.
 */
public final class RejectsFile implements Consumer<RejectedRow>, AutoCloseable {

    /** The columns. */
    public static final List<String> COLUMNS = List.of("file", "line", "reason", "row");

    private final Path target;
    /** The temporary file moved into place at the end; null for a pipe or device, written straight into. */
    private final Path tmp;
    private final CSVPrinter printer;
    private boolean committed;

    public RejectsFile(Path file) {
        try {
            OutputStream out;
            if (OutputTarget.isStream(file)) {
                this.target = file;
                this.tmp = null;
                out = Files.newOutputStream(file, StandardOpenOption.WRITE);
            } else {
                this.target = OutputTarget.destination(file);
                // in a folder the run makes before the end (the split's), staged in the nearest one there is
                Path folder = Files.isDirectory(target.getParent()) ? target.getParent() : nearestFolder(target);
                this.tmp = Siblings.file(folder.resolve(target.getFileName()));
                out = Files.newOutputStream(tmp);
            }
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            this.printer = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build().print(w);
            printer.printRecord(COLUMNS);
        } catch (IOException e) {
            throw new InputException(file + ": cannot be written: " + OutputTarget.reason(e));
        }
    }

    private static Path nearestFolder(Path file) {
        Path folder = file.getParent();
        while (folder.getParent() != null && !Files.isDirectory(folder)) {
            folder = folder.getParent();
        }
        return folder;
    }

    @Override
    public synchronized void accept(RejectedRow r) {
        StringBuilder row = new StringBuilder();
        try {
            CSVFormat.DEFAULT.printRecord(row, r.cells().toArray());
            printer.printRecord(TableWriter.defuse(r.file()), r.line(), TableWriter.defuse(r.reason()),
                    TableWriter.defuse(row.toString().strip()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves the finished file into place. */
    public synchronized void commit() {
        try {
            printer.close();
            if (tmp != null) {
                OutputTarget.moveIntoPlace(tmp, target);
            }
            committed = true;
        } catch (IOException e) {
            throw new InputException(target + ": cannot be written: " + OutputTarget.reason(e));
        }
    }

    /** Discards the file unless committed. */
    @Override
    public synchronized void close() {
        if (!committed) {
            try {
                printer.close();
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException ignored) {
                // nothing more to do for a file that is being thrown away
            }
        }
    }
}
