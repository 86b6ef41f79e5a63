package org.ctrace.io;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ctrace.domain.ContactEvent;
import org.ctrace.domain.ContactEventSource.Interest;
import org.ctrace.domain.ContactEventSource.Scan;
import org.ctrace.domain.PersonRegistry;

/**
 * One pass over contacts.csv on all cores: the file is cut into parts at line starts, each
 * part is read by one thread into its own sink and problem log, and the parts are put back
 * in file order, where line numbers are made absolute.
 *
 * <p>A part's start is a guess: the byte after a line end, which may lie inside a quoted
 * cell. Each part reads on past its end to the next true record start; when that is not
 * where the next part began, the next part is read again from the right place (its sink
 * and problems are dropped). Rows are read from bytes ({@link ByteRecord},
 * {@link FastFields}); a row the fast path does not fully recognise is read the ordinary
 * way ({@link Row}), so problems are reported exactly as by the sequential reader. After the
 * first pass, only rows naming a person of interest are read beyond their two ids (rows
 * skipped unread are not counted).
 *
 * <p>Problems are staged and reach the run's log only when the pass succeeds or stops. If a
 * row will not decode in a multi-byte charset other than UTF-8 (a GB18030 decoder can take a
 * line end into a bad sequence, so splitting at line-end bytes would cut rows differently),
 * the pass is abandoned with {@link Resequence} and the file is read sequentially instead.
 */
final class ChunkedContacts {

    /** Parts are about this long, and at least one per core for a file worth splitting. */
    static final int PART = 32 << 20;
    private static final int SMALL = 1 << 20;

    private final InputFile file;
    private final TimeParser parser;
    private final FastFields fast;
    private final ProblemLog log;
    private final PersonRegistry persons;
    private final OnError onError;
    private final boolean firstPass;
    private final Charset charset;
    private final int partBytes;
    private CsvTable header;
    private int width;
    private int colA;
    private int colB;
    private int colStart;
    private int colEnd;
    private int colDuration;
    private int colSetting;
    private int colDistance;
    private int colProtected;

    /**
     * @param partBytes the length of a part; a file of less than a megabyte is read in one
     *                  part unless this is smaller (tests cut small files into many parts)
     */
    ChunkedContacts(InputFile file, TimeParser parser, ProblemLog log, PersonRegistry persons, OnError onError,
                    boolean firstPass, int partBytes) {
        this.partBytes = partBytes;
        this.file = file;
        this.parser = parser;
        this.fast = new FastFields(parser.zone());
        this.log = log;
        this.persons = persons;
        this.onError = onError;
        this.firstPass = firstPass;
        this.charset = file.charset();
    }

    /** The pass cannot be read in parts and must be read sequentially. */
    static final class Resequence extends RuntimeException {
        Resequence() {
            super(null, null, false, false);
        }
    }

    private Interest alsoWanted = Interest.NONE;
    private java.util.function.BiConsumer<Long, Long> done = (d, t) -> { };
    private final List<RejectedRow> stagedRejects = new ArrayList<>();
    private final ProblemLog staged = new ProblemLog(stagedRejects::add);

    <S extends Consumer<ContactEvent>> Scan<S> scan(Set<String> touching, long cutoff, Interest alsoWanted,
                                                    Supplier<S> sinks, java.util.function.BiConsumer<Long, Long> done) {
        this.alsoWanted = alsoWanted;
        this.done = done;
        try {
            Scan<S> scan = scan(touching, cutoff, sinks, staged);
            publish();
            return scan;
        } catch (Resequence e) {
            throw e;
        } catch (RuntimeException e) {
            publish();
            throw e;
        }
    }

    /** Hands the staged problems and rejected rows to the run's log. */
    private void publish() {
        log.mergeFrom(staged, 0);
        stagedRejects.forEach(log::reject);
        stagedRejects.clear();
    }

    private <S extends Consumer<ContactEvent>> Scan<S> scan(Set<String> touching, long cutoff, Supplier<S> sinks,
                                                            ProblemLog staged) {
        try (CsvTable table = CsvTable.open(file, ContactsFile.COLUMNS, log);
             FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            header = table;
            width = table.width();
            colA = table.columnIndex("person_a");
            colB = table.columnIndex("person_b");
            colStart = table.columnIndex("start");
            colEnd = table.columnIndex("end");
            colDuration = table.columnIndex("duration_min");
            colSetting = table.columnIndex("setting");
            colDistance = table.columnIndex("distance_m");
            colProtected = table.columnIndex("protected");
            return read(channel, new IdTable(touching), touching, cutoff, sinks, staged);
        } catch (IOException e) {
            throw new InputException(file.label() + ": cannot be read: " + e.getMessage());
        }
    }

