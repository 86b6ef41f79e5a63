package org.ctrace.cli;

import java.nio.file.Path;
import org.ctrace.io.OutputTarget;
import org.ctrace.io.TableFormat;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where and how a command writes its result (SPEC §4). */
final class OutputOptions {

    @Mixin
    private ResultFile file;

    @Option(names = "--format", paramLabel = "csv|tsv|json|table", defaultValue = "csv",
            description = "Output format (default: ${DEFAULT-VALUE}); table is aligned text for a terminal.")
    TableFormat format;

    @Option(names = "--quiet", description = "No summary or progress on standard error (errors still are).")
    boolean quiet;

    /**
     * Fails now when the -o file cannot be written, before anything is read (see
     * {@link OutputTarget#check}); a file in the split's folder is not checked, since the
     * split makes that folder before the file is written.
     */
    void check(SplitOptions split) {
        check(file.output, split);
    }

    /** {@link #check(SplitOptions)} for another file of the run written in this output's way. */
    void check(Path file, SplitOptions split) {
        if (file != null && !split.holds(file)) {
            OutputTarget.file(file, bom()).check();
        }
    }

    /** The -o file, or null for standard output. */
    Path output() {
        return file.output;
    }

    /** Whether outputs start with a byte-order mark. */
    boolean bom() {
        return file.bom;
    }

    /** The target of the result. */
    OutputTarget target(Console console) {
        return file.target(console);
    }
}
