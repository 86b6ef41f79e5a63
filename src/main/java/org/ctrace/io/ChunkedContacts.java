package org.ctrace.io;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ctrace.domain.ContactEvent;
import org.ctrace.domain.ContactEventSource.Interest;
import org.ctrace.domain.ContactEventSource.Scan;
import org.ctrace.domain.IdIndex;
import org.ctrace.domain.KeyFilter;
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
    private final ProblemLog log;
    private final PersonRegistry persons;
    private final OnError onError;
    private final boolean firstPass;
    private final Charset charset;
    private final int partBytes;
    /** Problems of the pass, held until it ends (see the class comment). */
    private final List<RejectedRow> stagedRejects = new ArrayList<>();
    private final ProblemLog staged = new ProblemLog(stagedRejects::add);
    private Interest alsoWanted = Interest.NONE;
    /** Told the bytes read so far, and the file's size, as parts are put back in order. */
    private BiConsumer<Long, Long> done = (d, t) -> { };

    /**
     * @param partBytes the length of a part; a file of less than a megabyte is read in one
     *                  part unless this is smaller (tests cut small files into many parts, and
     *                  read them through windows as small, so records cross windows often)
     */
    ChunkedContacts(InputFile file, TimeParser parser, ProblemLog log, PersonRegistry persons, OnError onError,
                    boolean firstPass, int partBytes) {
        this.partBytes = partBytes;
        this.file = file;
        this.parser = parser;
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

    /**
     * One pass: the events that touch one of {@code touching} (or that {@code alsoWanted} asks
     * for) and start before {@code cutoff} go to the sinks, one sink per part, in file order.
     */
    <S extends Consumer<ContactEvent>> Scan<S> scan(Set<String> touching, long cutoff, Interest alsoWanted,
                                                    Supplier<S> sinks, BiConsumer<Long, Long> done) {
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
            ContactRows.Pass pass = new ContactRows.Pass(file, parser, persons, firstPass, table,
                    IdIndex.of(touching), KeyFilter.of(touching), touching, cutoff, alsoWanted);
            return read(channel, pass, sinks, staged);
        } catch (IOException e) {
            throw new InputException(file.label() + ": cannot be read: " + e.getMessage());
        }
    }

    private <S extends Consumer<ContactEvent>> Scan<S> read(FileChannel channel, ContactRows.Pass pass,
                                                            Supplier<S> sinks, ProblemLog staged) throws IOException {
        boolean failing = onError == OnError.FAIL && firstPass;
        int limit = failing ? ContactsFile.FAIL_AFTER : Integer.MAX_VALUE;
        long size = channel.size();
        long[] headerEnd = headerEnd(channel, size, file);
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
                    futures.add(pool.submit(() -> part(channel, size, from, to, pass, sinks, limit)));
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
                    p = part(channel, size, expected, to, pass, sinks, limit);
                }
                long remaining = ContactsFile.FAIL_AFTER - staged.errorCount();
                if (failing && p.log.errorCount() > remaining) {
                    // the sequential reader stops at the row of the hundredth error: stop there too
                    p = part(channel, size, expected, to, pass, sinks, (int) remaining);
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
                                                            ContactRows.Pass pass, Supplier<S> sinks, int errorLimit)
            throws IOException {
        Part<S> part = new Part<>();
        part.start = from;
        part.sink = sinks.get();
        part.log = new ProblemLog(part.rejected::add);
        ContactRows rows = new ContactRows(pass, part.sink, part.log, errorLimit);
        ByteRecord rec = new ByteRecord();
        long base = from;
        // the part is read a window at a time into one array: its bytes are still in the cache when
        // they are parsed, and they do not push the registry's index out of it
        int window = Math.max(1, Math.min(WINDOW, partBytes));
        byte[] buf = new byte[(int) Math.min(size - base, window)];
        int length = fill(channel, base, buf, 0, buf.length);
        int pos = 0;
        long line = 1;
        boolean widened = false;
        while (base + pos < to) {
            boolean atEof = base + length >= size;
            int next = rec.parse(buf, pos, length, atEof);
            // a broken record's problem is worded from its text, which the window's end may cut inside
            // a character: read on past the end once before wording it
            boolean widen = next == ByteRecord.BROKEN && !atEof && !widened;
            if (next == ByteRecord.MORE || widen) {
                if (widen) {
                    widened = true;
                    window = Math.max(window, length - pos) + (1 << 16);
                } else if (pos == 0) {
                    // a record longer than the window
                    window *= 2;
                }
                base += pos;
                rows.flush();
                int wanted = (int) Math.min(size - base, window);
                if (wanted > buf.length) {
                    buf = new byte[wanted];
                }
                length = fill(channel, base, buf, 0, wanted);
                pos = 0;
                continue;
            }
            if (next == ByteRecord.BROKEN) {
                // the ordinary reader words it (it names the character, not a byte of it)
                part.syntaxError = rec.syntaxError;
                part.syntaxLine = line + rec.syntaxLine;
                String text = rows.decode(buf, pos, length);
                try (CsvReader reader = new CsvReader(new StringReader(text), ',', false)) {
                    while (reader.next() != null) {
                        continue;
                    }
                } catch (CsvSyntaxException e) {
                    part.syntaxError = e.getMessage();
                    part.syntaxLine = line + e.line() - 1;
                }
                part.end = base + pos;
                return counted(part, rows);
            }
            if (!rec.isBlank()) {
                rows.row(rec, buf, pos, next, line);
                if (rows.stop) {
                    part.end = base + next;
                    part.lines = line - 1 + rec.lines;
                    return counted(part, rows);
                }
            }
            line += rec.lines;
            pos = next;
        }
        part.end = base + pos;
        part.lines = line - 1;
        return counted(part, rows);
    }

    private static <S> Part<S> counted(Part<S> part, ContactRows rows) {
        rows.flush();
        part.events = rows.events;
        part.fromCutoff = rows.fromCutoff;
        return part;
    }

    /** The end of the header record (after a UTF-8 byte-order mark), and the line breaks up to it. */
    static long[] headerEnd(FileChannel channel, long size, InputFile file) throws IOException {
        byte[] bom = byteOrderMark(file.charset());
        int extra = 1 << 16;
        while (true) {
            byte[] buf = read(channel, 0, (int) Math.min(size, extra));
            boolean atEof = buf.length >= size;
            int pos = startsWith(buf, bom) ? bom.length : 0;
            long lines = 0;
            ByteRecord rec = new ByteRecord();
            while (true) {
                int next = rec.parse(buf, pos, buf.length, atEof);
                if (next == ByteRecord.MORE || next == ByteRecord.BROKEN && !atEof) {
                    break;
                }
                if (next == ByteRecord.BROKEN) {
                    throw syntax(file.label(), lines + 1 + rec.syntaxLine, rec.syntaxError);
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

    /**
     * U+FEFF in the charset, which the sequential reader drops at the start of a file in any
     * charset: EF BB BF in UTF-8, 84 31 95 33 in GB18030; none in a charset without it (GBK).
     */
    static byte[] byteOrderMark(Charset charset) {
        return charset.newEncoder().canEncode('\uFEFF') ? "\uFEFF".getBytes(charset) : new byte[0];
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return prefix.length > 0 && b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0,
                prefix.length);
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

    /** How much of a part is read at a time. */
    private static final int WINDOW = 1 << 20;

    /**
     * Fills {@code buf[from, to)} with the file's bytes at {@code base + from} onwards; the
     * index reached, {@code to} unless the file ends first.
     */
    static int fill(FileChannel channel, long base, byte[] buf, int from, int to) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buf, from, to - from);
        while (bb.hasRemaining()) {
            if (channel.read(bb, base + bb.position()) < 0) {
                break;
            }
        }
        return bb.position();
    }

    private static byte[] read(FileChannel channel, long from, int length) throws IOException {
        byte[] buf = new byte[Math.max(0, length)];
        int n = fill(channel, from, buf, 0, buf.length);
        return n == buf.length ? buf : java.util.Arrays.copyOf(buf, n);
    }

    private InputException syntax(long line, String message) {
        return syntax(file.label(), line, message);
    }

    private static InputException syntax(String label, long line, String message) {
        InputProblem p = new InputProblem(label, line, null, null, message, "CSV syntax",
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
            if (c instanceof Error err) {
                throw err; // running out of memory on a reader thread is what it is
            }
            throw new IllegalStateException(c);
        }
    }
}
