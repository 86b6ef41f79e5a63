package org.ctrace.cli;

/** The exit codes of every command (SPEC §4), in one place. */
public final class ExitCode {

    /** Success. */
    public static final int OK = 0;
    /** An input is bad (or an output cannot be written); nothing was written. */
    public static final int BAD_INPUT = 1;
    /** The command line is wrong. */
    public static final int USAGE = 2;
    /** Success, but rows were rejected under {@code --on-error skip}. */
    public static final int ROWS_REJECTED = 3;
    /** A bug in ctrace (sysexits EX_SOFTWARE); run with --verbose and report it. */
    public static final int INTERNAL = 70;

    private ExitCode() {
    }
}
