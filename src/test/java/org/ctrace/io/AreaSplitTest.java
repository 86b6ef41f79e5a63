package org.ctrace.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder an earlier split set was moved to keeps anything that was not the set's. */
class AreaSplitTest {

    @TempDir
    Path dir;

    @Test
    void onlyTheEarlierSetsFilesAreDeleted() throws IOException {
        Path old = Files.createDirectories(dir.resolve("old"));
        Files.writeString(old.resolve("index.csv"), "file\n", StandardCharsets.UTF_8);
        Files.writeString(old.resolve("A.csv"), "a", StandardCharsets.UTF_8);
        // put in DIR while the swap ran, after its files were listed
        Files.writeString(old.resolve("late.txt"), "mine", StandardCharsets.UTF_8);
        AreaSplit.removeEarlierSet(old, List.of(Path.of("index.csv"), Path.of("A.csv")));
        try (Stream<Path> left = Files.list(old)) {
            assertEquals(List.of("late.txt"), left.map(p -> p.getFileName().toString()).toList());
        }
        Files.delete(old.resolve("late.txt"));
        Files.writeString(old.resolve("B.csv"), "b", StandardCharsets.UTF_8);
        AreaSplit.removeEarlierSet(old, List.of(Path.of("B.csv")));
        assertFalse(Files.exists(old), "a folder the set's files leave empty goes too");
    }
}
