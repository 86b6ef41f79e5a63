package org.ctrace.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.ctrace.domain.ContactEvent;
import org.ctrace.domain.ContactEventSource;
import org.ctrace.domain.ContactEventSource.Interest;
import org.ctrace.domain.IdIndex;
import org.ctrace.domain.KeyFilter;
import org.ctrace.domain.PersonRegistry;

/**
 * The rows of one part of contacts.csv, read from bytes for {@link ChunkedContacts}: the
 * common forms by {@link FastFields} without making Strings, anything else through the
 * ordinary {@link Row} checks, so that problems read as the sequential reader's. Events that
 * touch a person of interest (or that the pass also wants) go to the part's sink; the rest
 * are checked and counted only.
 */
final class ContactRows {

    /**
     * What every part of a pass shares.
     *
     * @param file the contacts file
     * @param parser the date parser of the run
     * @param persons the registry (positions for the tracer, unknown-person warnings)
     * @param firstPass whether this pass checks rows and warns (later passes only filter)
     * @param header the file's header
     * @param ids the persons of interest, for byte lookups
     * @param idFilter the same persons, to pass over most other ids without a lookup
     * @param touching the same persons, for lookups by id
     * @param cutoff events starting at or after this are counted, not handed over
     * @param alsoWanted events touching no one of interest that the pass also wants
     */
    record Pass(InputFile file, TimeParser parser, PersonRegistry persons, boolean firstPass, CsvTable header,
                IdIndex ids, KeyFilter idFilter, Set<String> touching, long cutoff, Interest alsoWanted) {
    }

    private final Pass pass;
    private final FastFields fast;
    private final Charset charset;
    private final int width;
    private final int colA;
    private final int colB;
    private final int colStart;
    private final int colEnd;
    private final int colDuration;
    private final int colSetting;
    private final int colDistance;
    private final int colProtected;
    private final Consumer<ContactEvent> sink;
    /** The same sink when it takes events by registry position, else null. */
    private final ContactEventSource.PositionedSink positioned;
    private final ProblemLog log;
    private final int errorLimit;
    private final Map<String, String> settings = new HashMap<>();
    private final String[] seenRaw = new String[32];
    private final String[] seenLower = new String[32];
    private int seenCount;
    /** Well-formed events read, and of them those starting at or after the cutoff. */
    long events;
    long fromCutoff;
    /** Set once the part's errors reach the limit: reading stops at that row. */
    boolean stop;

    ContactRows(Pass pass, Consumer<ContactEvent> sink, ProblemLog log, int errorLimit) {
        this.pass = pass;
        this.fast = new FastFields(pass.parser().zone());
        this.charset = pass.file().charset();
        CsvTable t = pass.header();
        this.width = t.width();
        this.colA = t.columnIndex("person_a");
        this.colB = t.columnIndex("person_b");
        this.colStart = t.columnIndex("start");
        this.colEnd = t.columnIndex("end");
        this.colDuration = t.columnIndex("duration_min");
        this.colSetting = t.columnIndex("setting");
        this.colDistance = t.columnIndex("distance_m");
        this.colProtected = t.columnIndex("protected");
        this.sink = sink;
        this.positioned = sink instanceof ContactEventSource.PositionedSink p ? p : null;
        this.log = log;
        this.errorLimit = errorLimit;
        for (int i = 0; i < BATCH; i++) {
            queue[i] = new Queued();
        }
    }

