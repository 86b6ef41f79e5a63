package org.ctrace.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
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
import org.ctrace.domain.WallClock;

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
        return stage(file, parser, Bytes.WINDOW);
    }

    /** {@link #stage(InputFile, TimeParser)} reading bytes this many at a time (tests use few). */
    static Staged stage(InputFile file, TimeParser parser, int windowBytes) {
        if (file.isRegularFile() && file.charset().equals(StandardCharsets.UTF_8)) {
            Staged staged = new Staged(file);
            try (CsvTable table = CsvTable.open(file, COLUMNS, staged.log)) {
                if (new Bytes(table, parser, staged, windowBytes).read()) {
                    return staged;
                }
            } catch (IOException e) {
                staged.stopped = new InputException(file.label() + ": cannot be read: " + e.getMessage());
                return staged;
            } catch (RuntimeException stopped) {
                staged.stopped = stopped;
                return staged;
            }
            // a row that is not CSV: the ordinary reading says where, after the rows before it
        }
        Staged staged = new Staged(file);
        Set<String> seen = new HashSet<>();
        try (CsvTable table = CsvTable.open(file, COLUMNS, staged.log)) {
            for (Row row = table.next(); row != null; row = table.next()) {
                take(row, parser, seen, staged);
            }
        } catch (RuntimeException stopped) {
            staged.stopped = stopped;
        }
        return staged;
    }

    /** Checks a row and stages it when it is accepted. */
    private static void take(Row row, TimeParser parser, Set<String> seen, Staged staged) {
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
        // a date-time (a spreadsheet's "2024-03-15 00:00") is taken for its date: the end is a day
        Moment endMoment = row.moment("end_date", parser);
        LocalDate end = endMoment == null ? null : endMoment.date();
        if (row.accept()) {
            staged.add(new QuarantineRecord(id, status, start, end, row.text("site_id")), row.line());
            // the unknown-person warning, when there is one, comes before this (finish puts it there)
            if (end != null && end.isBefore(start.date())) {
                row.warn("end_date", row.text("end_date"), "before start_date " + start.date(), "end before start");
            }
        }
    }

    /**
     * The reading from bytes, for a UTF-8 file: the common forms of a row are read by
     * {@link FastFields} without the ordinary path's Strings and checks, anything else (and
     * any row with a problem) by {@link #take}, so problems read as before. A city's file
     * has hundreds of thousands of rows, read on another core while persons.csv is, and the
     * ordinary reading took that core for as long as persons.csv took both (1M-event
     * benchmark, 133k rows: 0.46-0.51 s, now 0.23-0.26 s; alone in a fresh JVM 0.38 s, now 0.12 s).
     */
    private static final class Bytes {
        /** Bytes read at a time; a row longer than half of it makes it grow. */
        private static final int WINDOW = 1 << 20;
        private static final QuarantineStatus[] STATUSES = QuarantineStatus.values();

        private final CsvTable table;
        private final TimeParser parser;
        private final Staged staged;
        private final FastFields fast;
        private final ByteRecord rec = new ByteRecord();
        private final Set<String> seen = new HashSet<>();
        private final int width;
        private final int colId;
        private final int colStatus;
        private final int colStart;
        private final int colEnd;
        private final int colSite;
        private final int windowBytes;

        Bytes(CsvTable table, TimeParser parser, Staged staged, int windowBytes) {
            this.windowBytes = windowBytes;
            this.table = table;
            this.parser = parser;
            this.staged = staged;
            this.fast = new FastFields(parser.zone());
            this.width = table.width();
            this.colId = table.columnIndex("person_id");
            this.colStatus = table.columnIndex("status");
            this.colStart = table.columnIndex("start_date");
            this.colEnd = table.columnIndex("end_date");
            this.colSite = table.columnIndex("site_id");
        }

        /** Reads every row; false when a row is not CSV (the ordinary reader then says why). */
        boolean read() throws IOException {
            try (FileChannel channel = FileChannel.open(table.file().path(), StandardOpenOption.READ)) {
                long size = channel.size();
                long[] header = ChunkedContacts.headerEnd(channel, size, table.file());
                long base = header[0];
                long line = header[1] + 1;
                byte[] buf = new byte[(int) Math.min(windowBytes, Math.max(16, size - base))];
                int length = ChunkedContacts.fill(channel, base, buf, 0, (int) Math.min(buf.length, size - base));
                int pos = 0;
                while (true) {
                    boolean atEof = base + length >= size;
                    if (pos >= length && atEof) {
                        return true;
                    }
                    int next = rec.parse(buf, pos, length, atEof);
                    if (next == ByteRecord.MORE) {
                        // the unfinished record moves to the start of the window
                        base += pos;
                        length -= pos;
                        if (buf.length < length * 2) {
                            buf = Arrays.copyOf(buf, length * 2);
                        }
                        System.arraycopy(buf, pos, buf, 0, length);
                        pos = 0;
                        int before = length;
                        length = ChunkedContacts.fill(channel, base, buf, length, buf.length);
                        if (length == before) {
                            // the file ended before its size said (it was cut while being read)
                            size = base + length;
                        }
                        continue;
                    }
                    if (next == ByteRecord.BROKEN) {
                        return false;
                    }
                    if (!rec.isBlank()) {
                        row(buf, pos, next, line);
                    }
                    line += rec.lines;
                    pos = next;
                }
            }
        }

        /** Stages the row just parsed, or has it read the ordinary way. */
        private void row(byte[] b, int recStart, int recEnd, long line) {
            if (rec.count == width && !rec.isEmpty(colId)) {
                for (int i = 0; i < width; i++) {
                    if (!rec.plain(i)) {
                        ordinary(b, recStart, recEnd, line);
                        return;
                    }
                }
                QuarantineStatus status = status(b, rec.start[colStatus], rec.end[colStatus]);
                long start = fast.moment(b, rec.start[colStart], rec.end[colStart]);
                long end = colEnd < 0 ? FastFields.EMPTY : fast.moment(b, rec.start[colEnd], rec.end[colEnd]);
                // an end date before the start gets its warning from the ordinary reading
                if (status != null && start != FastFields.UNSURE && start != FastFields.EMPTY
                        && (end == FastFields.EMPTY
                        || WallClock.day(end >> 1) >= WallClock.day(start >> 1))) {
                    String id = ascii(b, rec.start[colId], rec.end[colId]);
                    if (seen.add(id)) {
                        LocalDate endDate = end == FastFields.EMPTY ? null : WallClock.date(end >> 1);
                        String site = colSite < 0 ? "" : ascii(b, rec.start[colSite], rec.end[colSite]);
                        staged.add(new QuarantineRecord(id, status, new Moment(start >> 1, (start & 1) == 1),
                                endDate, site), line);
                        return;
                    }
                    // a duplicate: the ordinary reading finds it again and reports it
                }
            }
            ordinary(b, recStart, recEnd, line);
        }

        /** The status spelt in lower case, as files usually have it; else null. */
        private static QuarantineStatus status(byte[] b, int s, int e) {
            for (QuarantineStatus q : STATUSES) {
                if (FastFields.equal(b, s, e, q.word())) {
                    return q;
                }
            }
            return null;
        }

        private void ordinary(byte[] b, int recStart, int recEnd, long line) {
            Row row = table.row(staged.log, line, b, recStart, recEnd);
            if (row != null) {
                take(row, parser, seen, staged);
            }
        }

        private static String ascii(byte[] b, int s, int e) {
            return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        }
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
