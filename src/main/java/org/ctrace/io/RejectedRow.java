package org.ctrace.io;

import java.util.List;

/**
 * A row left out under {@code --on-error skip}, with where it was and why.
 *
 * @param file the file as the user named it
 * @param line the line the row starts on
 * @param reason every problem of the row, joined by "; "
 * @param cells the row's cells as read
 */
public record RejectedRow(String file, long line, String reason, List<String> cells) {

    public RejectedRow {
        cells = List.copyOf(cells);
    }
}
