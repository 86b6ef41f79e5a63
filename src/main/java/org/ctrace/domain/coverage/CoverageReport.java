package org.ctrace.domain.coverage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
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
 * <p>Cost: O(n log a) for n listed persons and a areas.
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
        for (QuarantineOrder o : orders) {
            Area a = level.of(o.person().area());
            CoverageRow one = count(o);
            if (a.equals(Area.UNKNOWN)) {
                unknown = unknown == null ? CoverageRow.empty(a, CoverageRow.Kind.UNKNOWN_AREA).plus(one)
                        : unknown.plus(one);
            } else {
                areas.merge(a, CoverageRow.empty(a, CoverageRow.Kind.AREA).plus(one), CoverageRow::plus);
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

    /** The gap list: listed persons whose action is not ok, sorted by area, tier, person id. */
    public List<Gap> gaps() {
        List<Gap> gaps = new ArrayList<>();
        for (QuarantineOrder o : orders) {
            reason(o).ifPresent(r -> gaps.add(new Gap(o, r)));
        }
        gaps.sort(Comparator.comparing((Gap g) -> g.order().person().area())
                .thenComparingInt(g -> g.order().tier())
                .thenComparing(g -> g.order().personId()));
        return List.copyOf(gaps);
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
