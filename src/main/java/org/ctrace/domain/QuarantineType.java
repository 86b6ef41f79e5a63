package org.ctrace.domain;

import java.util.Locale;

/** The kind of quarantine a rule requires: in a centralized site or at home. */
public enum QuarantineType {
    CENTRALIZED, HOME;

    /** The word used in files and outputs. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
