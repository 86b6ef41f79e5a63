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

    /** The problems behind it, when there are any. */
    public List<InputProblem> problems() {
        return problems;
    }
}
