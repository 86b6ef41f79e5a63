package org.ctrace.domain;

/**
 * What an event with neither end nor duration contributes (SPEC §3, unknown_duration).
 * {@link #CLOSE}, the default, makes its day count by itself: better ten false alarms than
 * one miss. {@link #IGNORE} adds 0 minutes.
 */
public enum UnknownDuration {
    CLOSE, IGNORE;

    /** The word used in options and listings. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
