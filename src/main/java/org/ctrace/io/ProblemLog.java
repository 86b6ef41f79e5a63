package org.ctrace.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Collects the problems found while reading the inputs of one run. Every problem is counted
 * by kind; the first {@link #KEPT} of each severity are kept to be shown, so a file with a
 * million bad rows does not fill memory. Rejected rows go to an optional sink as they are
 * found (the {@code --rejects} file).
 */
public final class ProblemLog {

    /** How many problems of each severity are kept for display. */
    public static final int KEPT = 1000;

    private final List<InputProblem> errors = new ArrayList<>();
    private final List<InputProblem> warnings = new ArrayList<>();
    private final Map<String, Long> errorKinds = new TreeMap<>();
    private final Map<String, Long> warningKinds = new TreeMap<>();
    private final Consumer<RejectedRow> rejects;
    private final Set<InputProblem> once = new LinkedHashSet<>();
    private long errorCount;
    private long warningCount;
    private long rejectedRows;

    /** A log whose rejected rows are dropped after being counted. */
    public ProblemLog() {
        this(r -> { });
    }

    /** A log that hands rejected rows to a sink. */
    public ProblemLog(Consumer<RejectedRow> rejects) {
        this.rejects = rejects;
    }

    /** Records a problem. */
    public synchronized void add(InputProblem p) {
        if (p.isError()) {
            errorCount++;
            errorKinds.merge(p.kind(), 1L, Long::sum);
            if (errors.size() < KEPT) {
                errors.add(p);
            }
        } else {
            warningCount++;
            warningKinds.merge(p.kind(), 1L, Long::sum);
            if (warnings.size() < KEPT) {
                warnings.add(p);
            }
        }
    }

    /** Records a problem that stops the reading, and returns the failure that tells it. */
    public InputException stop(InputProblem p) {
        add(p);
        return InputException.logged(p.toString(), List.of(p));
    }

    /**
     * Records a problem unless this log was given the same one this way before: a file's
     * header is read again by each pass over the file, and its problems are told once.
     */
    public synchronized void addOnce(InputProblem p) {
        if (once.add(p)) {
            add(p);
        }
    }

    /** The warnings about files' headers ({@link #addOnce}: columns ignored), in the order found. */
    public synchronized List<InputProblem> headerWarnings() {
        return once.stream().filter(p -> !p.isError()).toList();
    }

    /**
     * Takes over another log's problems, their lines shifted by an offset (a part of a file
     * read in parallel numbers its lines from 1). Problems past the other log's kept ones are
     * counted by kind.
     */
    public void mergeFrom(ProblemLog part, long lineOffset) {
        mergeFrom(part, lineOffset, Collections.emptyIterator());
    }

    /**
     * Takes over a staged log's problems with warnings found after it was staged (in line
     * order), each put before the staged warnings of its own line and of later lines, so the
     * warnings read as if found in file order. The staged warnings past its kept ones are
     * counted only: by the time they would come, this log's kept warnings are full.
     */
    public void mergeFrom(ProblemLog part, Iterator<InputProblem> laterWarnings) {
        mergeFrom(part, 0, laterWarnings);
    }

    private void mergeFrom(ProblemLog part, long lineOffset, Iterator<InputProblem> laterWarnings) {
        List<InputProblem> errs;
        List<InputProblem> warns;
        Map<String, Long> errKinds;
        Map<String, Long> warnKinds;
        List<InputProblem> headers;
        synchronized (part) {
            headers = List.copyOf(part.once);
            errs = List.copyOf(part.errors);
            warns = List.copyOf(part.warnings);
            errKinds = new TreeMap<>(part.errorKinds);
            warnKinds = new TreeMap<>(part.warningKinds);
        }
        synchronized (this) {
            // a staged file's header problems (quarantine.csv) are this log's too: told once, and before a failure
            once.addAll(headers);
            for (InputProblem p : errs) {
                keep(errors, shift(p, lineOffset));
            }
            int w = 0;
            while (laterWarnings.hasNext()) {
                InputProblem later = laterWarnings.next();
                while (w < warns.size() && warns.get(w).line() + lineOffset < later.line()) {
                    keep(warnings, shift(warns.get(w++), lineOffset));
                }
                keep(warnings, later);
                warningCount++;
                warningKinds.merge(later.kind(), 1L, Long::sum);
            }
            while (w < warns.size()) {
                keep(warnings, shift(warns.get(w++), lineOffset));
            }
            errKinds.forEach((k, n) -> errorKinds.merge(k, n, Long::sum));
            warnKinds.forEach((k, n) -> warningKinds.merge(k, n, Long::sum));
            errorCount += errKinds.values().stream().mapToLong(Long::longValue).sum();
            warningCount += warnKinds.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static void keep(List<InputProblem> kept, InputProblem p) {
        if (kept.size() < KEPT) {
            kept.add(p);
        }
    }

    private static InputProblem shift(InputProblem p, long offset) {
        return new InputProblem(p.file(), p.line() + offset, p.column(), p.value(), p.expected(), p.kind(),
                p.severity());
    }

    /** Records a row that was left out because of its errors. */
    public synchronized void reject(RejectedRow row) {
        rejectedRows++;
        rejects.accept(row);
    }

    public synchronized long errorCount() {
        return errorCount;
    }

    public synchronized long warningCount() {
        return warningCount;
    }

    public synchronized boolean hasErrors() {
        return errorCount > 0;
    }

    /** Rows left out because of errors. */
    public synchronized long rejectedRows() {
        return rejectedRows;
    }

    /**
     * The errors in words: "1 bad row", "3 bad rows (5 problems)", or "2 problems" when
     * the problems are not in rows (a bad header).
     */
    public synchronized String describeErrors() {
        String problems = plural(errorCount, "problem");
        if (rejectedRows == 0) {
            return problems;
        }
        String rows = plural(rejectedRows, "bad row");
        return rejectedRows == errorCount ? rows : rows + " (" + problems + ")";
    }

    /** "1 row", "2 rows". */
    public static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** The first errors found, in the order found. */
    public synchronized List<InputProblem> errors() {
        return List.copyOf(errors);
    }

    /** The first warnings found, in the order found. */
    public synchronized List<InputProblem> warnings() {
        return List.copyOf(warnings);
    }

    /** Error counts by kind, sorted by kind. */
    public synchronized Map<String, Long> errorKinds() {
        return Collections.unmodifiableMap(new TreeMap<>(errorKinds));
    }

    /** Warning counts by kind, sorted by kind. */
    public synchronized Map<String, Long> warningKinds() {
        return Collections.unmodifiableMap(new TreeMap<>(warningKinds));
    }
}
