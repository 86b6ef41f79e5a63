package org.ctrace.domain;

import java.util.Locale;

/** The kind of quarantine a rule requires: in a centralized site or at home. */
public enum QuarantineType {
    CENTRALIZED, HOME;

    /** Made once: it is printed on every row of a city's list. */
    private final String word = name().toLowerCase(Locale.ROOT);

    /** The word used in files and outputs. */
    public String word() {
        return word;
    }
}
