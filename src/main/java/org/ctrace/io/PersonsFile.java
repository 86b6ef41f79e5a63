package org.ctrace.io;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ctrace.domain.Area;
import org.ctrace.domain.IdIndex;
import org.ctrace.domain.PersonRegistry;

/**
 * Reads persons.csv (SPEC §2) into a {@link PersonRegistry}.
 *
 * <p>A city's registry has millions of rows and is read before anything else, so a UTF-8
 * file on disk is read from bytes ({@link ByteRecord}): a row of plain ASCII cells makes only
 * the Strings the registry keeps, and repeated areas and households (neighbours in the file)
 * share theirs. Any other row is read the ordinary way ({@link Row}), so problems read as
 * the sequential reader's; a row that is not CSV sends the whole file to the ordinary reader.
 */
public final class PersonsFile {

    /** The columns of persons.csv. */
    public static final List<Column> COLUMNS = List.of(Column.required("person_id"), Column.optional("name"),
            Column.optional("phone"), Column.optional("city"), Column.optional("district"),
            Column.optional("town"), Column.optional("village"), Column.optional("household_id"));

    private static final int BUFFER = 8 << 20;
    /** Rows added together: enough cache misses waited for at once, few enough to stay in the cache. */
    private static final int BATCH = 64;

    private PersonsFile() {
    }