    void row(ByteRecord rec, byte[] b, int recStart, int recEnd, long line) {
        if (rec.count != width || !rec.plain(colA) || !rec.plain(colB) || rec.isEmpty(colA)
                || rec.isEmpty(colB)) {
            slow(b, recStart, recEnd, line);
            return;
        }
        int as = rec.start[colA];
        int ae = rec.end[colA];
        int bs = rec.start[colB];
        int be = rec.end[colB];
        // each id's key word is made once, for the sources, the registry and the warning
        long keyA = IdIndex.key(b, as, ae);
        long keyB = IdIndex.key(b, bs, be);
        boolean touchA = ofInterest(keyA, b, as, ae);
        boolean touchB = ofInterest(keyB, b, bs, be);
        if (!pass.firstPass() && !touchA && !touchB && pass.alsoWanted() == Interest.NONE) {
            return;
        }
        long start = fast.moment(b, rec.start[colStart], rec.end[colStart]);
        long startReal = fast.offsetInstant();
        long end = colEnd < 0 ? FastFields.EMPTY : fast.moment(b, rec.start[colEnd], rec.end[colEnd]);
        long endReal = colEnd < 0 ? FastFields.NO_OFFSET : fast.offsetInstant();
        double duration = colDuration < 0 ? Double.NaN : number(rec, b, colDuration);
        double distance = colDistance < 0 ? Double.NaN : number(rec, b, colDistance);
        int flag = colProtected < 0 ? 0 : rec.plain(colProtected)
                ? FastFields.flag(b, rec.start[colProtected], rec.end[colProtected]) : -1;
        String setting = colSetting < 0 ? "" : setting(rec, b, colSetting);
        if (start == FastFields.UNSURE || start == FastFields.EMPTY || end == FastFields.UNSURE
                || duration == Double.NEGATIVE_INFINITY || duration > ContactsFile.MAX_DURATION_MIN
                || distance == Double.NEGATIVE_INFINITY || flag < 0
                || setting == null || java.util.Arrays.equals(b, as, ae, b, bs, be)
                || !othersReadable(rec, b)) {
            slow(b, recStart, recEnd, line);
            return;
        }
        long startInstant = start >> 1;
        long endClosing = end == FastFields.EMPTY ? 0
                : ContactsFile.atLeastRealLength(startInstant, closing(end), startReal, endReal);
        if (end != FastFields.EMPTY && endClosing < startInstant) {
            slow(b, recStart, recEnd, line);
            return;
        }
        boolean check = pass.firstPass() && pass.persons().isGiven();
        boolean wanted = touchA || touchB || pass.alsoWanted().wanted(setting, distance, flag == 1);
        if (!wanted || startInstant >= pass.cutoff()) {
            // a row of no interest to this pass: valid, so counted, but no event is made
            events++;
            if (startInstant >= pass.cutoff()) {
                fromCutoff++;
            }
            if (check) {
                enqueue(b, keyA, as, ae, keyB, bs, be, line).wanted = false;
            }
            return;
        }
        // the tracer wants registry positions: an exact lookup, which also answers the warning
        Queued q = enqueue(b, keyA, as, ae, keyB, bs, be, line);
        q.wanted = true;
        q.check = check;
        q.start = startInstant;
        q.hasTime = (start & 1) == 1;
        q.hasEnd = end != FastFields.EMPTY;
        q.endClosing = endClosing;
        q.duration = duration;
        q.setting = setting;
        q.distance = distance;
        q.isProtected = flag == 1;
    }

    /** Hands over a wanted row's event, its persons at these registry positions (−1: not registered). */
    private void hand(Queued q, byte[] b, int ia, int ib) {
        if (ia >= 0 && ib >= 0 && positioned != null) {
            // both registered (no warning) and before the cutoff: handed over by position, making
            // no event and no id String (a fifth of a dense pass went into those Strings)
            events++;
            long spanEnd = ContactsFile.spanEnd(q.start, q.hasTime, q.hasEnd, q.endClosing, q.duration);
            positioned.accept(ia, ib, q.start, spanEnd, !q.hasEnd && !q.hasTime,
                    ContactsFile.spanMinutes(q.start, spanEnd, q.hasTime, q.hasEnd, q.duration), q.setting,
                    q.distance, q.isProtected);
            return;
        }
        // the ids are made from the row's bytes, still in the cache: asking the registry for its
        // String would be another cache miss (and would make it keep a String for nearly everyone)
        ContactEvent e = ContactsFile.event(ascii(b, q.as, q.ae), ascii(b, q.bs, q.be), q.start, q.hasTime,
                q.hasEnd, q.endClosing, q.duration, q.setting, q.distance, q.isProtected);
        use(e.withIndexes(ia, ib), true, q.line, !q.check || ia >= 0, !q.check || ib >= 0);
    }

    /** Whether the id of key word {@code key} spelt by {@code b[s, e)} is a person of interest. */
    private boolean ofInterest(long key, byte[] b, int s, int e) {
        // most ids are not: the filter turns them away before the index is probed
        return pass.idFilter().mayContain(key) && pass.ids().find(key, b, s, e) >= 0;
    }

