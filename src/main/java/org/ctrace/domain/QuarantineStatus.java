package org.ctrace.domain;

import java.util.Locale;

/** A person's quarantine status in quarantine.csv (SPEC §2). */
public enum QuarantineStatus {
    CENTRALIZED, HOME, HOSPITAL, RELEASED;

    /** Made once: it is printed on every row of a city's list. */
    private final String word = name().toLowerCase(Locale.ROOT);

    /** The word used in files and outputs. */
    public String word() {
        return word;
    }

    /** Whether this status satisfies a required quarantine type (hospital satisfies centralized). */
    public boolean satisfies(QuarantineType required) {
        return switch (this) {
            case CENTRALIZED, HOSPITAL -> true;
            case HOME -> required == QuarantineType.HOME;
            case RELEASED -> false;
        };
    }
}
