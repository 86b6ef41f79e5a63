package org.ctrace.domain.trace;

import java.time.LocalDate;
import java.util.List;
import org.ctrace.domain.Area;
import org.ctrace.domain.Case;
import org.ctrace.domain.ContactEventSource;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.QuarantineRegistry;
import org.ctrace.domain.RuleProfile;

/**
 * The quarantine list of SPEC §5 with the trace behind it: what {@code trace},
 * {@code coverage} and {@code release} all start from.
 *
 * @param trace the trace (persons by tier, counts; no exposure graph, which a list does not need)
 * @param orders the list rows, sorted
 */
public record QuarantineList(TraceResult trace, List<QuarantineOrder> orders) {

    public QuarantineList {
        // not copied: the listing's list is immutable and makes its rows as they are read; not
        // wrapped either, so that areaAt can ask it for a row's area without making the row
        if (!(orders instanceof QuarantineListing.Rows)) {
            orders = java.util.Collections.unmodifiableList(orders);
        }
    }

    /**
     * The area of the row at a place in {@link #orders()}: for a city's list split by area,
     * found without making the row (its name, phone and sentence).
     */
    public Area areaAt(int row) {
        return orders instanceof QuarantineListing.Rows rows ? rows.areaAt(row) : orders.get(row).person().area();
    }

    /** Traces the cases' contacts under the rules and lists who must be quarantined. */
    public static QuarantineList of(RuleProfile rules, List<Case> cases, PersonRegistry persons,
                                    QuarantineRegistry quarantine, ContactEventSource events, LocalDate asOf,
                                    int depth) {
        TraceResult trace = new ContactTracer(rules, cases, persons, quarantine, events, asOf, depth)
                .traceWithoutGraph();
        return new QuarantineList(trace, new QuarantineListing(trace, rules, persons, quarantine).orders());
    }
}
