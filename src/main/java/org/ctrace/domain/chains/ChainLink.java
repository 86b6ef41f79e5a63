package org.ctrace.domain.chains;

import java.util.Objects;
import org.ctrace.domain.Moment;

/**
 * A link as reported (SPEC §8 {@code --by link}), and an edge of the case-link graph.
 *
 * @param from the source (for a related link, the earlier case)
 * @param to the other end
 * @param kind reported, related or inferred
 * @param backward whether a reported or inferred link runs from a later case to an earlier one in
 *                 (anchor date, person_id) order: it joins the cluster but is not used for generations
 * @param date the link's date, or for an inferred link the start of the latest qualifying contact
 *             before the anchor; null when unknown
 * @param serialIntervalDays to's onset minus from's onset in days, or null unless both are cases with an onset
 * @param clusterId the cluster of both ends
 */
public record ChainLink(String from, String to, LinkKind kind, boolean backward, Moment date,
                        Integer serialIntervalDays, String clusterId) {

    public ChainLink {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(clusterId);
    }
}