    /**
     * Counts an accepted event, warns about unknown persons, and hands it on when it matters
     * (the queue before it emptied).
     */
    private void use(ContactEvent e, boolean touches, long line, boolean knownA, boolean knownB) {
        events++;
        if (!knownA) {
            warnUnknown(e.personA(), "person_a", line);
        }
        if (!knownB) {
            warnUnknown(e.personB(), "person_b", line);
        }
        if (e.start() >= pass.cutoff()) {
            fromCutoff++;
        } else if (touches) {
            sink.accept(e);
        }
    }

    private void warnUnknown(String id, String column, long line) {
        log.add(new InputProblem(pass.file().label(), line, column, id, "not in persons.csv", "unknown person",
                InputProblem.Severity.WARNING));
    }

    /**
     * Queues a row for its registry lookups: a row that needs only the unknown-person check,
     * or a wanted row, whose event is handed over once its persons' positions are known. Up
     * to {@link #BATCH} rows are looked up together, the slots of all their ids read first
     * ({@link PersonRegistry#containAll}, {@link PersonRegistry#indexAll}): one after another,
     * each lookup of a city's registry waits for memory. The queue is emptied before any other
     * problem is reported, before any other event is handed over and before the part's buffer
     * changes, so warnings and events keep file order.
     */
    private Queued enqueue(byte[] b, long keyA, int as, int ae, long keyB, int bs, int be, long line) {
        if (queued == BATCH) {
            flush();
        }
        queuedBytes = b;
        Queued q = queue[queued++];
        q.keyA = keyA;
        q.as = as;
        q.ae = ae;
        q.keyB = keyB;
        q.bs = bs;
        q.be = be;
        q.line = line;
        return q;
    }

    /** Makes the queued rows' lookups, then warns and hands over their events in file order. */
    void flush() {
        if (queued == 0) {
            return;
        }
        byte[] b = queuedBytes;
        int checks = 0;
        int wants = 0;
        for (int i = 0; i < queued; i++) {
            Queued q = queue[i];
            if (q.wanted) {
                wantedKeys[wants] = q.keyA;
                wantedFrom[wants] = q.as;
                wantedTo[wants++] = q.ae;
                wantedKeys[wants] = q.keyB;
                wantedFrom[wants] = q.bs;
                wantedTo[wants++] = q.be;
            } else {
                checkKeys[checks] = q.keyA;
                checkLengths[checks++] = q.ae - q.as;
                checkKeys[checks] = q.keyB;
                checkLengths[checks++] = q.be - q.bs;
            }
        }
        pass.persons().containAll(checkKeys, checkLengths, checks, known);
        pass.persons().indexAll(wantedKeys, b, wantedFrom, wantedTo, wants, positions);
        int n = queued;
        queued = 0;
        queuedBytes = null;
        int c = 0;
        int w = 0;
        for (int i = 0; i < n; i++) {
            Queued q = queue[i];
            if (q.wanted) {
                hand(q, b, positions[w], positions[w + 1]);
                w += 2;
            } else {
                if (!known[c]) {
                    warnUnknown(ascii(b, q.as, q.ae), "person_a", q.line);
                }
                if (!known[c + 1]) {
                    warnUnknown(ascii(b, q.bs, q.be), "person_b", q.line);
                }
                c += 2;
            }
            q.setting = null;
        }
    }

    /** Rows looked up together: enough cache misses waited for at once, few enough to stay in the cache. */
    private static final int BATCH = 32;
    private final Queued[] queue = new Queued[BATCH];
    private int queued;
    private byte[] queuedBytes;
    /** The ids of the queued rows, two a row: those of rows checked only, and those of wanted rows. */
    private final long[] checkKeys = new long[2 * BATCH];
    private final int[] checkLengths = new int[2 * BATCH];
    private final boolean[] known = new boolean[2 * BATCH];
    private final long[] wantedKeys = new long[2 * BATCH];
    private final int[] wantedFrom = new int[2 * BATCH];
    private final int[] wantedTo = new int[2 * BATCH];
    private final int[] positions = new int[2 * BATCH];

