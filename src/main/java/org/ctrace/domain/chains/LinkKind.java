package org.ctrace.domain.chains;

import java.util.Locale;

/** The three kinds of case-to-case link of SPEC §8. */
public enum LinkKind {
    /** A case's infector, or a links.csv row of kind {@code reported} (the default). */
    REPORTED,
    /** Two cases are linked, direction unknown. */
    RELATED,
    /** A candidate source found in the contact events ({@code --infer}). */
    INFERRED;

    /** Whether the link has a direction and so counts for generations, infectors and index cases. */
    public boolean isDirected() {
        return this != RELATED;
    }

    /** The word used in files. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
