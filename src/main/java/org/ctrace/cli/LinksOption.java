package org.ctrace.cli;

import java.nio.file.Path;
import org.ctrace.io.InputFile;
import picocli.CommandLine.Option;

/** {@code --links FILE}: case-to-case links (SPEC §8), for chains, export --chains and validate. */
final class LinksOption {

    /** The standard name under {@code --in DIR}. */
    static final String NAME = "links.csv";

    @Option(names = "--links", paramLabel = "FILE",
            description = "links.csv: case-to-case links (from, to, date, kind reported|related); "
                    + "default: links.csv in --in DIR when present ('-' for standard input).")
    String links;

    /** The links file: --links, else links.csv in --in DIR when present, else none. */
    InputFile file(InputOptions input, Console console) {
        if (links != null) {
            if (!links.equals("-")) {
                return InputFile.of(Path.of(links), input.charset());
            }
            for (String other : new String[] {input.cases, input.contacts, input.persons, input.quarantine}) {
                if ("-".equals(other)) {
                    throw new UsageException("'-' (standard input) may stand for one input only");
                }
            }
            return InputFile.stdin(console.in(), input.charset());
        }
        if (input.in != null && InputOptions.exists(input.standard(NAME))) {
            return InputFile.of(input.in.resolve(NAME), input.charset());
        }
        return null;
    }
}
