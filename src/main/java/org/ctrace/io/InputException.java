package org.ctrace.io;

import java.util.List;

/**
 * An input that cannot be used: a missing or unreadable file, a bad header, or bad rows when
 * rows may not be skipped. The message is ready for the user; exit code 1.
 */
public class InputException extends RuntimeException {

    private final transient List<InputProblem> problems;

    public InputException(String message) {
        super(message);
        this.problems = List.of();
    }

    public InputException(String message, List<InputProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
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
        long count = log.errorCount() - problems.stream().filter(known::contains).count();
        List<InputProblem> all = new java.util.ArrayList<>(before);
        all.addAll(problems);
        InputException told = new InputException(getMessage().replaceFirst("; nothing was written$", "") + " (after "
                + ProblemLog.plural(count, "earlier problem") + "); nothing was written", all);
        told.initCause(this);
        return told;
    }

    /** The problems behind it, when there are any. */
    public List<InputProblem> problems() {
        return problems;
    }
}