    private <S extends Consumer<ContactEvent>> Scan<S> read(FileChannel channel, IdTable ids, Set<String> touching,
                                                            long cutoff, Supplier<S> sinks, ProblemLog staged)
            throws IOException {
        boolean failing = onError == OnError.FAIL && firstPass;
        int limit = failing ? ContactsFile.FAIL_AFTER : Integer.MAX_VALUE;
        long size = channel.size();
        long[] headerEnd = headerEnd(channel, size);
        long dataStart = headerEnd[0];
        int threads = Runtime.getRuntime().availableProcessors();
        long data = size - dataStart;
        int parts = data < Math.min(SMALL, partBytes) ? 1
                : (int) Math.max(partBytes < SMALL ? 1 : threads, (data + partBytes - 1) / partBytes);
        long[] starts = new long[parts + 1];
        starts[0] = dataStart;
        for (int i = 1; i < parts; i++) {
            starts[i] = lineStartAfter(channel, dataStart + data * i / parts, size);
        }
        starts[parts] = size;
        List<Future<Part<S>>> futures = new ArrayList<>(parts);
        ExecutorService pool = parts == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ctrace-contacts");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < parts; i++) {
                long from = starts[i];
                long to = Math.max(from, starts[i + 1]);
                if (pool != null) {
                    futures.add(pool.submit(() -> part(channel, size, from, to, ids, touching, cutoff, sinks, limit)));
                }
            }
            List<S> received = new ArrayList<>(parts);
            long events = 0;
            long fromCutoff = 0;
            long expected = dataStart;
            long line = headerEnd[1] + 1;
            for (int i = 0; i < parts; i++) {
                long to = Math.max(expected, starts[i + 1]);
                Part<S> p = null;
                if (pool != null) {
                    try {
                        p = get(futures.get(i));
                    } catch (IOException | RuntimeException e) {
                        // a part that began in the wrong place may fail on what is not a row; read it again
                        if (starts[i] == expected) {
                            throw e;
                        }
                    }
                }
                if (p == null || p.start != expected) {
                    p = part(channel, size, expected, to, ids, touching, cutoff, sinks, limit);
                }
                long remaining = ContactsFile.FAIL_AFTER - staged.errorCount();
                if (failing && p.log.errorCount() > remaining) {
                    // the sequential reader stops at the row of the hundredth error: stop there too
                    p = part(channel, size, expected, to, ids, touching, cutoff, sinks, (int) remaining);
                }
                staged.mergeFrom(p.log, line - 1);
                for (RejectedRow r : p.rejected) {
                    staged.reject(new RejectedRow(r.file(), r.line() + line - 1, r.reason(), r.cells()));
                }
                if (p.syntaxError != null) {
                    throw syntax(line - 1 + p.syntaxLine, p.syntaxError);
                }
                if (failing && staged.errorCount() >= ContactsFile.FAIL_AFTER) {
                    throw new InputException(ContactsFile.badRows(staged) + "; stopped reading " + file.label()
                            + " after " + ContactsFile.FAIL_AFTER + " errors", staged.errors());
                }
                received.add(p.sink);
                events += p.events;
                fromCutoff += p.fromCutoff;
                line += p.lines;
                expected = p.end;
                done.accept(expected, size);
            }
            return new Scan<>(received, events, fromCutoff);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** What one part of the file gave. */
    private static final class Part<S> {
        long start;
        long end;
        long lines;
        long events;
        long fromCutoff;
        S sink;
        ProblemLog log;
        final List<RejectedRow> rejected = new ArrayList<>();
        String syntaxError;
        long syntaxLine;
    }

    /**
     * Reads the records that start in [from, to), on past {@code to} to finish the last one,
     * stopping at the row that brings the part's errors to {@code errorLimit}.
     */
    private <S extends Consumer<ContactEvent>> Part<S> part(FileChannel channel, long size, long from, long to,
                                                            IdTable ids, Set<String> touching, long cutoff,
                                                            Supplier<S> sinks, int errorLimit) throws IOException {
        Part<S> part = new Part<>();
        part.start = from;
        part.sink = sinks.get();
        part.log = new ProblemLog(part.rejected::add);
        Rows rows = new Rows(part, ids, touching, cutoff, errorLimit);
        ByteRecord rec = new ByteRecord();
        long base = from;
        int extra = 1 << 16;
        byte[] buf = read(channel, base, (int) Math.min(size - base, to - base + extra));
        int pos = 0;
        long line = 1;
        while (base + pos < to) {
            boolean atEof = base + buf.length >= size;
            int next = rec.parse(buf, pos, buf.length, atEof);
            if (next == ByteRecord.MORE) {
                base += pos;
                extra *= 2;
                buf = read(channel, base, (int) Math.min(size - base, Math.max(to - base, 0) + extra));
                pos = 0;
                continue;
            }
            if (next == ByteRecord.BROKEN) {
                // the ordinary reader words it (it names the character, not a byte of it)
                part.syntaxError = rec.syntaxError;
                part.syntaxLine = line + rec.syntaxLine;
                String text = decode(buf, pos, buf.length);
                try (CsvReader reader = new CsvReader(new StringReader(text), ',', false)) {
                    while (reader.next() != null) {
                        continue;
                    }
                } catch (CsvSyntaxException e) {
                    part.syntaxError = e.getMessage();
                    part.syntaxLine = line + e.line() - 1;
                }
                part.end = base + pos;
                return part;
            }
            if (!rec.isBlank()) {
                rows.row(rec, buf, pos, next, line);
                if (rows.stop) {
                    part.end = base + next;
                    part.lines = line - 1 + rec.lines;
                    return part;
                }
            }
            line += rec.lines;
            pos = next;
        }
        part.end = base + pos;
        part.lines = line - 1;
        return part;
    }

