package org.ctrace.domain.release;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p>Cost: O(q log q) for q quarantine rows.
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

    /** The decisions, sorted by city, district, town, village and person id. */
    public List<ReleaseRow> decisions() {
        Map<String, QuarantineOrder> listed = new HashMap<>(orders.size() * 2);
        for (QuarantineOrder o : orders) {
            listed.put(o.personId(), o);
        }
        List<ReleaseRow> rows = new ArrayList<>();
        for (QuarantineRecord q : quarantine.all()) {
            if (q.status() == QuarantineStatus.RELEASED) {
                continue;
            }
            QuarantineOrder o = listed.get(q.personId());
            ReleaseRow row = o == null
                    ? new ReleaseRow(persons.get(q.personId()), q, null, ReleaseDecision.REVIEW, NOT_LISTED)
                    : decide(q, o);
            if (row != null) {
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparing((ReleaseRow r) -> r.person().area()).thenComparing(r -> r.person().id()));
        return List.copyOf(rows);
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
