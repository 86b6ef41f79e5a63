package org.ctrace.io;

/** Output formats (SPEC §4 {@code --format}). */
public enum TableFormat {
    /** RFC 4180 CSV, LF line ends. */
    CSV,
    /** Tab-separated; tabs, line breaks and backslashes in cells written as \t, \n, \r, \\. */
    TSV,
    /** An array of objects, one per row, every value a string (empty cells are ""). */
    JSON,
    /** Aligned text for a terminal. */
    TABLE
}
