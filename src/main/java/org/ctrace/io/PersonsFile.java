package org.ctrace.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.ctrace.domain.Area;
import org.ctrace.domain.IdIndex;
import org.ctrace.domain.PersonRegistry;

/**
 * Reads persons.csv (SPEC §2) into a {@link PersonRegistry}.
 *
 * <p>A city's registry has millions of rows and is read before anything else, so a UTF-8
 * file on disk is read from bytes ({@link ByteRecord}): a row of plain ASCII cells makes no
 * String (the registry keeps ids, names, phones and household ids as bytes) except for its
 * area, and neighbours in the file with the same area share it. Any other row is read the
 * ordinary way ({@link Row}), so problems read as the sequential reader's; a row that is not
 * CSV sends the whole file to the ordinary reader.
 */
public final class PersonsFile {

    /** The columns of persons.csv. */
    public static final List<Column> COLUMNS = List.of(Column.required("person_id"), Column.optional("name"),
            Column.optional("phone"), Column.optional("city"), Column.optional("district"),
            Column.optional("town"), Column.optional("village"), Column.optional("household_id"));

    private static final int BUFFER = 2 << 20;
    /** Rows added together: enough cache misses waited for at once, few enough to stay in the cache. */
    private static final int BATCH = 64;

    private PersonsFile() {
    }

    /** Reads the registry; bad rows are logged and left out. */
    public static PersonRegistry read(InputFile file, ProblemLog log) {
        return read(file, log, BUFFER);
    }

    /** {@link #read(InputFile, ProblemLog)} through blocks of this many bytes (tests use small ones). */
    static PersonRegistry read(InputFile file, ProblemLog log, int blockBytes) {
        if (file.isRegularFile() && file.charset().equals(StandardCharsets.UTF_8)) {
            List<RejectedRow> rejects = new ArrayList<>();
            ProblemLog staged = new ProblemLog(rejects::add);
            PersonRegistry.Builder registry = PersonRegistry.builder();
            boolean read;
            try (CsvTable table = CsvTable.open(file, COLUMNS, log)) {
                read = new Bytes(table, registry, staged, blockBytes).read();
            } catch (IOException e) {
                throw new InputException(file.label() + ": cannot be read: " + e.getMessage());
            }
            if (read) {
                log.mergeFrom(staged, 0);
                rejects.forEach(log::reject);
                return registry.build();
            }
        }
        PersonRegistry.Builder registry = PersonRegistry.builder();
        try (CsvTable table = CsvTable.open(file, COLUMNS, log)) {
            for (Row row = table.next(); row != null; row = table.next()) {
                take(row, registry);
            }
        }
        return registry.build();
    }

    /** Checks a row and adds its person to the registry when it is accepted. */
    private static void take(Row row, PersonRegistry.Builder registry) {
        String id = row.required("person_id");
        Area area = new Area(row.text("city"), row.text("district"), row.text("town"), row.text("village"));
        // a clean row is added at once, which finds a duplicate in the same lookup
        boolean added = row.isClean()
                && registry.add(id, row.text("name"), row.text("phone"), area, row.text("household_id"));
        if (!added && !id.isEmpty() && registry.contains(id)) {
            row.error("person_id", id, "expected a unique id; it is on an earlier row too", "duplicate id");
        }
        row.accept();
    }

    /**
     * The reading from bytes (see the class comment), in two stages on two threads: one
     * splits the file into rows and cells ({@link Parsing}), the other, this one, adds them to
     * the registry in file order. Each takes about half of the work (the registry's tables are
     * larger than the processor's caches, and every addition waits for memory): 2M persons were
     * read in 0.55 s instead of 0.75 s in a fresh JVM. Blocks of rows go from one to the other
     * and back to be filled again: at most {@value #BLOCKS} are in memory.
     */
    private static final class Bytes {
        private final CsvTable table;
        private final PersonRegistry.Builder registry;
        private final ProblemLog log;
        private final int width;
        private final int blockBytes;
        private final long[] idKeys = new long[BATCH];
        private final long[] householdKeys = new long[BATCH];

        Bytes(CsvTable table, PersonRegistry.Builder registry, ProblemLog log, int blockBytes) {
            this.table = table;
            this.registry = registry;
            this.log = log;
            this.width = table.width();
            this.blockBytes = blockBytes;
        }

        /** Reads every row; false when a row is not CSV (the ordinary reader then says why). */
        boolean read() throws IOException {
            Parsing parsing = new Parsing(table, blockBytes);
            Thread parser = Background.threads("ctrace-persons").newThread(parsing);
            parser.start();
            try {
                while (true) {
                    Block block = parsing.filled.take();
                    if (block.failure instanceof IOException e) {
                        throw e;
                    } else if (block.failure instanceof RuntimeException e) {
                        throw e;
                    } else if (block.failure != null) {
                        throw (Error) block.failure;
                    }
                    if (block.expected > 0) {
                        registry.expect(block.expected);
                    }
                    for (int from = 0; from < block.rows; from += BATCH) {
                        add(block, from, Math.min(block.rows, from + BATCH));
                    }
                    if (block.broken || block.last) {
                        return !block.broken;
                    }
                    parsing.free.put(block);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new java.io.InterruptedIOException(table.file().label()));
            } finally {
                // a row the registry refused (an error thrown here) leaves the parser nothing to wait for
                parser.interrupt();
            }
        }

