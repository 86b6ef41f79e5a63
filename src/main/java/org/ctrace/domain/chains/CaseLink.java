package org.ctrace.domain.chains;

import java.util.Objects;
import org.ctrace.domain.Moment;

/**
 * One case-to-case link as given or inferred (SPEC §8): {@code from} infected {@code to} (for a
 * related link, the two are linked with the direction unknown).
 *
 * @param from the source person
 * @param to the infected person (never the same as from)
 * @param kind reported, related or inferred
 * @param date the link's date or date-time, or null when unknown; for an inferred link the start
 *             of the latest qualifying contact before {@code to}'s anchor date
 * @param origin where the link was written, or null for an inferred link
 */
public record CaseLink(String from, String to, LinkKind kind, Moment date, LinkOrigin origin) {

    public CaseLink {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        Objects.requireNonNull(kind);
        if (from.equals(to)) {
            throw new IllegalArgumentException("a link from " + from + " to itself");
        }
    }

    /** The same link with its ends swapped. */
    CaseLink reversed() {
        return new CaseLink(to, from, kind, date, origin == null ? null : origin.swapped());
    }

    /**
     * Whether the link was known by the end of the as-of day ({@code asOfEnd}): one dated after
     * it records a contact that had not happened then (SPEC §3: a run answers with what was
     * known on the as-of day); an undated link is taken as known.
     */
    public boolean knownBy(long asOfEnd) {
        return date == null || date.instant() < asOfEnd;
    }
}
