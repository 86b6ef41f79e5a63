package org.ctrace.domain.simulate;

/**
 * How a simulated date or date-time is written. Real exports mix the SPEC §2 forms, so the
 * simulation mixes them too, to exercise every reader path.
 */
public enum TimeForm {
    /** {@code yyyy-MM-dd}. */
    DATE(false),
    /** {@code yyyy/M/d}. */
    DATE_SLASH(false),
    /** {@code yyyyMMdd}. */
    DATE_COMPACT(false),
    /** {@code yyyy-MM-dd HH:mm}. */
    MINUTES(true),
    /** {@code yyyy/M/d H:mm}. */
    MINUTES_SLASH(true),
    /** {@code yyyy-MM-ddTHH:mm:ss}. */
    ISO_SECONDS(true);

    private final boolean hasTime;

    TimeForm(boolean hasTime) {
        this.hasTime = hasTime;
    }

    /** Whether the form writes a time of day. */
    public boolean hasTime() {
        return hasTime;
    }
}
