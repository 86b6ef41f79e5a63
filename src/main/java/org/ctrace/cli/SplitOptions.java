package org.ctrace.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.ctrace.domain.AreaLevel;
import picocli.CommandLine.Option;

/** {@code --split-by LEVEL DIR}: one file per area, for field teams (SPEC §4). */
final class SplitOptions {

    @Option(names = "--split-by", arity = "2", paramLabel = "LEVEL DIR",
            description = "Also write one file per area (LEVEL: district, town or village) into DIR, "
                    + "with index.csv; the set is replaced whole or not at all.")
    String[] splitBy;

    /** Whether a split was asked for. */
    boolean given() {
        return splitBy != null;
    }

    AreaLevel level() {
        String word = splitBy[0].trim().toUpperCase(Locale.ROOT);
        if (!word.equals("DISTRICT") && !word.equals("TOWN") && !word.equals("VILLAGE")) {
            throw new UsageException("--split-by: '" + splitBy[0] + "' is not a level; expected district, town or village");
        }
        return AreaLevel.valueOf(word);
    }

    Path dir() {
        return Path.of(splitBy[1]);
    }
}
