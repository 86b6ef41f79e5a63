package org.ctrace.domain.release;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.QuarantineRecord;
import org.ctrace.domain.QuarantineRegistry;
import org.ctrace.domain.QuarantineStatus;
import org.ctrace.domain.trace.QuarantineOrder;

/**
 * Decides, for every person with a quarantine row that is not {@code released} and that
 * started on or before the as-of day D, whether the person may be released at the end of D
 * (SPEC §7). Persons on the list whose required end and planned end are both after D are
 * still in quarantine as planned and are not listed.
 *
 * <p>Cost: O(n + q log q) for n listed persons and q quarantine rows, on all cores.
 */
public final class ReleaseReview {

    /** The reason given for review rows. */
    public static final String NOT_LISTED =
            "not on the quarantine list: no exposure in the data requires quarantine; check before release";

    private final List<QuarantineOrder> orders;
    private final QuarantineRegistry quarantine;
    private final PersonRegistry persons;
    private final LocalDate asOf;

    public ReleaseReview(List<QuarantineOrder> orders, QuarantineRegistry quarantine, PersonRegistry persons,
                         LocalDate asOf) {
        this.orders = orders;
        this.quarantine = quarantine;
        this.persons = persons;
        this.asOf = asOf;
    }

    /**
     * The decisions, sorted by city, district, town, village and person id. A city's list
     * makes its rows as they are read: each is made once, on all cores, and kept only when it
     * decides a row (a person and a quarantine row each have at most one, so every row in
     * force is decided once either way).
     */
    public List<ReleaseRow> decisions() {
        List<Listed> listed = orders.parallelStream().map(this::listed).toList();
        Set<String> listedIds = new HashSet<>(listed.size() * 2);
        List<ReleaseRow> rows = new ArrayList<>();
        for (Listed l : listed) {
            listedIds.add(l.personId());
            if (l.row() != null) {
                rows.add(l.row());
            }
        }
        for (QuarantineRecord q : quarantine.all()) {
            if (q.status() != QuarantineStatus.RELEASED && !listedIds.contains(q.personId())) {
                rows.add(new ReleaseRow(persons.get(q.personId()), q, null, ReleaseDecision.REVIEW, NOT_LISTED));
            }
        }
        ReleaseRow[] sorted = rows.toArray(new ReleaseRow[0]);
        Arrays.parallelSort(sorted, Comparator.comparing((ReleaseRow r) -> r.person().area())
                .thenComparing(r -> r.person().id()));
        return List.of(sorted);
    }

    /** A listed person, and the row decided for its quarantine row in force (null: none, or still in quarantine). */
    private record Listed(String personId, ReleaseRow row) {
    }

    private Listed listed(QuarantineOrder o) {
        ReleaseRow row = quarantine.find(o.personId())
                .filter(q -> q.status() != QuarantineStatus.RELEASED)
                .map(q -> decide(q, o))
                .orElse(null);
        return new Listed(o.personId(), row);
    }

    private ReleaseRow decide(QuarantineRecord q, QuarantineOrder o) {
        if (!o.quarantineEnd().isAfter(asOf)) {
            String reason = o.monitoringEnd() != null
                    ? "home health monitoring until " + o.monitoringEnd()
                    : "quarantine complete";
            return new ReleaseRow(o.person(), q, o, ReleaseDecision.RELEASE, reason);
        }
        if (q.plannedEnd() != null && !q.plannedEnd().isAfter(asOf)) {
            String reason = "quarantine required until " + o.quarantineEnd() + " ("
                    + o.traced().lastExposureText() + "); releasing now would be early";
            return new ReleaseRow(o.person(), q, o, ReleaseDecision.HOLD, reason);
        }
        return null;
    }
}
