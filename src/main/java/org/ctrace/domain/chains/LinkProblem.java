package org.ctrace.domain.chains;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Something wrong with an input link that does not stop a run (SPEC §8: {@code validate} warns,
 * {@code chains} warns and goes on).
 *
 * @param link the link as given
 * @param kind what is wrong
 * @param atFrom whether the problem is the link's {@code from} end (else its {@code to} end)
 * @param fromAnchor the anchor date of from, for a backward link (else null)
 * @param toAnchor the anchor date of to, for a backward link (else null)
 */
public record LinkProblem(CaseLink link, Kind kind, boolean atFrom, LocalDate fromAnchor, LocalDate toAnchor) {

    /** What can be wrong with a link. */
    public enum Kind {
        /** It names a person who is not a case; left out unless non-cases are kept. */
        NONCASE,
        /** A reported link from a later case to an earlier one: the data contradict themselves. */
        BACKWARD,
        /** Dated after the as-of day: the contact had not happened then, so the link is not used. */
        AFTER_AS_OF
    }

    public LinkProblem {
        Objects.requireNonNull(link);
        Objects.requireNonNull(kind);
    }

    /** The person the problem is about. */
    public String person() {
        return atFrom ? link.from() : link.to();
    }
}
