package org.ctrace.domain.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.ctrace.domain.Area;
import org.ctrace.domain.AreaLevel;
import org.ctrace.domain.trace.Action;
import org.ctrace.domain.trace.QuarantineOrder;

/**
 * Coverage by area (SPEC §6): one row per area at the chosen level, including every area of
 * the person registry even when all its counts are zero (an area with nothing to report
 * still reports); then a row with empty area names for listed persons whose area is unknown
 * at that level (absent from persons.csv, or registered without those area names); last,
 * the total. Each listed person counts once, by action and by current status.
 *
 * <p>Cost: O(n) for n listed persons (O(g log g) more for a gap list of g persons), on all cores.
 */
public final class CoverageReport {

    private final List<QuarantineOrder> orders;
    private final Collection<Area> registryAreas;
    private final AreaLevel level;

    /**
     * @param orders the quarantine list
     * @param registryAreas the areas of the person registry (each reported, even at zero)
     * @param level the level counted
     */
    public CoverageReport(List<QuarantineOrder> orders, Collection<Area> registryAreas, AreaLevel level) {
        this.orders = orders;
        this.registryAreas = registryAreas;
        this.level = level;
    }

    /** The rows: areas sorted by their names, the unknown-area row when needed, the total. */
    public List<CoverageRow> rows() {
        TreeMap<Area, CoverageRow> areas = new TreeMap<>();
        for (Area full : registryAreas) {
            Area a = level.of(full);
            if (!a.equals(Area.UNKNOWN)) {
                areas.putIfAbsent(a, CoverageRow.empty(a, CoverageRow.Kind.AREA));
            }
        }
        CoverageRow unknown = null;
        for (Map.Entry<Area, CoverageRow> e : counts().entrySet()) {
            Area a = e.getKey();
            if (a.equals(Area.UNKNOWN)) {
                unknown = CoverageRow.empty(a, CoverageRow.Kind.UNKNOWN_AREA).plus(e.getValue());
            } else {
                areas.merge(a, CoverageRow.empty(a, CoverageRow.Kind.AREA).plus(e.getValue()), CoverageRow::plus);
            }
        }
        List<CoverageRow> rows = new ArrayList<>(areas.values());
        if (unknown != null) {
            rows.add(unknown);
        }
        CoverageRow total = CoverageRow.empty(new Area("TOTAL", "", "", ""), CoverageRow.Kind.TOTAL);
        for (CoverageRow r : rows) {
            total = total.plus(r);
        }
        rows.add(total);
        return List.copyOf(rows);
    }

    /**
     * The counts of the listed persons by area at the level (unknown areas under
     * {@link Area#UNKNOWN}). A city's list makes its rows as they are read: they are made and
     * counted on all cores, a block at a time, and not held; counts add up in any order.
     */
    private Map<Area, CoverageRow> counts() {
        int blocks = (orders.size() + BLOCK - 1) / BLOCK;
        return IntStream.range(0, blocks).parallel()
                .mapToObj(b -> counts(orders.subList(b * BLOCK, Math.min(orders.size(), (b + 1) * BLOCK))))
                .collect(HashMap::new, CoverageReport::add, CoverageReport::add);
    }

    private static final int BLOCK = 4096;

    private static void add(Map<Area, CoverageRow> sum, Map<Area, CoverageRow> counts) {
        counts.forEach((a, c) -> sum.merge(a, c, CoverageRow::plus));
    }

    private Map<Area, CoverageRow> counts(List<QuarantineOrder> block) {
        Map<Area, CoverageRow> counts = new HashMap<>();
        for (QuarantineOrder o : block) {
            counts.merge(level.of(o.person().area()), count(o), CoverageRow::plus);
        }
        return counts;
    }

    /**
     * The gap list: listed persons whose action is not ok, sorted by area, tier, person id
     * (found and sorted on all cores; the order is total).
     */
    public List<Gap> gaps() {
        Gap[] gaps = orders.parallelStream()
                .map(o -> reason(o).map(r -> new Gap(o, r)).orElse(null))
                .filter(Objects::nonNull)
                .toArray(Gap[]::new);
        Arrays.parallelSort(gaps, Comparator.comparing((Gap g) -> g.order().person().area())
                .thenComparingInt(g -> g.order().tier())
                .thenComparing(g -> g.order().personId()));
        return List.of(gaps);
    }

    private static CoverageRow count(QuarantineOrder o) {
        boolean close = o.tier() == 1;
        String status = o.currentStatus();
        return new CoverageRow(null, CoverageRow.Kind.AREA, close ? 1 : 0, close ? 0 : 1,
                status.equals("centralized") ? 1 : 0, status.equals("home") ? 1 : 0,
                status.equals("hospital") ? 1 : 0,
                o.action() == Action.QUARANTINE ? 1 : 0,
                o.action() == Action.UPGRADE ? 1 : 0,
                o.action() == Action.EXTEND ? 1 : 0);
    }

    private static Optional<String> reason(QuarantineOrder o) {
        String required = o.quarantineType().word() + " quarantine until " + o.quarantineEnd();
        return Optional.ofNullable(switch (o.action()) {
            case QUARANTINE -> o.currentStatus().equals("released")
                    ? "not quarantined: released"
                            + (o.plannedEnd() == null ? "" : " with end " + o.plannedEnd())
                            + ", but " + required + " is required"
                    : "not quarantined: " + required + " is required";
            case UPGRADE -> "wrong type: at home, but " + required + " is required";
            case EXTEND -> "early release: planned end " + o.plannedEnd() + ", but " + required + " is required";
            case OK -> null;
        });
    }
}
