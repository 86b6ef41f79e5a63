package org.ctrace.cli;

import java.io.PrintWriter;
import org.ctrace.io.InputException;
import org.ctrace.io.InputProblem;
import org.ctrace.io.OutputTarget;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command threw into one message on standard error and an exit code: bad input
 * 1 (with its first problems listed), usage 2, a broken pipe 0 (the reader went away, as
 * with {@code | head}), anything else 70 with the stack trace under {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    private final Main top;

    ErrorHandler(Main top) {
        this.top = top;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (top.verbose) {
            ex.printStackTrace(err);
        }
        if (ex instanceof UsageException) {
            return usage(err, cmd, ex.getMessage());
        }
        if (ex instanceof java.nio.file.InvalidPathException e) {
            // a name given as text (--cases, --split-by's DIR) made into a path only when used
            return usage(err, cmd, Converters.notAFileName(e));
        }
        if (ex instanceof InputException e) {
            int shown = 0;
            for (InputProblem p : e.problems()) {
                if (shown++ == InputSession.SHOWN) {
                    err.println("… and more (ctrace validate lists every problem)");
                    break;
                }
                err.println(p);
            }
            if (e.problems().size() != 1 || !e.getMessage().equals(e.problems().get(0).toString())) {
                // the summary line, unless it would repeat the one problem just printed
                err.println("ctrace " + cmd.getCommandName() + ": " + e.getMessage());
            }
            return ExitCode.BAD_INPUT;
        }
        if (OutputTarget.isBrokenPipe(ex)) {
            return ExitCode.OK;
        }
        err.println("ctrace " + cmd.getCommandName() + ": internal error: " + ex
                + (top.verbose ? "" : " (run with --verbose for details, and report it)"));
        return ExitCode.INTERNAL;
    }

    /** A command line that cannot be run: one line saying why, one saying where help is; exit 2. */
    static int usage(CommandLine.ParameterException ex, String[] args) {
        return usage(ex.getCommandLine().getErr(), ex.getCommandLine(), ex.getMessage());
    }

    private static int usage(PrintWriter err, CommandLine cmd, String message) {
        String name = cmd.getCommandSpec().qualifiedName();
        err.println(name + ": " + message);
        err.println("Try '" + name + " --help'.");
        err.flush();
        return ExitCode.USAGE;
    }
}
