package org.ctrace.cli;

import java.nio.file.Path;
import org.ctrace.io.OutputTarget;
import org.ctrace.io.TableFormat;
import picocli.CommandLine.Option;

/** Where and how a command writes its result (SPEC §4). */
final class OutputOptions {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the result to FILE (whole or not at all) instead of standard output.")
    Path output;

    @Option(names = "--format", paramLabel = "csv|tsv|json|table", defaultValue = "csv",
            description = "Output format (default: ${DEFAULT-VALUE}); table is aligned text for a terminal.")
    TableFormat format;

    @Option(names = "--bom", description = "Start the output with a UTF-8 byte-order mark, for spreadsheets.")
    boolean bom;

    @Option(names = "--quiet", description = "No summary or progress on standard error (errors still are).")
    boolean quiet;

    /**
     * Fails now when the -o file cannot be written, before anything is read (see
     * {@link OutputTarget#check}); a file in the split's folder is not checked, since the
     * split makes that folder before the file is written.
     */
    void check(SplitOptions split) {
        check(output, split);
    }

    /** {@link #check(SplitOptions)} for another file of the run written in this output's way. */
    void check(Path file, SplitOptions split) {
        if (file != null && !split.holds(file)) {
            OutputTarget.file(file, bom).check();
        }
    }

    /** The target of the result. */
    OutputTarget target(Console console) {
        return output == null ? OutputTarget.stream(console.out(), bom) : OutputTarget.file(output, bom);
    }
}
