package org.ctrace.domain.trace;

import java.util.Locale;

/**
 * What a field team must do for a listed person (SPEC §5), the first that applies:
 * {@link #QUARANTINE} (no quarantine row, or released before the required end),
 * {@link #UPGRADE} (at home but centralized required; hospital satisfies centralized),
 * {@link #EXTEND} (planned end before the required end), {@link #OK}.
 */
public enum Action {
    QUARANTINE, UPGRADE, EXTEND, OK;

    /** Made once: it is printed on every row of a city's list. */
    private final String word = name().toLowerCase(Locale.ROOT);

    /** The word used in outputs. */
    public String word() {
        return word;
    }
}