    /** A queued row: its ids in the part's buffer and, for a wanted row, the event read from it. */
    private static final class Queued {
        boolean wanted;
        /** Whether unknown persons are warned about (a wanted row; a row checked only always is). */
        boolean check;
        long line;
        long keyA;
        int as;
        int ae;
        long keyB;
        int bs;
        int be;
        long start;
        boolean hasTime;
        boolean hasEnd;
        long endClosing;
        double duration;
        String setting;
        double distance;
        boolean isProtected;
    }

    /** The ordinary reading of one row: exact problems, and every form the fast path leaves. */
    private void slow(byte[] b, int recStart, int recEnd, long line) {
        flush();
        CsvReader.Record r;
        try {
            r = CsvReader.firstOf(decode(b, recStart, recEnd));
        } catch (CsvSyntaxException e) {
            // bytes split as a row but not as text: only a decoder that swallows delimiters does that
            throw new ChunkedContacts.Resequence();
        }
        if (r == null) {
            return;
        }
        if (r.cells().length != width) {
            CsvTable.wrongWidth(pass.file(), log, line, r.cells(), width);
        } else {
            Row row = pass.header().row(log, line, r.cells());
            ContactEvent e = ContactsFile.event(row, pass.parser());
            if (row.accept()) {
                boolean check = pass.firstPass() && pass.persons().isGiven();
                int ia = pass.persons().indexOf(e.personA());
                int ib = pass.persons().indexOf(e.personB());
                use(e.withIndexes(ia, ib), pass.touching().contains(e.personA()) || pass.touching().contains(e.personB())
                        || pass.alsoWanted().wanted(e.setting(), e.distanceM(), e.isProtected()),
                        line, !check || ia >= 0, !check || ib >= 0);
                return;
            }
        }
        if (log.errorCount() >= errorLimit) {
            stop = true;
        }
    }

    private double number(ByteRecord rec, byte[] b, int col) {
        return rec.plain(col) ? FastFields.decimal(b, rec.start[col], rec.end[col]) : Double.NEGATIVE_INFINITY;
    }

    /** The setting in lower case, shared between rows; null when only the ordinary path can say. */
    private String setting(ByteRecord rec, byte[] b, int col) {
        if (!rec.plain(col)) {
            return null;
        }
        int s = rec.start[col];
        int e = rec.end[col];
        // a file has a handful of settings: compare bytes with the ones seen, make no String
        for (int i = 0; i < seenCount; i++) {
            if (FastFields.equal(b, s, e, seenRaw[i])) {
                return seenLower[i];
            }
        }
        String raw = ascii(b, s, e);
        String lower = settings.computeIfAbsent(raw, k -> k.toLowerCase(Locale.ROOT));
        if (seenCount < seenRaw.length) {
            seenRaw[seenCount] = raw;
            seenLower[seenCount++] = lower;
        }
        return lower;
    }


    /** Whether the cells the fast path does not read are valid text in the charset. */
    private boolean othersReadable(ByteRecord rec, byte[] b) {
        for (int i = 0; i < rec.count; i++) {
            if (!rec.plain(i) && !decodes(b, rec.start[i], rec.end[i])) {
                return false;
            }
        }
        return true;
    }

    private boolean decodes(byte[] b, int s, int e) {
        // a byte sequence the charset cannot read becomes U+FFFD, which Row reports with its column
        return decode(b, s, e).indexOf('\uFFFD') < 0;
    }

    /**
     * Bytes as text; in a multi-byte charset other than UTF-8, bytes that do not decode end
     * the parallel pass ({@link ChunkedContacts.Resequence}), since the sequential reader may
     * cut them elsewhere.
     */
    String decode(byte[] b, int from, int to) {
        String text = new String(b, from, to - from, charset);
        if (!charset.equals(StandardCharsets.UTF_8) && charset.newEncoder().maxBytesPerChar() > 1
                && text.indexOf('\uFFFD') >= 0) {
            throw new ChunkedContacts.Resequence();
        }
        return text;
    }

    /** The end of a packed date or date-time (see {@link FastFields#moment}): a date alone ends at 24:00. */
    private static long closing(long packed) {
        long instant = packed >> 1;
        return (packed & 1) == 1 ? instant : instant + org.ctrace.domain.WallClock.DAY;
    }

    private static String ascii(byte[] b, int s, int e) {
        return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    }
}
