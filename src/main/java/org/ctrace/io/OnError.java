package org.ctrace.io;

/**
 * What a bad row does (SPEC §4 {@code --on-error}): {@link #FAIL} stops the run before any
 * output is written; {@link #SKIP} leaves the row out, records it, and the run ends with exit 3.
 */
public enum OnError {
    FAIL, SKIP
}
