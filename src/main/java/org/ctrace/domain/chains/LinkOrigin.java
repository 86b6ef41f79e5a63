package org.ctrace.domain.chains;

import java.util.Objects;

/**
 * Where an input link was written, so that a warning about it can name file, line and column
 * (STYLE rule 6) without the domain reading files.
 *
 * @param file the file as the user named it
 * @param line the line of the row (0 when unknown, as for a file read from standard input)
 * @param fromColumn the column naming the link's {@code from} person
 * @param toColumn the column naming the link's {@code to} person
 */
public record LinkOrigin(String file, long line, String fromColumn, String toColumn) {

    public LinkOrigin {
        Objects.requireNonNull(file);
        Objects.requireNonNull(fromColumn);
        Objects.requireNonNull(toColumn);
    }

    /** The same place with the two ends swapped (a related link is printed earlier case first). */
    LinkOrigin swapped() {
        return new LinkOrigin(file, line, toColumn, fromColumn);
    }
}