        /** Adds rows {@code [from, to)} of a block in file order, the registry readied for them first. */
        private void add(Block block, int from, int to) {
            int n = to - from;
            System.arraycopy(block.idKey, from, idKeys, 0, n);
            System.arraycopy(block.householdKey, from, householdKeys, 0, n);
            registry.prefetch(idKeys, householdKeys, n);
            byte[] b = block.buf;
            for (int i = from; i < to; i++) {
                int[] c = block.cells;
                int k = CELLS * i;
                // a duplicate id is not added: the ordinary reading reports it
                if (!block.plain[i] || !registry.add(b, c[k], c[k + 1], c[k + 2], c[k + 3], c[k + 4], c[k + 5],
                        block.area[i], c[k + 6], c[k + 7])) {
                    ordinary(b, block.recStart[i], block.recEnd[i], block.line[i]);
                }
            }
        }

        /** The ordinary reading of one row: exact problems, and every form the byte path leaves. */
        private void ordinary(byte[] b, int recStart, int recEnd, long line) {
            Row row = table.row(log, line, b, recStart, recEnd);
            if (row != null) {
                take(row, registry);
            }
        }
    }

    /** Blocks in memory at once: one being filled, one being added, one ready between them. */
    private static final int BLOCKS = 3;
    /** The cells of a row a block keeps: the id's, the name's, the phone's and the household's bounds. */
    private static final int CELLS = 8;

    /**
     * The rows of one buffer of the file, split: where each row and its id, name, phone and
     * household lie in the buffer, its area, and the key words that ready the registry.
     */
    private static final class Block {
        byte[] buf;
        int rows;
        int[] recStart = new int[0];
        int[] recEnd = new int[0];
        long[] line = new long[0];
        /** Whether a row is read from bytes; otherwise it goes to the ordinary reading. */
        boolean[] plain = new boolean[0];
        int[] cells = new int[0];
        Area[] area = new Area[0];
        long[] idKey = new long[0];
        long[] householdKey = new long[0];
        /** The rows the file is expected to hold (on the first block), else 0. */
        int expected;
        /** The block after its rows is not CSV. */
        boolean broken;
        /** No block follows. */
        boolean last;
        /** What stopped the parsing, in place of rows. */
        Throwable failure;

        Block(int bytes) {
            buf = new byte[bytes];
        }

        /** Room for one more row. */
        void ensureRoom() {
            if (rows < recStart.length) {
                return;
            }
            int n = Math.max(1024, rows * 2);
            recStart = Arrays.copyOf(recStart, n);
            recEnd = Arrays.copyOf(recEnd, n);
            line = Arrays.copyOf(line, n);
            plain = Arrays.copyOf(plain, n);
            cells = Arrays.copyOf(cells, n * CELLS);
            area = Arrays.copyOf(area, n);
            idKey = Arrays.copyOf(idKey, n);
            householdKey = Arrays.copyOf(householdKey, n);
        }

        void clear() {
            // the areas of the rows before are not kept alive by a block
            Arrays.fill(area, 0, rows, null);
            rows = 0;
            expected = 0;
        }
    }

    /** The first stage of {@link Bytes}: splits the file into rows and cells, block by block. */
    private static final class Parsing implements Runnable {
        final BlockingQueue<Block> free = new ArrayBlockingQueue<>(BLOCKS);
        /** Room for every block and for the one that says why the parsing failed. */
        final BlockingQueue<Block> filled = new ArrayBlockingQueue<>(BLOCKS + 1);
        private final CsvTable table;
        private int blockBytes;
        private final int width;
        private final int colId;
        private final int colName;
        private final int colPhone;
        private final int colHousehold;
        private final Recent[] areaCells = new Recent[4];
        private final String[] levels = new String[4];
        private final ByteRecord rec = new ByteRecord();
        /** Made beforehand: a parsing that ran out of memory must still be able to say so. */
        private final Block failed = new Block(0);
        private Area lastArea = Area.UNKNOWN;
        private int made;

        Parsing(CsvTable table, int blockBytes) {
            this.table = table;
            this.blockBytes = blockBytes;
            this.width = table.width();
            this.colId = table.columnIndex("person_id");
            this.colName = table.columnIndex("name");
            this.colPhone = table.columnIndex("phone");
            this.colHousehold = table.columnIndex("household_id");
            String[] columns = {"city", "district", "town", "village"};
            for (int i = 0; i < 4; i++) {
                areaCells[i] = new Recent();
                areaCells[i].column = table.columnIndex(columns[i]);
                areaCells[i].text = areaCells[i].column < 0 ? "" : null;
            }
        }

        @Override
        public void run() {
            try {
                parse();
            } catch (InterruptedException e) {
                // the reading stopped on the other stage: nobody waits for more blocks
            } catch (IOException | RuntimeException | Error e) {
                failed.failure = e;
                filled.offer(failed);
            }
        }