    /** The reading of one part's rows. */
    private final class Rows {
        final Part<? extends Consumer<ContactEvent>> part;
        final Consumer<ContactEvent> sink;
        final IdTable ids;
        final Set<String> touching;
        final long cutoff;
        final Map<String, String> settings = new HashMap<>();
        final int errorLimit;
        boolean stop;

        @SuppressWarnings("unchecked")
        Rows(Part<? extends Consumer<ContactEvent>> part, IdTable ids, Set<String> touching, long cutoff,
             int errorLimit) {
            this.part = part;
            this.errorLimit = errorLimit;
            this.sink = (Consumer<ContactEvent>) part.sink;
            this.ids = ids;
            this.touching = touching;
            this.cutoff = cutoff;
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
            boolean touchA = ids.contains(b, as, ae);
            boolean touchB = ids.contains(b, bs, be);
            if (!firstPass && !touchA && !touchB && alsoWanted == Interest.NONE) {
                return;
            }
            long start = fast.moment(b, rec.start[colStart], rec.end[colStart]);
            long end = colEnd < 0 ? FastFields.EMPTY : fast.moment(b, rec.start[colEnd], rec.end[colEnd]);
            double duration = colDuration < 0 ? Double.NaN : number(rec, b, colDuration);
            double distance = colDistance < 0 ? Double.NaN : number(rec, b, colDistance);
            int flag = colProtected < 0 ? 0 : rec.plain(colProtected)
                    ? FastFields.flag(b, rec.start[colProtected], rec.end[colProtected]) : -1;
            String setting = colSetting < 0 ? "" : setting(rec, b, colSetting);
            if (start == FastFields.UNSURE || start == FastFields.EMPTY || end == FastFields.UNSURE
                    || duration == Double.NEGATIVE_INFINITY || distance == Double.NEGATIVE_INFINITY || flag < 0
                    || setting == null || java.util.Arrays.equals(b, as, ae, b, bs, be)
                    || !othersReadable(rec, b)) {
                slow(b, recStart, recEnd, line);
                return;
            }
            long startInstant = start >> 1;
            if (end != FastFields.EMPTY && closing(end) < startInstant) {
                slow(b, recStart, recEnd, line);
                return;
            }
            boolean check = firstPass && persons.isGiven();
            boolean wanted = touchA || touchB || alsoWanted.wanted(setting, distance, flag == 1);
            if (!wanted || startInstant >= cutoff) {
                // a row of no interest to this pass: valid, so counted, but no event is made
                part.events++;
                if (startInstant >= cutoff) {
                    part.fromCutoff++;
                }
                if (check && !persons.containsAscii(b, as, ae)) {
                    warnUnknown(ascii(b, as, ae), "person_a", line);
                }
                if (check && !persons.containsAscii(b, bs, be)) {
                    warnUnknown(ascii(b, bs, be), "person_b", line);
                }
                return;
            }
            // the tracer wants registry positions: an exact lookup, which also answers the warning and
            // lends the registry's own id strings instead of new ones
            int ia = persons.indexOfAscii(b, as, ae);
            int ib = persons.indexOfAscii(b, bs, be);
            ContactEvent e = ContactsFile.event(ia >= 0 ? persons.idAt(ia) : ascii(b, as, ae),
                    ib >= 0 ? persons.idAt(ib) : ascii(b, bs, be), startInstant, (start & 1) == 1,
                    end != FastFields.EMPTY, end == FastFields.EMPTY ? 0 : closing(end), duration, setting,
                    distance, flag == 1);
            use(e.withIndexes(ia, ib), true, line, !check || ia >= 0, !check || ib >= 0);
        }

        /** Counts an accepted event, warns about unknown persons, and hands it on when it matters. */
        private void use(ContactEvent e, boolean touches, long line, boolean knownA, boolean knownB) {
            part.events++;
            if (!knownA) {
                warnUnknown(e.personA(), "person_a", line);
            }
            if (!knownB) {
                warnUnknown(e.personB(), "person_b", line);
            }
            if (e.start() >= cutoff) {
                part.fromCutoff++;
            } else if (touches) {
                sink.accept(e);
            }
        }

