package org.ctrace.io;

import java.util.ArrayList;
import java.util.List;

/**
 * An input that cannot be used: a missing or unreadable file, a bad header, or bad rows when
 * rows may not be skipped. The message is ready for the user; exit code 1.
 */
public class InputException extends RuntimeException {

    private final transient List<InputProblem> problems;
    /** Whether the run's log holds (and counts) the problems already. */
    private final boolean logged;

    public InputException(String message) {
        this(message, List.of());
    }

    /** A failure whose problems the run's log does not hold. */
    public InputException(String message, List<InputProblem> problems) {
        this(message, problems, false);
    }

    private InputException(String message, List<InputProblem> problems, boolean logged) {
        super(message);
        this.problems = List.copyOf(problems);
        this.logged = logged;
    }

    /**
     * A failure whose problems the run's log holds already (a bad header, bad rows under
     * --on-error fail): a log keeps only its first thousand problems, so past them it cannot
     * tell by itself which it holds, and a header's problem was counted twice.
     */
    public static InputException logged(String message, List<InputProblem> problems) {
        return new InputException(message, problems, true);
    }

    /** Whether the run's log holds the problems already ({@link #logged}). */
    public boolean isLogged() {
        return logged;
    }

    /**
     * This failure told after the errors the run's log holds, found before it: a problem that
     * stops the reading (a CSV syntax error, a file that cannot be read) otherwise hid them,
     * and fixing it only brought them up on the next run.
     */
    public InputException after(ProblemLog log) {
        List<InputProblem> known = log.errors();
        List<InputProblem> before = known.stream().filter(p -> !problems.contains(p)).toList();
        if (before.isEmpty()) {
            return this;
        }
        // the log keeps the first thousand errors but counts them all
        long count = log.errorCount() - (logged ? problems.size() : 0);
        List<InputProblem> all = new ArrayList<>(before);
        all.addAll(problems);
        InputException told = new InputException(getMessage().replaceFirst("; nothing was written$", "") + " (after "
                + ProblemLog.plural(count, "earlier problem") + "); nothing was written", all, logged);
        told.initCause(this);
        return told;
    }

    /** The problems behind it, when there are any. */
    public List<InputProblem> problems() {
        return problems;
    }
}