    /** Reads the registry; bad rows are logged and left out. */
    public static PersonRegistry read(InputFile file, ProblemLog log) {
        if (!file.isStdin() && file.charset().equals(StandardCharsets.UTF_8)) {
            List<RejectedRow> rejects = new ArrayList<>();
            ProblemLog staged = new ProblemLog(rejects::add);
            PersonRegistry.Builder registry = PersonRegistry.builder();
            boolean read;
            try (CsvTable table = CsvTable.open(file, COLUMNS, log)) {
                read = new Bytes(table, registry, staged).read();
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

    /** The reading from bytes (see the class comment). */
    private static final class Bytes {
        private final CsvTable table;
        private final PersonRegistry.Builder registry;
        private final ProblemLog log;
        private final int width;
        private final int colId;
        private final int colName;
        private final int colPhone;
        private final int colHousehold;
        private final Recent[] areaCells = new Recent[4];
        private final Recent household = new Recent();
        private Area lastArea = Area.UNKNOWN;
        private final String[] levels = new String[4];
        /**
         * Records read but not yet added, with their positions and lines: the registry is
         * readied for a batch of them at once ({@link PersonRegistry.Builder#prefetch}).
         */
        private final ByteRecord[] batch = new ByteRecord[BATCH];
        private final int[] batchStart = new int[BATCH];
        private final int[] batchEnd = new int[BATCH];
        private final long[] batchLine = new long[BATCH];
        private final long[] idKeys = new long[BATCH];
        private final long[] householdKeys = new long[BATCH];
        private int batched;

        Bytes(CsvTable table, PersonRegistry.Builder registry, ProblemLog log) {
            this.table = table;
            this.registry = registry;
            this.log = log;
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
            for (int i = 0; i < BATCH; i++) {
                batch[i] = new ByteRecord();
            }
        }

        /** Reads every row; false when a row is not CSV (the ordinary reader then says why). */
        boolean read() throws IOException {
            try (FileChannel channel = FileChannel.open(table.file().path(), StandardOpenOption.READ)) {
                long size = channel.size();
                long[] header = ChunkedContacts.headerEnd(channel, size, table.file());
                long base = header[0];
                long line = header[1] + 1;
                byte[] buf = new byte[(int) Math.min(BUFFER, Math.max(0, size - base))];
                int length = ChunkedContacts.fill(channel, base, buf, 0, buf.length);
                registry.expect(expectedRows(buf, length, size - base));
                int pos = 0;
                while (true) {
                    boolean atEof = base + length >= size;
                    if (pos >= length && atEof) {
                        addBatch(buf);
                        return true;
                    }
                    ByteRecord rec = batch[batched];
                    int next = rec.parse(buf, pos, length, atEof);
                    if (next == ByteRecord.MORE) {
                        // the batch's cells are in the buffer: added before it changes
                        addBatch(buf);
                        // keep the unfinished record, read on after it (in a larger buffer if it fills this one)
                        base += pos;
                        length -= pos;
                        byte[] to = length == buf.length ? new byte[buf.length * 2] : buf;
                        System.arraycopy(buf, pos, to, 0, length);
                        buf = to;
                        pos = 0;
                        length = ChunkedContacts.fill(channel, base, buf, length, buf.length);
                        continue;
                    }
                    if (next == ByteRecord.BROKEN) {
                        return false;
                    }
                    if (!rec.isBlank()) {
                        batchStart[batched] = pos;
                        batchEnd[batched] = next;
                        batchLine[batched] = line;
                        if (++batched == BATCH) {
                            addBatch(buf);
                        }
                    }
                    line += rec.lines;
                    pos = next;
                }
            }
        }

        /** Adds the batch's rows in file order, the registry readied for them first. */
        private void addBatch(byte[] b) {
            for (int i = 0; i < batched; i++) {
                ByteRecord rec = batch[i];
                idKeys[i] = key(rec, b, colId);
                householdKeys[i] = key(rec, b, colHousehold);
            }
            registry.prefetch(idKeys, householdKeys, batched);
            for (int i = 0; i < batched; i++) {
                row(batch[i], b, batchStart[i], batchEnd[i], batchLine[i]);
            }
            batched = 0;
        }

        /** The key word of a cell that may be an id (any word for a cell the row has not). */
        private static long key(ByteRecord rec, byte[] b, int col) {
            return col < 0 || col >= rec.count ? 0 : IdIndex.key(b, rec.start[col], rec.end[col]);
        }

        private void row(ByteRecord rec, byte[] b, int recStart, int recEnd, long line) {
            boolean plain = rec.count == width && colId >= 0 && !rec.isEmpty(colId);
            for (int i = 0; plain && i < rec.count; i++) {
                plain = rec.plain(i);
            }
            if (!plain) {
                ordinary(b, recStart, recEnd, line);
                return;
            }
            boolean same = true;
            for (int i = 0; i < 4; i++) {
                Recent c = areaCells[i];
                String before = c.text;
                levels[i] = c.column < 0 ? "" : c.of(b, rec.start[c.column], rec.end[c.column]);
                same &= levels[i] == before;
            }
            if (!same) {
                lastArea = new Area(levels[0], levels[1], levels[2], levels[3]);
            }
            String home = colHousehold < 0 ? "" : household.of(b, rec.start[colHousehold], rec.end[colHousehold]);
            boolean added = registry.add(b, rec.start[colId], rec.end[colId], from(rec, colName), to(rec, colName),
                    from(rec, colPhone), to(rec, colPhone), lastArea, home);
            if (!added) {
                // a duplicate: the ordinary reading reports it
                ordinary(b, recStart, recEnd, line);
            }
        }

        private static int from(ByteRecord rec, int col) {
            return col < 0 ? 0 : rec.start[col];
        }

        private static int to(ByteRecord rec, int col) {
            return col < 0 ? 0 : rec.end[col];
        }

        /** The ordinary reading of one row: exact problems, and every form the byte path leaves. */
        private void ordinary(byte[] b, int recStart, int recEnd, long line) {
            CsvReader.Record r;
            try (CsvReader reader = new CsvReader(new StringReader(
                    new String(b, recStart, recEnd - recStart, StandardCharsets.UTF_8)), ',', false)) {
                r = reader.next();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (r == null) {
                return;
            }
            if (r.cells().length != width) {
                CsvTable.wrongWidth(table.file(), log, line, r.cells(), width);
            } else {
                take(table.row(log, line, r.cells()), registry);
            }
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
     * String (households and areas repeat on neighbouring rows).
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
