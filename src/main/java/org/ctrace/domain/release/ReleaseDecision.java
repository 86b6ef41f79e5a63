package org.ctrace.domain.release;

import java.util.Locale;

/**
 * What to do with a person in quarantine on the as-of day (SPEC §7): {@link #RELEASE} when
 * the required quarantine is complete at the end of the day, {@link #HOLD} when the planned
 * end says go but the exposure says stay, {@link #REVIEW} when no exposure in the data
 * requires the quarantine (never released automatically).
 */
public enum ReleaseDecision {
    RELEASE, HOLD, REVIEW;

    /** The word used in outputs. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
