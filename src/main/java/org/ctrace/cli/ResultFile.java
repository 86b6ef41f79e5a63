package org.ctrace.cli;

import java.nio.file.Path;
import org.ctrace.io.OutputTarget;
import picocli.CommandLine.Option;

/** {@code -o FILE} and {@code --bom}: where a command's result goes (SPEC §4), for every command that writes one. */
final class ResultFile {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the result to FILE (whole or not at all) instead of standard output.")
    Path output;

    @Option(names = "--bom", description = "Start the output with a UTF-8 byte-order mark, for spreadsheets.")
    boolean bom;

    /** The target of the result: the -o file, or standard output. */
    OutputTarget target(Console console) {
        return output == null ? OutputTarget.stream(console.out(), bom) : OutputTarget.file(output, bom);
    }

    /**
     * {@link #target}, the -o file checked first (see {@link OutputTarget#check}), so that a path
     * that cannot be written fails before anything is read.
     */
    OutputTarget checkedTarget(Console console) {
        OutputTarget target = target(console);
        if (output != null) {
            target.check();
        }
        return target;
    }
}
