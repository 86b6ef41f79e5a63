package org.ctrace.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ctrace.domain.Area;
import org.ctrace.domain.AreaLevel;

/**
 * {@code --split-by LEVEL DIR}: one file per area in DIR so each field team receives only its
 * own people, plus {@code index.csv} listing the files, their areas and row counts.
 *
 * <p>Every area of the registry gets a file, empty ones included (zero-reporting: a team with
 * nobody to quarantine is told so). File names are the area names joined by {@code _}, with
 * characters that Windows or Linux forbid replaced; where the file-name encoding of the JVM
 * cannot hold them (a non-UTF-8 locale), names fall back to {@code area-001}… and index.csv
 * says which is which. The set is written to a temporary folder beside DIR and swapped in
 * at the end, so a failed run leaves the previous set as it was.
 */
public final class AreaSplit<T> {

    /** The index file's name and columns. */
    public static final String INDEX = "index.csv";
    public static final List<String> INDEX_COLUMNS = List.of("file", "city", "district", "town", "village", "rows");

    private static final Pattern FORBIDDEN = Pattern.compile("[<>:\"/\\\\|?*\\x00-\\x1F\\x7F]");
    private static final Pattern RESERVED = Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\\..*)?");

    private final AreaLevel level;
    private final List<String> columns;
    private final Function<T, List<String>> cellsOf;

    /**
     * @param level the level files are split at
     * @param columns the columns of each file
     * @param cellsOf a row's cells
     */
    public AreaSplit(AreaLevel level, List<String> columns, Function<T, List<String>> cellsOf) {
        this.level = level;
        this.columns = List.copyOf(columns);
        this.cellsOf = cellsOf;
    }

    /**
     * Fails when DIR cannot take a split set: it is not a folder, it cannot be made or
     * written, or it is (or holds) the working folder, which the swap would move away from
     * under the caller. Checked before anything is read, and again before the set is written.
     */
    public static void check(Path dir) {
        Path target = target(dir);
        if (target(Path.of("")).startsWith(target)) {
            throw new InputException(dir + ": cannot be written: it is (or holds) the working folder, which the "
                    + "split set would replace; give it a folder of its own");
        }
        try {
            if (Files.exists(target) && !Files.isDirectory(target)) {
                throw new IOException("not a folder");
            }
            Path parent = Siblings.parentOf(target);
            while (parent != null && !Files.exists(parent)) {
                parent = parent.getParent();
            }
            if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
                throw new java.nio.file.AccessDeniedException(target.toString(), null, "permission denied");
            }
        } catch (IOException e) {
            throw new InputException(dir + ": cannot be written: " + OutputTarget.reason(e));
        }
    }

    /**
     * The folder a set goes to: DIR itself when it is a link to a folder (which the link goes
     * on naming), so that the link is not replaced by a folder, nor the working folder reached
     * through one.
     */
    private static Path target(Path dir) {
        // the split makes DIR's missing folders (mkdir -p) before '..' is read
        return OutputTarget.systemPath(dir).normalize();
    }

    /** An earlier set's files: its index and the files it lists (none when there is no index, or it is not one). */
    private static Set<String> listedIn(Path index) {
        Set<String> files = new HashSet<>();
        if (!Files.isRegularFile(index)) {
            return files;
        }
        try (CsvReader reader = new CsvReader(InputFile.of(index, StandardCharsets.UTF_8).open())) {
            CsvReader.Record header = reader.next();
            if (header == null || !List.of(header.cells()).equals(INDEX_COLUMNS)) {
                return files;
            }
            files.add(INDEX);
            for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
                String name = r.cells()[0];
                files.add(name);
                // a name a spreadsheet would take for a formula is written with a ' before it
                if (name.startsWith("'")) {
                    files.add(name.substring(1));
                }
            }
        } catch (IOException | CsvSyntaxException | InputException e) {
            return new HashSet<>();
        }
        return files;
    }

    /**
     * Writes the rows (kept in their order within each file) and an empty file for each
     * other area, in place of an earlier set in DIR; anything else in DIR stays.
     *
     * @param areaAt the (full) area of the row at index i of {@code rows}; a list that makes
     *     its rows as they are read (a city's quarantine list) is grouped without making them
     * @param named given the set's files (in DIR, index.csv last) once they are named, before
     *     anything is written: the run's other outputs are only then known to be apart from them
     *     (it throws to stop the run)
     */
    public void write(Path dir, List<T> rows, IntFunction<Area> areaAt, Collection<Area> allAreas,
                      TableFormat format, boolean bom, Consumer<List<Path>> named) {
        check(dir);
        Grouped byArea = group(rows.size(), areaAt, allAreas);
        Map<Area, String> names = fileNames(byArea.areas(), extension(format));
        List<Path> files = new ArrayList<>(names.size() + 1);
        names.values().forEach(name -> files.add(dir.resolve(name)));
        files.add(dir.resolve(INDEX));
        named.accept(Collections.unmodifiableList(files));
        Path target = target(dir);
        SetBeingMade set = new SetBeingMade();
        Path tmp = null;
        boolean hooked = false;
        try {
            // a run stopped while it writes (Ctrl-C, kill) leaves no half-made set beside DIR
            Runtime.getRuntime().addShutdownHook(set.onStop);
            hooked = true;
            tmp = set.makeFolder(target);
            writeFiles(set, rows, byArea, names, format, bom);
            writeIndex(set, byArea, names, bom);
            // from here the new folder may hold DIR's other files: swap alone decides when it can go,
            // and a stop must not empty it while they are moved
            hooked = false;
            notWhenStopped(set.onStop);
            Path fresh = tmp;
            tmp = null;
            swap(fresh, target);
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(dir + ": cannot be written: "
                    + OutputTarget.reason(e instanceof UncheckedIOException u ? u.getCause() : (IOException) e));
        } finally {
            if (hooked) {
                try {
                    notWhenStopped(set.onStop);
                } catch (IOException stopping) {
                    // the hook deletes the folder
                    tmp = null;
                }
            }
            if (tmp != null) {
                deleteTree(tmp);
            }
        }
    }

    /** Takes the hook that deletes the set being made off the JVM's shutdown; fails when the run is being stopped. */
    private static void notWhenStopped(Thread hook) throws IOException {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            throw new InterruptedIOException("the run is being stopped");
        }
    }

    /**
     * The temporary folder of a set being written, deleted by {@link #onStop} if the run is
     * stopped before the set is swapped in. The folder and its files are made through it, and
     * none once a stop has begun: a file made while the deletion ran would keep the folder.
     */
    private static final class SetBeingMade {
        final Thread onStop = new Thread(this::stop);
        private Path folder;
        private boolean stopping;

        synchronized Path makeFolder(Path target) throws IOException {
            refuseWhenStopping();
            folder = Siblings.folder(target);
            return folder;
        }

        synchronized OutputStream create(String name) throws IOException {
            refuseWhenStopping();
            return Files.newOutputStream(folder.resolve(name), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }

        private void refuseWhenStopping() throws IOException {
            if (stopping) {
                throw new InterruptedIOException("the run is being stopped");
            }
        }

        private void stop() {
            Path made;
            synchronized (this) {
                stopping = true;
                made = folder;
            }
            if (made != null) {
                deleteTree(made);
            }
        }
    }

    /**
     * The places of the rows by file: each file's area (sorted) and the places of its rows, in
     * their order in the list.
     *
     * @param areas the files' areas, sorted
     * @param places the places of the rows in the list, file after file
     * @param start where each file's places start in {@code places} (one more entry: the end)
     */
    record Grouped(List<Area> areas, int[] places, int[] start) {

        int count(int file) {
            return start[file + 1] - start[file];
        }
    }

    /** Groups the places of the rows by their area cut at the level; every area of the registry gets a file. */
    private Grouped group(int count, IntFunction<Area> areaAt, Collection<Area> allAreas) {
        Map<Area, Integer> fileOf = new HashMap<>();
        List<Area> found = new ArrayList<>();
        for (Area a : allAreas) {
            Area cut = level.of(a);
            if (!level.isUnknown(cut) && fileOf.putIfAbsent(cut, found.size()) == null) {
                found.add(cut);
            }
        }
        int[] fileOfRow = new int[count];
        Area last = null;
        int lastFile = -1;
        for (int i = 0; i < count; i++) {
            Area a = areaAt.apply(i);
            // a list's rows come in runs of one area (the registry's instance): looked up once a run
            if (a != last) {
                Area cut = level.of(a);
                Integer file = fileOf.putIfAbsent(cut, found.size());
                if (file == null) {
                    file = found.size();
                    found.add(cut);
                }
                last = a;
                lastFile = file;
            }
            fileOfRow[i] = lastFile;
        }
        Integer[] order = new Integer[found.size()];
        Arrays.setAll(order, f -> f);
        Arrays.sort(order, Comparator.comparing(found::get));
        int[] sortedPlace = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            sortedPlace[order[k]] = k;
        }
        int[] start = new int[order.length + 1];
        for (int f : fileOfRow) {
            start[sortedPlace[f] + 1]++;
        }
        for (int k = 0; k < order.length; k++) {
            start[k + 1] += start[k];
        }
        int[] fill = Arrays.copyOf(start, order.length);
        int[] places = new int[count];
        for (int i = 0; i < count; i++) {
            places[fill[sortedPlace[fileOfRow[i]]]++] = i;
        }
        return new Grouped(Arrays.stream(order).map(found::get).toList(), places, start);
    }

    /**
     * Writes the files. CSV, TSV and JSON files are rendered in pieces of at most {@value #PIECE}
     * rows on all cores and written, file after file, on a thread of their own while the next
     * pieces are rendered (a city's split is thousands of files and millions of rows); the
     * table format (which aligns a file's columns over all its rows) is written one file at a time.
     */
    private void writeFiles(SetBeingMade set, List<T> rows, Grouped byArea, Map<Area, String> names,
                            TableFormat format, boolean bom) throws IOException {
        TableWriter shape = TableWriter.of(format, columns, Writer.nullWriter());
        if (!shape.byLines()) {
            for (int f = 0; f < byArea.areas().size(); f++) {
                writeFile(set, names.get(byArea.areas().get(f)), rows, byArea, f, format, bom);
            }
            return;
        }
        List<Piece> pieces = new ArrayList<>();
        for (int f = 0; f < byArea.areas().size(); f++) {
            int from = byArea.start()[f];
            int to = byArea.start()[f + 1];
            String file = names.get(byArea.areas().get(f));
            // an empty area's file is one piece too: its header
            for (int p = from; p < to || p == from; p += PIECE) {
                pieces.add(new Piece(file, p, Math.min(to, p + PIECE), p == from, p + PIECE >= to));
            }
        }
        int window = 4 * Runtime.getRuntime().availableProcessors() * PIECE;
        try (PieceWriter writer = new PieceWriter(set)) {
            Background.inWindows(pieces.size(), first -> {
                int end = first;
                for (int n = 0; end < pieces.size() && n < window; end++) {
                    // a piece costs its rows, and a file to open
                    n += pieces.get(end).to() - pieces.get(end).from() + 64;
                }
                return end;
            }, k -> render(shape, pieces.get(k), rows, byArea.places(), bom), writer::write);
        }
    }

    private static final int PIECE = 2048;

    /** Rows {@code from..to} of the places in {@link Grouped#places()}, all in one file. */
    private record Piece(String file, int from, int to, boolean opens, boolean closes) {
    }

    private record Rendered(Piece piece, Utf8Buffer text) {
    }

    private Rendered render(TableWriter shape, Piece piece, List<T> rows, int[] places, boolean bom) {
        Utf8Buffer text = new Utf8Buffer(256 * (piece.to() - piece.from() + 1));
        if (piece.opens()) {
            if (bom) {
                text.bom();
            }
            shape.renderHeader(text);
        }
        for (int k = piece.from(); k < piece.to(); k++) {
            shape.renderRow(cellsOf.apply(rows.get(places[k])), piece.opens() && k == piece.from(), text);
        }
        if (piece.closes()) {
            // only a file's one piece can be empty
            shape.renderFooter(!(piece.opens() && piece.from() == piece.to()), text);
        }
        return new Rendered(piece, text);
    }

    /** Writes rendered pieces in order, one file open at a time (on the writing thread). */
    private static final class PieceWriter implements Closeable {
        private final SetBeingMade set;
        private OutputStream open;

        PieceWriter(SetBeingMade set) {
            this.set = set;
        }

        void write(List<Rendered> window) {
            try {
                for (Rendered r : window) {
                    if (r.piece().opens()) {
                        open = set.create(r.piece().file());
                    }
                    open.write(r.text().bytes(), 0, r.text().size());
                    if (r.piece().closes()) {
                        OutputStream done = open;
                        open = null;
                        done.close();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Closes a file left open by a failure (the folder is deleted after). */
        @Override
        public void close() throws IOException {
            if (open != null) {
                open.close();
            }
        }
    }

    private void writeFile(SetBeingMade set, String file, List<T> rows, Grouped byArea, int f, TableFormat format,
                           boolean bom) throws IOException {
        try (OutputStream os = set.create(file)) {
            OutputTarget.writeTo(os, bom, w -> {
                try (TableWriter t = TableWriter.of(format, columns, w)) {
                    for (int k = byArea.start()[f]; k < byArea.start()[f + 1]; k++) {
                        t.row(cellsOf.apply(rows.get(byArea.places()[k])));
                    }
                }
            });
        }
    }

    /** The index, always CSV; with a BOM when the files have one (its area names open in a spreadsheet too). */
    private static void writeIndex(SetBeingMade set, Grouped byArea, Map<Area, String> names, boolean bom)
            throws IOException {
        try (OutputStream os = set.create(INDEX)) {
            OutputTarget.writeTo(os, bom, (Writer w) -> {
                try (TableWriter t = TableWriter.of(TableFormat.CSV, INDEX_COLUMNS, w)) {
                    for (int f = 0; f < byArea.areas().size(); f++) {
                        Area a = byArea.areas().get(f);
                        t.row(List.of(names.get(a), a.city(), a.district(), a.town(), a.village(),
                                Integer.toString(byArea.count(f))));
                    }
                }
            });
        }
    }

    /** File names for the areas: readable where the file system's encoding allows, unique. */
    Map<Area, String> fileNames(Collection<Area> areas, String extension) {
        Charset fs = fileNameCharset();
        Map<Area, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        taken.add(INDEX.toLowerCase(Locale.ROOT));
        int n = 0;
        for (Area a : areas) {
            n++;
            String base = readableName(a);
            if (!canHold(fs, base)) {
                base = String.format(Locale.ROOT, "area-%03d", n);
            }
            String name = base + extension;
            for (int k = 2; !taken.add(name.toLowerCase(Locale.ROOT)); k++) {
                name = base + "~" + k + extension;
            }
            names.put(a, name);
        }
        return names;
    }

    private String readableName(Area a) {
        List<String> parts = new ArrayList<>(4);
        parts.add(a.city());
        if (level.compareTo(AreaLevel.DISTRICT) >= 0) {
            parts.add(a.district());
        }
        if (level.compareTo(AreaLevel.TOWN) >= 0) {
            parts.add(a.town());
        }
        if (level == AreaLevel.VILLAGE) {
            parts.add(a.village());
        }
        if (parts.stream().allMatch(String::isEmpty)) {
            return "unknown-area";
        }
        List<String> safe = new ArrayList<>(parts.size());
        for (String p : parts) {
            safe.add(p.isEmpty() ? "unknown" : FORBIDDEN.matcher(p).replaceAll("_").strip());
        }
        String name = shortened(String.join("_", safe));
        // names of dots and spaces alone would leave a hidden ".csv"
        if (name.isEmpty() || RESERVED.matcher(name).matches()) {
            name = "_" + name;
        }
        return name;
    }

    /**
     * The name cut, between characters, to at most 120 characters and 200 bytes of UTF-8
     * (file systems take 255 bytes, and a {@code ~2} and the extension may follow: 120
     * Chinese characters are 360 bytes), without the trailing dots and spaces Windows drops.
     */
    static String shortened(String name) {
        int end = 0;
        int bytes = 0;
        while (end < name.length()) {
            int c = name.codePointAt(end);
            int size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            if (end + Character.charCount(c) > 120 || bytes + size > 200) {
                break;
            }
            bytes += size;
            end += Character.charCount(c);
        }
        return name.substring(0, end).replaceAll("[. ]+$", "");
    }

    private static Charset fileNameCharset() {
        String jnu = System.getProperty("sun.jnu.encoding");
        try {
            return jnu == null ? StandardCharsets.UTF_8 : Charset.forName(jnu);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.US_ASCII;
        }
    }

    private static boolean canHold(Charset fs, String name) {
        CharsetEncoder enc = fs.newEncoder();
        if (!enc.canEncode(name)) {
            return false;
        }
        try {
            Path.of(name);
            return true;
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static String extension(TableFormat format) {
        return switch (format) {
            case CSV -> ".csv";
            case TSV -> ".tsv";
            case JSON -> ".json";
            case TABLE -> ".txt";
        };
    }

    /**
     * Puts the new folder in place of DIR, whole: what DIR holds besides an earlier set
     * (index.csv and the files it lists) is moved into the new folder first, so that only
     * ctrace's own files go with the old folder, which is removed only after. When a step
     * fails, the steps before it are undone (DIR's files moved back, the new folder
     * removed); a file that cannot be moved back is left in the new folder, which is then
     * kept and named in the error.
     */
    private static void swap(Path fresh, Path target) throws IOException {
        if (!Files.exists(target)) {
            moveOrDrop(fresh, target);
            return;
        }
        List<Path> others = new ArrayList<>();
        // an earlier set's files, as found in DIR (never a name of its index's joined to a path)
        List<Path> setFiles = new ArrayList<>();
        Set<String> earlierSet = listedIn(target.resolve(INDEX));
        try (Stream<Path> entries = Files.list(target)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                String name = p.getFileName().toString();
                if (earlierSet.contains(name) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    setFiles.add(p.getFileName());
                    continue;
                }
                if (Files.exists(fresh.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("it holds '" + name + "', which no earlier split set lists and which a "
                            + "file of the new set would replace");
                }
                others.add(p.getFileName());
            }
        } catch (IOException e) {
            deleteTree(fresh);
            throw e;
        }
        List<Path> moved = new ArrayList<>();
        try {
            for (Path name : others) {
                Files.move(target.resolve(name), fresh.resolve(name));
                moved.add(name);
            }
            Path old = Siblings.folder(target);
            Files.delete(old);
            Files.move(target, old);
            try {
                Files.move(fresh, target);
            } catch (IOException e) {
                Files.move(old, target);
                throw e;
            }
            removeEarlierSet(old, setFiles);
        } catch (IOException e) {
            List<String> stuck = new ArrayList<>();
            for (Path name : moved) {
                try {
                    Files.move(fresh.resolve(name), target.resolve(name));
                } catch (IOException notBack) {
                    stuck.add("'" + name + "'");
                }
            }
            if (!stuck.isEmpty()) {
                throw new IOException(OutputTarget.reason(e) + "; " + String.join(", ", stuck)
                        + " could not be moved back and are in " + fresh, e);
            }
            deleteTree(fresh);
            throw e;
        }
    }

    /**
     * Deletes the earlier set's files from the folder it was moved to, then the folder when
     * that left it empty: a file put in DIR while the swap ran is not deleted with them, but
     * left there.
     */
    static void removeEarlierSet(Path old, List<Path> setFiles) {
        for (Path name : setFiles) {
            try {
                Path p = old.resolve(name);
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                // a file left in the moved-away folder is harmless; the new set is in place
            }
        }
        try {
            Files.delete(old);
        } catch (IOException e) {
            // not empty: what is left was not ctrace's to delete
        }
    }

    private static void moveOrDrop(Path fresh, Path target) throws IOException {
        try {
            Files.move(fresh, target);
        } catch (IOException e) {
            deleteTree(fresh);
            throw e;
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless; the error that matters was reported
        }
    }
}