        /** A block to fill: a new one until there are {@value #BLOCKS}, then one handed back. */
        private Block next() throws InterruptedException {
            if (made < BLOCKS) {
                made++;
                return new Block(blockBytes);
            }
            Block b = free.take();
            b.clear();
            return b;
        }

        private void parse() throws IOException, InterruptedException {
            try (FileChannel channel = FileChannel.open(table.file().path(), StandardOpenOption.READ)) {
                long size = channel.size();
                long[] header = ChunkedContacts.headerEnd(channel, size, table.file());
                long base = header[0];
                long line = header[1] + 1;
                // a small file takes small blocks
                blockBytes = (int) Math.min(blockBytes, Math.max(16, size - base));
                Block block = next();
                int length = ChunkedContacts.fill(channel, base, block.buf, 0,
                        (int) Math.min(block.buf.length, Math.max(0, size - base)));
                block.expected = expectedRows(block.buf, length, size - base);
                int pos = 0;
                while (true) {
                    boolean atEof = base + length >= size;
                    if (pos >= length && atEof) {
                        block.last = true;
                        filled.put(block);
                        return;
                    }
                    int next = rec.parse(block.buf, pos, length, atEof);
                    if (next == ByteRecord.MORE) {
                        // the unfinished record goes on at the start of the next block (a larger one
                        // if it fills this one)
                        Block to = next();
                        base += pos;
                        length -= pos;
                        if (to.buf.length < length * 2) {
                            to.buf = new byte[Math.max(to.buf.length, length * 2)];
                        }
                        System.arraycopy(block.buf, pos, to.buf, 0, length);
                        filled.put(block);
                        block = to;
                        pos = 0;
                        int before = length;
                        length = ChunkedContacts.fill(channel, base, block.buf, length, block.buf.length);
                        if (length == before) {
                            // the file ended before its size said (it was cut while being read)
                            size = base + length;
                        }
                        continue;
                    }
                    if (next == ByteRecord.BROKEN) {
                        block.broken = true;
                        filled.put(block);
                        return;
                    }
                    if (!rec.isBlank()) {
                        row(block, pos, next, line);
                    }
                    line += rec.lines;
                    pos = next;
                }
            }
        }

        /** Files the row just parsed into the block. */
        private void row(Block block, int recStart, int recEnd, long line) {
            block.ensureRoom();
            int i = block.rows++;
            byte[] b = block.buf;
            block.recStart[i] = recStart;
            block.recEnd[i] = recEnd;
            block.line[i] = line;
            boolean plain = rec.count == width && colId >= 0 && !rec.isEmpty(colId);
            for (int c = 0; plain && c < rec.count; c++) {
                plain = rec.plain(c);
            }
            block.plain[i] = plain;
            if (!plain) {
                block.idKey[i] = 0;
                block.householdKey[i] = 0;
                return;
            }
            boolean same = true;
            for (int k = 0; k < 4; k++) {
                Recent c = areaCells[k];
                String before = c.text;
                levels[k] = c.column < 0 ? "" : c.of(b, rec.start[c.column], rec.end[c.column]);
                same &= levels[k] == before;
            }
            if (!same) {
                lastArea = new Area(levels[0], levels[1], levels[2], levels[3]);
            }
            block.area[i] = lastArea;
            int k = CELLS * i;
            int[] cells = block.cells;
            cells[k] = rec.start[colId];
            cells[k + 1] = rec.end[colId];
            cells[k + 2] = colName < 0 ? 0 : rec.start[colName];
            cells[k + 3] = colName < 0 ? 0 : rec.end[colName];
            cells[k + 4] = colPhone < 0 ? 0 : rec.start[colPhone];
            cells[k + 5] = colPhone < 0 ? 0 : rec.end[colPhone];
            cells[k + 6] = colHousehold < 0 ? 0 : rec.start[colHousehold];
            cells[k + 7] = colHousehold < 0 ? 0 : rec.end[colHousehold];
            block.idKey[i] = IdIndex.key(b, cells[k], cells[k + 1]);
            block.householdKey[i] = IdIndex.key(b, cells[k + 6], cells[k + 7]);
        }

        /**
         * The rows of the file as the first buffer suggests (no margin: an index sized for a
         * few more rows than there are can take twice the room).
         */
        private static int expectedRows(byte[] buf, int length, long bytes) {
            int lines = 0;
            for (int i = 0; i < length; i++) {
                if (buf[i] == '\n') {
                    lines++;
                }
            }
            return length == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE / 4, (long) ((double) lines * bytes / length) + 16);
        }
    }

    /**
     * The text of a column on the row before, kept so that a row repeating it shares the same
     * String (areas repeat on neighbouring rows).
     */
    private static final class Recent {
        int column = -1;
        private byte[] bytes = new byte[0];
        String text;

        String of(byte[] b, int s, int e) {
            if (text == null || !Arrays.equals(bytes, 0, bytes.length, b, s, e)) {
                bytes = Arrays.copyOfRange(b, s, e);
                text = ascii(b, s, e);
            }
            return text;
        }
    }

    private static String ascii(byte[] b, int s, int e) {
        return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    }
}
