package org.ctrace.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctrace.io.AreaSplit;
import org.ctrace.io.InputFile;
import org.ctrace.io.OutputTarget;

/**
 * The files a run writes, by the option that names each, checked before anything is read:
 * no two may be one file, none may be an input, and none may be the split's index. Each
 * output is moved into place whole at the end, so the later would silently take the place of
 * the earlier: a list lost under its own rejects, contacts.csv replaced by its rejected rows.
 */
final class WrittenFiles {

    private final Map<String, Path> files = new LinkedHashMap<>();
    private final List<InputFile> inputs = new ArrayList<>();
    private SplitOptions split;

    /** A file the option names, when it is given. */
    WrittenFiles add(String option, Path file) {
        if (file != null) {
            files.put(option, file);
        }
        return this;
    }

    /** An input the run reads besides the four of {@link InputOptions}, when there is one. */
    WrittenFiles reading(InputFile input) {
        if (input != null) {
            inputs.add(input);
        }
        return this;
    }

    /** The split's folder, when there is a split: its index.csv is the split's. */
    WrittenFiles splitInto(SplitOptions split) {
        this.split = split;
        return this;
    }

    /** Whether the file goes in the split's folder, which the split makes if need be before the file is written. */
    boolean inSplit(Path file) {
        return split != null && split.holds(file);
    }

    /** Fails with a {@link UsageException} (exit 2) when two of the files are one. */
    void check(InputFile... read) {
        List<InputFile> all = new ArrayList<>(inputs);
        for (InputFile f : read) {
            if (f != null) {
                all.add(f);
            }
        }
        List<Map.Entry<String, Path>> written = List.copyOf(files.entrySet());
        for (int i = 0; i < written.size(); i++) {
            String option = written.get(i).getKey();
            Path file = written.get(i).getValue();
            for (int j = 0; j < i; j++) {
                if (OutputTarget.sameFile(written.get(j).getValue(), file)) {
                    throw new UsageException(written.get(j).getKey() + " and " + option + " name the same file: "
                            + file + "; each would replace the other");
                }
            }
            for (InputFile input : all) {
                if (!input.isStdin() && OutputTarget.sameFile(input.path(), file)) {
                    throw new UsageException(option + " names an input, which it would replace: " + file);
                }
            }
            if (split != null && split.given() && OutputTarget.sameFile(split.dir().resolve(AreaSplit.INDEX), file)) {
                throw new UsageException(option + " names the split's " + AreaSplit.INDEX + ": " + file);
            }
        }
    }

    /**
     * Fails with a {@link UsageException} (exit 2) when one of the split's files is one of the
     * other outputs: an area's file is named only once the areas are read, and the output
     * written after the set took its place (a team sent the whole city's list as its own).
     */
    void checkSplit(List<Path> setFiles) {
        for (Map.Entry<String, Path> output : files.entrySet()) {
            for (Path file : setFiles) {
                if (OutputTarget.sameFile(file, output.getValue())) {
                    throw new UsageException(output.getKey() + " names " + file.getFileName()
                            + ", a file of the split into " + split.dir() + ": " + output.getValue()
                            + "; each would replace the other");
                }
            }
        }
    }
}
