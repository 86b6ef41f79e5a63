package org.ctrace.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
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
    private final Function<T, Area> areaOf;
    private final Function<T, List<String>> cellsOf;

    /**
     * @param level the level files are split at
     * @param columns the columns of each file
     * @param areaOf a row's (full) area
     * @param cellsOf a row's cells
     */
    public AreaSplit(AreaLevel level, List<String> columns, Function<T, Area> areaOf, Function<T, List<String>> cellsOf) {
        this.level = level;
        this.columns = List.copyOf(columns);
        this.areaOf = areaOf;
        this.cellsOf = cellsOf;
    }

    /** Writes the rows (kept in their order within each file) and an empty file for each other area. */
    public void write(Path dir, List<T> rows, Collection<Area> allAreas, TableFormat format, boolean bom) {
        Map<Area, List<T>> byArea = new TreeMap<>();
        for (Area a : allAreas) {
            Area cut = level.of(a);
            if (!level.isUnknown(cut)) {
                byArea.putIfAbsent(cut, new ArrayList<>());
            }
        }
        for (T row : rows) {
            byArea.computeIfAbsent(level.of(areaOf.apply(row)), k -> new ArrayList<>()).add(row);
        }
        Map<Area, String> names = fileNames(byArea.keySet(), extension(format));
        Path target = dir.toAbsolutePath().normalize();
        Path tmp = null;
        try {
            tmp = Siblings.folder(target);
            for (Map.Entry<Area, List<T>> e : byArea.entrySet()) {
                writeFile(tmp.resolve(names.get(e.getKey())), e.getValue(), format, bom);
            }
            writeIndex(tmp.resolve(INDEX), byArea, names, bom);
            swap(tmp, target);
            tmp = null;
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(dir + ": cannot be written: "
                    + OutputTarget.reason(e instanceof UncheckedIOException u ? u.getCause() : (IOException) e));
        } finally {
            if (tmp != null) {
                deleteTree(tmp);
            }
        }
    }

    private void writeFile(Path file, List<T> rows, TableFormat format, boolean bom) throws IOException {
        try (OutputStream os = Files.newOutputStream(file)) {
            OutputTarget.writeTo(os, bom, w -> {
                try (TableWriter t = TableWriter.of(format, columns, w)) {
                    for (T row : rows) {
                        t.row(cellsOf.apply(row));
                    }
                }
            });
        }
    }

    /** The index, always CSV; with a BOM when the files have one (its area names open in a spreadsheet too). */
    private static void writeIndex(Path file, Map<Area, ? extends List<?>> byArea, Map<Area, String> names,
                                   boolean bom) throws IOException {
        try (OutputStream os = Files.newOutputStream(file)) {
            OutputTarget.writeTo(os, bom, (Writer w) -> {
                try (TableWriter t = TableWriter.of(TableFormat.CSV, INDEX_COLUMNS, w)) {
                    byArea.forEach((a, rows) -> t.row(List.of(names.get(a), a.city(), a.district(), a.town(),
                            a.village(), Integer.toString(rows.size()))));
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
        String name = String.join("_", safe).replaceAll("[. ]+$", "");
        if (RESERVED.matcher(name).matches()) {
            name = "_" + name;
        }
        return name.length() > 120 ? name.substring(0, 120) : name;
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

    /** Puts the new folder in place of the old one; the old one is removed only after. */
    private static void swap(Path fresh, Path target) throws IOException {
        if (!Files.exists(target)) {
            Files.move(fresh, target);
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new IOException("not a folder");
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
        deleteTree(old);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless; the error that matters was reported
        }
    }
}