        private void warnUnknown(String id, String column, long line) {
            part.log.add(new InputProblem(file.label(), line, column, id, "not in persons.csv", "unknown person",
                    InputProblem.Severity.WARNING));
        }

        /** The ordinary reading of one row: exact problems, and every form the fast path leaves. */
        private void slow(byte[] b, int recStart, int recEnd, long line) {
            CsvReader.Record r;
            try (CsvReader reader = new CsvReader(new StringReader(decode(b, recStart, recEnd)), ',', false)) {
                r = reader.next();
            } catch (CsvSyntaxException e) {
                // bytes split as a row but not as text: only a decoder that swallows delimiters does that
                throw new Resequence();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (r == null) {
                return;
            }
            if (r.cells().length != width) {
                CsvTable.wrongWidth(file, part.log, line, r.cells(), width);
            } else {
                Row row = header.row(part.log, line, r.cells());
                ContactEvent e = ContactsFile.event(row, parser);
                if (row.accept()) {
                    boolean check = firstPass && persons.isGiven();
                    int ia = persons.indexOf(e.personA());
                    int ib = persons.indexOf(e.personB());
                    use(e.withIndexes(ia, ib), touching.contains(e.personA()) || touching.contains(e.personB())
                            || alsoWanted.wanted(e.setting(), e.distanceM(), e.isProtected()),
                            line, !check || ia >= 0, !check || ib >= 0);
                    return;
                }
            }
            if (part.log.errorCount() >= errorLimit) {
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

        private final String[] seenRaw = new String[32];
        private final String[] seenLower = new String[32];
        private int seenCount;

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
    }

    /**
     * Bytes as text; in a multi-byte charset other than UTF-8, bytes that do not decode end
     * the parallel pass ({@link Resequence}), since the sequential reader may cut them elsewhere.
     */
    private String decode(byte[] b, int from, int to) {
        String text = new String(b, from, to - from, charset);
        if (!charset.equals(StandardCharsets.UTF_8) && charset.newEncoder().maxBytesPerChar() > 1
                && text.indexOf('\uFFFD') >= 0) {
            throw new Resequence();
        }
        return text;
    }

    private static long closing(long packed) {
        long instant = packed >> 1;
        return (packed & 1) == 1 ? instant : instant + org.ctrace.domain.WallClock.DAY;
    }

    private static String ascii(byte[] b, int s, int e) {
        return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    }

    /** The end of the header record, and the line breaks up to it. */
    private long[] headerEnd(FileChannel channel, long size) throws IOException {
        int extra = 1 << 16;
        while (true) {
            byte[] buf = read(channel, 0, (int) Math.min(size, extra));
            boolean atEof = buf.length >= size;
            int pos = buf.length >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF
                    && charset.equals(StandardCharsets.UTF_8) ? 3 : 0;
            long lines = 0;
            ByteRecord rec = new ByteRecord();
            while (true) {
                int next = rec.parse(buf, pos, buf.length, atEof);
                if (next == ByteRecord.MORE || next == ByteRecord.BROKEN && !atEof) {
                    break;
                }
                if (next == ByteRecord.BROKEN) {
                    throw syntax(lines + 1 + rec.syntaxLine, rec.syntaxError);
                }
                lines += rec.lines;
                if (!rec.isBlank() || next >= buf.length) {
                    return new long[] {next, lines};
                }
                pos = next;
            }
            if (atEof) {
                return new long[] {size, lines};
            }
            extra *= 4;
        }
    }

    /** The first position at or after {@code at} that follows a line feed. */
    private static long lineStartAfter(FileChannel channel, long at, long size) throws IOException {
        long pos = at - 1;
        byte[] buf = new byte[1 << 16];
        while (pos < size) {
            int n = channel.read(ByteBuffer.wrap(buf), pos);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    return pos + i + 1;
                }
            }
            pos += n;
        }
        return size;
    }

    private static byte[] read(FileChannel channel, long from, int length) throws IOException {
        byte[] buf = new byte[Math.max(0, length)];
        ByteBuffer bb = ByteBuffer.wrap(buf);
        while (bb.hasRemaining()) {
            if (channel.read(bb, from + bb.position()) < 0) {
                return java.util.Arrays.copyOf(buf, bb.position());
            }
        }
        return buf;
    }

    private InputException syntax(long line, String message) {
        InputProblem p = new InputProblem(file.label(), line, null, null, message, "CSV syntax",
                InputProblem.Severity.ERROR);
        return new InputException(p.toString(), List.of(p));
    }

    private static <T> T get(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(c);
        }
    }
}
