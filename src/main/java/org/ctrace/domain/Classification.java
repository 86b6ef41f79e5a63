package org.ctrace.domain;

/** A case's classification (SPEC §2, cases.csv); confirmed when the cell is empty. */
public enum Classification {
    CONFIRMED, ASYMPTOMATIC, SUSPECTED, PROBABLE;

    /** Whether the profile's include_suspected decides if this case is a source. */
    public boolean isUnconfirmed() {
        return this == SUSPECTED || this == PROBABLE;
    }

    /** The word used in files. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
