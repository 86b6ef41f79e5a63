package org.ctrace.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code validate} found: the problems a {@link ProblemLog} kept, either as a report for
 * a person at a terminal (one problem a line, then the counts by kind) or as a table for a
 * spreadsheet or a script.
 */
public final class ProblemReport {

    /** The table's columns, in order. */
    public static final List<String> COLUMNS = List.of("severity", "file", "line", "column", "value", "problem",
            "kind");

    private final ProblemLog log;
    private final Path rejects;

    /** The report of a log; {@code rejects} is the file the rows with errors went to, or null. */
    public ProblemReport(ProblemLog log, Path rejects) {
        this.log = log;
        this.rejects = rejects;
    }

    /** Each kept problem as {@code FILE:LINE: ...}, errors first, then {@link #counts()}. */
    public void writeText(Writer out) throws IOException {
        for (InputProblem p : problems()) {
            out.write(p.toString());
            out.write(System.lineSeparator());
        }
        for (String line : counts()) {
            out.write(line);
            out.write(System.lineSeparator());
        }
    }

    /** Each kept problem as a row of {@link #COLUMNS}, errors first, in the order found. */
    public void writeTable(TableFormat format, Writer out) throws IOException {
        try (TableWriter w = TableWriter.of(format, COLUMNS, out)) {
            w.rows(problems(), ProblemReport::cells);
        }
    }

    /**
     * The note that problems were left out of the list, when some were (the counts still hold
     * them), else null.
     */
    public String leftOut() {
        return log.errorCount() > ProblemLog.KEPT || log.warningCount() > ProblemLog.KEPT
                ? "(only the first " + ProblemLog.KEPT + " errors and warnings are listed)" : null;
    }

    /** The lines after the problems: the note of {@link #leftOut()}, the totals, the counts by kind. */
    public List<String> counts() {
        List<String> lines = new ArrayList<>();
        String leftOut = leftOut();
        if (leftOut != null) {
            lines.add(leftOut);
        }
        lines.add(ProblemLog.plural(log.errorCount(), "error") + ", " + ProblemLog.plural(log.warningCount(), "warning"));
        kinds(lines, "error", log.errorKinds());
        kinds(lines, "warning", log.warningKinds());
        if (rejects != null) {
            lines.add(ProblemLog.plural(log.rejectedRows(), "row") + " with errors written to " + rejects);
        }
        return List.copyOf(lines);
    }

    private List<InputProblem> problems() {
        List<InputProblem> all = new ArrayList<>(log.errors());
        all.addAll(log.warnings());
        return all;
    }

    private static void kinds(List<String> lines, String what, Map<String, Long> kinds) {
        kinds.forEach((kind, n) -> lines.add("  " + what + "s: " + kind + ": " + n));
    }

    /** The cells of one problem; an absent line (the file as a whole), column or value is empty. */
    static List<String> cells(InputProblem p) {
        return List.of(p.isError() ? "error" : "warning", p.file(), p.line() > 0 ? Long.toString(p.line()) : "",
                p.column() == null ? "" : p.column(), p.value() == null ? "" : p.value(), p.expected(), p.kind());
    }
}
