package org.ctrace.io;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ctrace.domain.ContactEvent;
import org.ctrace.domain.ContactEventSource;
import org.ctrace.domain.ContactEventSource.Interest;
import org.ctrace.domain.Moment;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.WallClock;

/**
 * contacts.csv (SPEC §2) as a stream of {@link ContactEvent}s, re-read for every pass.
 * Problems are reported on the first pass only. Under {@link OnError#FAIL} a second pass is
 * refused when the first found errors, so a run stops before tracing further, and reading
 * stops early once {@link #FAIL_AFTER} errors are found.
 *
 * <p>{@link #scan} reads a file on disk in parallel parts ({@link ChunkedContacts}) when its
 * charset allows splitting bytes at line ends (UTF-8, GB18030, GBK…); otherwise, and for
 * {@link #forEach}, it reads sequentially.
 */
public final class ContactsFile implements ContactEventSource {

    /** The columns of contacts.csv. */
    public static final List<Column> COLUMNS = List.of(Column.required("person_a"), Column.required("person_b"),
            Column.required("start"), Column.optional("end"), Column.optional("duration_min"),
            Column.optional("setting"), Column.optional("distance_m"), Column.optional("protected"));

    /** Under FAIL, reading stops after this many errors: enough to see what is wrong. */
    public static final int FAIL_AFTER = 100;

    /** Charsets in which the bytes of , " \r \n only ever stand for those characters. */
    private static final Set<String> SPLITTABLE = Set.of("UTF-8", "US-ASCII", "ISO-8859-1", "windows-1252",
            "GB18030", "GBK", "GB2312", "Big5");

    private final InputFile file;
    private final TimeParser parser;
    private final ProblemLog log;
    private final PersonRegistry persons;
    private final OnError onError;
    private ReadProgress progress = ReadProgress.NONE;
    private Runnable beforeFailure = () -> { };
    private int passes;

    public ContactsFile(InputFile file, TimeParser parser, ProblemLog log, PersonRegistry persons, OnError onError) {
        this.file = file;
        this.parser = parser;
        this.log = log;
        this.persons = persons;
        this.onError = onError;
    }

    /**
     * What to do before a pass's failure is thrown: a pass runs long after the inputs were
     * opened, inside the tracing, and the run's session tells the files' header warnings first.
     */
    public void beforeFailure(Runnable action) {
        this.beforeFailure = action;
    }

    /** A pass's failure, told after what {@link #beforeFailure} asked for, with the log's problems. */
    private InputException failed(InputException e) {
        beforeFailure.run();
        return e.after(log);
    }

    /** Where to report how far a pass has come (only parallel passes over a file report). */
    public void progress(ReadProgress progress) {
        this.progress = progress;
    }

    @Override
    public void forEach(Consumer<ContactEvent> sink) {
        try {
            read(startPass(), sink);
        } catch (InputException e) {
            throw failed(e);
        }
    }

    /**
     * Reads every row for its problems alone (as {@code validate} does), in parallel parts
     * where the file can be cut as a trace's pass cuts it, so the problems are the same, in
     * the same order; no event is made. Returns the well-formed events read.
     */
    public long readForProblems() {
        return readForProblems(ChunkedContacts.PART);
    }

    /** {@link #readForProblems()} with parts of the given length in bytes. */
    long readForProblems(int partBytes) {
        return scan(Set.of(), Long.MAX_VALUE, Interest.NONE, () -> (Consumer<ContactEvent>) e -> { }, partBytes)
                .events();
    }

    /** One sequential pass; problems are reported on the first. */
    private void read(boolean firstPass, Consumer<ContactEvent> sink) {
        ProblemLog target = firstPass ? log : new ProblemLog();
        // the hundredth error may be a row of the wrong width, which the table rejects itself
        BooleanSupplier stop = () -> onError == OnError.FAIL && target.errorCount() >= FAIL_AFTER;
        try (CsvTable table = CsvTable.open(file, COLUMNS, target)) {
            for (Row row = table.next(stop); row != null; row = table.next(stop)) {
                ContactEvent e = event(row, parser);
                if (row.accept()) {
                    int ia = persons.indexOf(e.personA());
                    int ib = persons.indexOf(e.personB());
                    if (firstPass && persons.isGiven()) {
                        warnUnknown(row, "person_a", e.personA(), ia);
                        warnUnknown(row, "person_b", e.personB(), ib);
                    }
                    sink.accept(e.withIndexes(ia, ib));
                } else if (stop.getAsBoolean()) {
                    break;
                }
            }
        }
        if (stop.getAsBoolean()) {
            throw new InputException(badRows(target) + "; stopped reading " + file.label() + " after "
                    + FAIL_AFTER + " errors", target.errors());
        }
    }

