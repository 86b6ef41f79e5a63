package org.ctrace.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.ctrace.domain.Area;
import org.ctrace.domain.AreaLevel;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.chains.ChainCase;
import org.ctrace.domain.chains.ChainLink;
import org.ctrace.domain.chains.ChainResult;
import org.ctrace.domain.chains.Cluster;

/** Writes the three tables of SPEC §8 ({@code chains --by cluster|case|link}). */
public final class ChainsFile {

    /** Which table. */
    public enum Table {
        /** One row per cluster (the default). */
        CLUSTER(List.of("cluster_id", "size", "cases", "index_cases", "first_anchor", "last_anchor", "generations",
                "active", "districts")),
        /** One row per case. */
        CASE(List.of("person_id", "cluster_id", "generation", "infector", "infectees", "anchor_date", "district")),
        /** One row per link. */
        LINK(List.of("from", "to", "kind", "backward", "contact_date", "serial_interval_days", "cluster_id"));

        private final List<String> columns;

        Table(List<String> columns) {
            this.columns = columns;
        }

        /** The columns, in order. */
        public List<String> columns() {
            return columns;
        }
    }

    private ChainsFile() {
    }

    /** Writes one of the tables in the given format. */
    public static void write(ChainResult result, Table table, TableFormat format, Writer out) throws IOException {
        try (TableWriter w = TableWriter.of(format, table.columns(), out)) {
            for (List<String> row : rows(result, table)) {
                w.row(row);
            }
        }
    }

    /** The rows of a table, in order. */
    public static List<List<String>> rows(ChainResult result, Table table) {
        List<List<String>> rows = new ArrayList<>();
        switch (table) {
            case CLUSTER -> result.clusters().forEach(c -> rows.add(cells(c)));
            case CASE -> result.cases().forEach(c -> rows.add(cells(c)));
            case LINK -> result.links().forEach(l -> rows.add(cells(l)));
        }
        return rows;
    }

    static List<String> cells(Cluster c) {
        return List.of(c.id(), Integer.toString(c.size()), String.join(";", c.cases()),
                String.join(";", c.indexCases()), c.firstAnchor().toString(), c.lastAnchor().toString(),
                Integer.toString(c.generations()), Boolean.toString(c.active()), String.join(";", c.districts()));
    }

    static List<String> cells(ChainCase c) {
        return List.of(c.personId(), c.clusterId(), Integer.toString(c.generation()), String.join(";", c.infectors()),
                Integer.toString(c.infectees()), c.anchor().toString(), c.district());
    }

    static List<String> cells(ChainLink l) {
        return List.of(l.from(), l.to(), l.kind().word(), Boolean.toString(l.backward()), LinksFile.text(l.date()),
                l.serialIntervalDays() == null ? "" : l.serialIntervalDays().toString(), l.clusterId());
    }

    /**
     * {@code --split-by LEVEL DIR}: a row goes to the file of every area its cases are in at that
     * level (a cluster to each area it touches, a link to the areas of its two ends, a case to its
     * own), so each team sees every cluster that reaches it. {@code named} is given the set's
     * files before anything is written ({@link AreaSplit#write}).
     */
    public static void split(ChainResult result, Table table, PersonRegistry persons, AreaLevel level, Path dir,
                             TableFormat format, boolean bom, Consumer<List<Path>> named) {
        record Placed(Area area, List<String> cells) {
        }
        List<Placed> placed = new ArrayList<>();
        Function<Collection<String>, Set<Area>> areas = ids -> {
            Set<Area> set = new LinkedHashSet<>();
            ids.forEach(id -> set.add(level.of(persons.get(id).area())));
            return set;
        };
        switch (table) {
            case CLUSTER -> result.clusters().forEach(c -> areas.apply(c.cases())
                    .forEach(a -> placed.add(new Placed(a, cells(c)))));
            case CASE -> result.cases().forEach(c -> placed.add(new Placed(persons.get(c.personId()).area(), cells(c))));
            case LINK -> result.links().forEach(l -> areas.apply(List.of(l.from(), l.to()))
                    .forEach(a -> placed.add(new Placed(a, cells(l)))));
        }
        new AreaSplit<Placed>(level, table.columns(), Placed::cells)
                .write(dir, placed, i -> placed.get(i).area(), persons.areas(), format, bom, named);
    }
}
