package org.ctrace.cli;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.ctrace.domain.Area;
import org.ctrace.domain.AreaLevel;
import org.ctrace.io.AreaSplit;
import org.ctrace.io.OutputTarget;
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

    /** Fails now when the level is wrong or DIR cannot take a split set ({@link AreaSplit#check}). */
    void check() {
        if (given() && splitBy.length > 2) {
            // picocli gathers a repeated --split-by into one array; only its first pair would be used
            throw new UsageException("--split-by should be given only once (it was given as '"
                    + String.join(" ", splitBy) + "'); run once per level for several splits");
        }
        if (given()) {
            level();
            AreaSplit.check(dir());
        }
    }

    /** Whether a file goes straight into DIR, which the split writes before it. */
    boolean holds(Path file) {
        return given() && OutputTarget.systemPath(dir()).normalize().equals(OutputTarget.systemPath(file).getParent());
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

    /**
     * Writes the rows one file per area, every area of the registry among them, when a split
     * was asked for; the format and BOM are the output's. {@code areaAt} is the area of the
     * row at a place in {@code rows}. None of the set's files may be one of the run's other
     * outputs ({@link WrittenFiles#checkSplit}).
     */
    <T> void write(List<T> rows, IntFunction<Area> areaAt, List<String> columns, Function<T, List<String>> cellsOf,
                   Collection<Area> areas, OutputOptions output, WrittenFiles written) {
        if (given()) {
            new AreaSplit<T>(level(), columns, cellsOf).write(dir(), rows, areaAt, areas, output.format, output.bom(),
                    written::checkSplit);
        }
    }

    /** Whether the whole result is written as well: without a split, or to the -o file beside it. */
    boolean wholeResultToo(OutputOptions output) {
        return !given() || output.output() != null;
    }
}