    @Override
    public <S extends Consumer<ContactEvent>> Scan<S> scan(Set<String> touching, long cutoff, Supplier<S> sinks) {
        return scan(touching, cutoff, Interest.NONE, sinks, ChunkedContacts.PART);
    }

    @Override
    public <S extends Consumer<ContactEvent>> Scan<S> scan(Set<String> touching, long cutoff, Interest alsoWanted,
                                                           Supplier<S> sinks) {
        return scan(touching, cutoff, alsoWanted, sinks, ChunkedContacts.PART);
    }

    /** {@link #scan} with parts of the given length in bytes (tests cut small files into many parts). */
    <S extends Consumer<ContactEvent>> Scan<S> scan(Set<String> touching, long cutoff, Supplier<S> sinks,
                                                    int partBytes) {
        return scan(touching, cutoff, Interest.NONE, sinks, partBytes);
    }

    <S extends Consumer<ContactEvent>> Scan<S> scan(Set<String> touching, long cutoff, Interest alsoWanted,
                                                    Supplier<S> sinks, int partBytes) {
        try {
            return pass(touching, cutoff, alsoWanted, sinks, partBytes);
        } catch (InputException e) {
            throw failed(e);
        }
    }

    private <S extends Consumer<ContactEvent>> Scan<S> pass(Set<String> touching, long cutoff, Interest alsoWanted,
                                                            Supplier<S> sinks, int partBytes) {
        boolean firstPass = startPass();
        if (file.isRegularFile() && isSplittable(file.charset())) {
            try {
                int pass = passes;
                return new ChunkedContacts(file, parser, firstPass ? log : new ProblemLog(), persons, onError,
                        firstPass, partBytes).scan(touching, cutoff, alsoWanted, sinks,
                        (done, total) -> progress.read(file.label(), pass, done, total));
            } catch (ChunkedContacts.Resequence e) {
                // text that will not decode in this charset: read it as the sequential reader cuts it
            } finally {
                progress.stopped();
            }
        }
        return ContactEventSource.sequential(sink -> read(firstPass, sink), touching, cutoff, alsoWanted, sinks);
    }

    /** Whether a file in this charset can be split into parts at line-end bytes. */
    static boolean isSplittable(Charset charset) {
        return SPLITTABLE.contains(charset.name());
    }

    /** Counts a pass; under FAIL, refuses a later pass when the first found errors. */
    private boolean startPass() {
        boolean firstPass = passes++ == 0;
        if (!firstPass && onError == OnError.FAIL && log.hasErrors()) {
            throw InputException.logged(badRows(log), log.errors());
        }
        return firstPass;
    }

    static String badRows(ProblemLog log) {
        return log.describeErrors() + "; nothing was written";
    }

    private void warnUnknown(Row row, String column, String id, int index) {
        if (index < 0) {
            row.warn(column, id, "not in persons.csv", "unknown person");
        }
    }

    /**
     * The longest duration_min taken, 366 days. A longer one is no contact but a value from
     * another column (an 18-digit resident id shifted into it), and a far larger one would
     * carry the event's end past the last instant: it would wrap round to before its start,
     * and the contact would vanish from the list unreported.
     */
    static final double MAX_DURATION_MIN = 366 * 24 * 60;

