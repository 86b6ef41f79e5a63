package org.ctrace.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ctrace.domain.InfectiousWindow;
import org.ctrace.domain.WallClock;
import org.ctrace.domain.trace.TraceSummary;
import org.ctrace.io.InputException;
import org.ctrace.io.InputProblem;
import org.ctrace.io.InputSet;
import org.ctrace.io.OnError;
import org.ctrace.io.ProblemLog;
import org.ctrace.io.RejectsFile;
import org.ctrace.io.TimeParser;

/**
 * The reading side of one command run: reads the inputs into an {@link InputSet}, stops the
 * run when rows are bad and may not be skipped, and at the end reports warnings and
 * rejected rows and decides the exit code.
 */
final class InputSession implements AutoCloseable {

    /** How many problems of a kind are printed before they are only counted. */
    static final int SHOWN = 20;

    private final InputOptions options;
    private final PrintWriter err;
    private final boolean quiet;
    private final ProblemLog log;
    private final RejectsFile rejects;
    private final InputSet inputs;
    /** The cases file's name in messages. */
    private final String casesLabel;
    private boolean headerWarningsTold;

    /**
     * Reads the inputs, once the files the run writes are known to be apart from each other and
     * from the inputs ({@link WrittenFiles}; --rejects is added here).
     */
    InputSession(InputOptions options, Console console, boolean quiet, boolean needsContacts, WrittenFiles written) {
        this.options = options;
        this.err = console.err();
        this.quiet = quiet;
        InputSet.Sources sources = options.sources(console, needsContacts);
        this.rejects = options.rejectsFile(sources, written);
        this.casesLabel = sources.cases() == null ? "cases" : sources.cases().label();
        this.log = rejects != null ? new ProblemLog(rejects) : new ProblemLog();
        InputSet read = null;
        try {
            read = InputSet.read(sources, new TimeParser(options.zone()), options.asOf(), log, options.onError);
            if (read.contacts() != null) {
                read.contacts().beforeFailure(this::tellHeaderWarnings);
                if (!quiet) {
                    read.contacts().progress(ProgressMeter.forStandardError(err));
                }
            }
            checkpoint();
        } catch (InputException e) {
            close();
            tellHeaderWarnings();
            throw e.after(log);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.inputs = read;
    }

    InputSet inputs() {
        return inputs;
    }

    ProblemLog log() {
        return log;
    }

    /**
     * Warns of each source case whose infectious window is empty: it traces no one, though
     * it is a case, and nothing else would tell (an onset typed a year late, an isolation date
     * before the window opens).
     */
    void warnEmptyWindows(TraceSummary summary) {
        for (InfectiousWindow w : summary.emptyWindows()) {
            log.add(emptyWindow(w, options.asOf(), casesLabel, inputs.caseLine(w.sourceId())));
        }
    }

    /** The warning that a source case's window is empty, at the case's line of cases.csv. */
    static InputProblem emptyWindow(InfectiousWindow w, LocalDate asOf, String casesLabel, long line) {
        LocalDate opens = WallClock.date(w.opens());
        String why = opens.isAfter(asOf)
                ? "its infectious window opens on " + opens + ", after the as-of day " + asOf
                : "it was isolated before its infectious window opened on " + opens + ", or as it opened";
        return new InputProblem(casesLabel, line, "person_id", w.sourceId(), why + ": the case traces no one",
                "empty window", InputProblem.Severity.WARNING);
    }

    /** Stops the run, before any output, when rows are bad and --on-error is fail. */
    void checkpoint() {
        if (options.onError == OnError.FAIL && log.hasErrors()) {
            tellHeaderWarnings();
            throw InputException.logged(log.describeErrors() + "; nothing was written", log.errors());
        }
    }

    /**
     * Reports warnings and rejected rows, moves the rejects file into place, and returns the
     * exit code: 3 when rows were rejected, else 0.
     */
    int finish() {
        checkpoint();
        if (!quiet) {
            report(log.warnings(), log.warningCount(), log.warningKinds(), "warning");
        }
        if (log.rejectedRows() > 0) {
            report(log.errors(), log.errorCount(), log.errorKinds(), "error");
            err.printf(java.util.Locale.ROOT, "%s rejected%s%n", ProblemLog.plural(log.rejectedRows(), "row"),
                    rejects != null ? " (written to " + options.rejects + ")" : "");
        }
        if (rejects != null) {
            rejects.commit();
        }
        err.flush();
        return log.rejectedRows() > 0 ? ExitCode.ROWS_REJECTED : ExitCode.OK;
    }

    /**
     * Before the errors of a run that fails, the warnings of how its files' columns were read,
     * unless quiet: they may say why (the column 'onset' ignored, did you mean onset_date?,
     * before onset_date is missing). The rows' warnings wait for a run that gets through: they
     * are often the failing rows' echo (a person whose bad row was not registered, unknown in
     * quarantine.csv). Once: a failure of the reading passes through the checkpoint too.
     */
    private void tellHeaderWarnings() {
        if (!quiet && !headerWarningsTold) {
            List<InputProblem> warnings = log.headerWarnings();
            warnings.stream().limit(SHOWN).forEach(err::println);
            if (warnings.size() > SHOWN) {
                err.println("… and " + ProblemLog.plural(warnings.size() - SHOWN, "more warning") + " about columns");
            }
        }
        headerWarningsTold = true;
    }

    private void report(List<InputProblem> problems, long count, Map<String, Long> kinds, String what) {
        if (count == 0) {
            return;
        }
        problems.stream().limit(SHOWN).forEach(err::println);
        StringBuilder b = new StringBuilder(ProblemLog.plural(count, what));
        b.append(" (");
        kinds.forEach((k, n) -> b.append(b.charAt(b.length() - 1) == '(' ? "" : ", ").append(k).append(": ").append(n));
        err.println(b.append(')'));
    }

    @Override
    public void close() {
        if (inputs != null) {
            inputs.close();
        }
        if (rejects != null) {
            rejects.close();
        }
    }
}
