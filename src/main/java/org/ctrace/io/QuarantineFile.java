package org.ctrace.io;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.ctrace.domain.Moment;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.QuarantineRecord;
import org.ctrace.domain.QuarantineRegistry;
import org.ctrace.domain.QuarantineStatus;

/**
 * Reads quarantine.csv (SPEC §2): at most one row per person.
 *
 * <p>The file can be read before the registry is ({@link #stage}, on another thread while
 * persons.csv is read): its problems are then staged, and the unknown-person warnings, which
 * need the registry, are put among them in file order when the reading is finished
 * ({@link Staged#finish}).
 */
public final class QuarantineFile {

    /** The columns of quarantine.csv. */
    public static final List<Column> COLUMNS = List.of(Column.required("person_id"), Column.required("status"),
            Column.required("start_date"), Column.optional("end_date"), Column.optional("site_id"));

    private QuarantineFile() {
    }

    /** Reads the rows; bad rows are logged and left out; unknown persons are warnings. */
    public static List<QuarantineRecord> read(InputFile file, TimeParser parser, ProblemLog log,
                                              PersonRegistry persons) {
        return stage(file, parser).finish(log, persons);
    }

    /**
     * Reads the rows and stages their problems, all but the unknown-person check. A problem
     * that stops the reading (a header or a row that is not CSV, a file that cannot be read)
     * is staged too: {@link Staged#finish} reports what was read before it, then throws it.
     */
    public static Staged stage(InputFile file, TimeParser parser) {
        Staged staged = new Staged(file);
        Set<String> seen = new HashSet<>();
        try (CsvTable table = CsvTable.open(file, COLUMNS, staged.log)) {
            for (Row row = table.next(); row != null; row = table.next()) {
                String id = row.required("person_id");
                if (!id.isEmpty() && !seen.add(id)) {
                    row.error("person_id", id, "expected at most one row per person; this person is on an earlier row too",
                            "duplicate id");
                }
                QuarantineStatus status = row.word("status", QuarantineStatus.class, null);
                if (row.text("status").isEmpty()) {
                    row.error("status", "", "expected one of centralized, home, hospital, released", "missing value");
                }
                Moment start = row.moment("start_date", parser);
                if (row.text("start_date").isEmpty()) {
                    row.error("start_date", "", "expected the date quarantine began (the column is required)", "missing value");
                }
                LocalDate end = row.date("end_date", parser);
                if (row.accept()) {
                    staged.add(new QuarantineRecord(id, status, start, end, row.text("site_id")), row.line());
                    // the unknown-person warning, when there is one, comes before this (finish puts it there)
                    if (end != null && end.isBefore(start.date())) {
                        row.warn("end_date", row.text("end_date"), "before start_date " + start.date(),
                                "end before start");
                    }
                }
            }
        } catch (RuntimeException stopped) {
            staged.stopped = stopped;
        }
        return staged;
    }

    /** The rows of a quarantine.csv read, and their problems, awaiting the registry. */
    public static final class Staged {
        private final InputFile file;
        private final List<RejectedRow> rejects = new ArrayList<>();
        private final ProblemLog log = new ProblemLog(rejects::add);
        private final List<QuarantineRecord> rows = new ArrayList<>();
        private long[] lines = new long[64];
        /** What stopped the reading, if something did. */
        private RuntimeException stopped;
        /** The registry {@link #finish} was given, and each row's position in it (−1: not registered). */
        private PersonRegistry persons;
        private int[] positions;

        private Staged(InputFile file) {
            this.file = file;
        }

        private void add(QuarantineRecord row, long line) {
            if (rows.size() == lines.length) {
                lines = Arrays.copyOf(lines, lines.length * 2);
            }
            lines[rows.size()] = line;
            rows.add(row);
        }

        /**
         * Hands the problems and rejected rows to the run's log, with a warning for each row
         * whose person is not registered (when persons.csv was given), and returns the rows.
         * When something stopped the reading, it is thrown after the problems before it are
         * handed over, as when the file was read on one thread.
         */
        public List<QuarantineRecord> finish(ProblemLog runLog, PersonRegistry persons) {
            // found once, for the warnings and for the registry (a city's rows are a million look-ups)
            this.persons = persons;
            this.positions = QuarantineRegistry.positions(rows, persons);
            runLog.mergeFrom(log, new Iterator<>() {
                private int next = advance(0);

                private int advance(int from) {
                    int i = from;
                    while (i < rows.size() && (!persons.isGiven() || positions[i] >= 0)) {
                        i++;
                    }
                    return i;
                }

                @Override
                public boolean hasNext() {
                    return next < rows.size();
                }

                @Override
                public InputProblem next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    String id = rows.get(next).personId();
                    InputProblem p = new InputProblem(file.label(), lines[next], "person_id", id, "not in persons.csv",
                            "unknown person", InputProblem.Severity.WARNING);
                    next = advance(next + 1);
                    return p;
                }
            });
            rejects.forEach(runLog::reject);
            if (stopped != null) {
                throw stopped;
            }
            return List.copyOf(rows);
        }

        /** The rows as a registry as of the end of {@code asOf}, their persons as {@link #finish} found them. */
        public QuarantineRegistry registry(LocalDate asOf) {
            if (positions == null) {
                throw new IllegalStateException("the rows are not finished: finish them first");
            }
            return new QuarantineRegistry(rows, positions, asOf, persons);
        }
    }
}