    /** The event of a row under SPEC §3 "Events", with every problem of the row reported. */
    static ContactEvent event(Row row, TimeParser parser) {
        String a = row.required("person_a");
        String b = row.required("person_b");
        if (!a.isEmpty() && a.equals(b)) {
            row.error("person_b", b, "expected a person other than person_a (a person cannot meet themself)",
                    "self-contact");
        }
        Moment start = row.moment("start", parser);
        if (row.text("start").isEmpty()) {
            row.error("start", "", "expected the date or date-time the encounter began (the column is required)",
                    "missing value");
        }
        Moment end = row.moment("end", parser);
        double duration = row.number("duration_min");
        if (duration > MAX_DURATION_MIN) {
            row.error("duration_min", row.text("duration_min"), "expected at most " + (long) MAX_DURATION_MIN
                    + " minutes (366 days)", "duration too long");
        }
        String setting = row.text("setting").toLowerCase(Locale.ROOT);
        double distance = row.number("distance_m");
        boolean isProtected = row.flag("protected");
        if (start == null) {
            return null;
        }
        long endClosing = end == null ? 0 : end.closingInstant();
        if (end != null && end.hasTime() && start.hasTime()) {
            endClosing = atLeastRealLength(start.instant(), endClosing, real(parser, row.text("start")),
                    real(parser, row.text("end")));
        }
        ContactEvent e = event(a, b, start.instant(), start.hasTime(), end != null, endClosing, duration, setting,
                distance, isProtected);
        if (e == null) {
            row.error("end", row.text("end"), "expected a time at or after start " + row.text("start"),
                    "end before start");
        }
        return e;
    }

    private static long real(TimeParser parser, String text) {
        Long instant = parser.offsetInstant(text);
        return instant == null ? FastFields.NO_OFFSET : instant;
    }

    /**
     * The end of an event's span, at least its real length after its start when both were
     * written with offsets (real instants, else {@link FastFields#NO_OFFSET}). SPEC's
     * wall-clock arithmetic would otherwise shorten an encounter across the clocks going back
     * (in New York 05:30Z to 06:30Z is 01:30 EDT to 01:30 EST: 0 minutes), or make it end
     * before it starts (01:50 EDT to 01:10 EST, 20 real minutes), a bad row that stops the
     * run. Never shorter than the wall clock says, so the rule errs toward counting a contact;
     * a real end before the real start stays before it. A local time without an offset does
     * not say which of a repeated hour it is, and keeps the wall clock's end.
     */
    static long atLeastRealLength(long start, long endClosing, long realStart, long realEnd) {
        if (realStart == FastFields.NO_OFFSET || realEnd == FastFields.NO_OFFSET) {
            return endClosing;
        }
        return Math.max(endClosing, start + (realEnd - realStart));
    }

    /**
     * The span of an event (SPEC §3 "Events"), or null when the end is before the start. With
     * an end: [start, end), zero length being a point of 0 minutes; a timed start with a
     * duration: [start, start + duration); a timed start alone: a point of unknown minutes; a
     * date-only start without an end: the whole day, its minutes the duration (or unknown).
     */
    static ContactEvent event(String a, String b, long start, boolean startHasTime, boolean hasEnd, long endClosing,
                              double duration, String setting, double distance, boolean isProtected) {
        if (hasEnd && endClosing < start) {
            return null;
        }
        long end = spanEnd(start, startHasTime, hasEnd, endClosing, duration);
        return new ContactEvent(a, b, start, end, !hasEnd && !startHasTime,
                spanMinutes(start, end, startHasTime, hasEnd, duration), setting, distance, isProtected);
    }

    /** The end of an event's span ({@link #event}); an end at or after the start is given. */
    static long spanEnd(long start, boolean startHasTime, boolean hasEnd, long endClosing, double duration) {
        if (hasEnd) {
            return endClosing;
        }
        if (startHasTime) {
            return Double.isNaN(duration) ? start : start + Math.round(duration * 60);
        }
        return start + WallClock.DAY;
    }

    /** An event's known minutes ({@link #event}): 0 for a point of zero length, NaN when unknown. */
    static double spanMinutes(long start, long end, boolean startHasTime, boolean hasEnd, double duration) {
        if (!hasEnd && !startHasTime) {
            return duration;
        }
        return end == start && (hasEnd || !Double.isNaN(duration)) ? 0 : Double.NaN;
    }
}
