package org.ctrace.domain.chains;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The input links made ready for the graph (SPEC §8): links naming a case anchored after the
 * as-of day dropped; links dated after it dropped with a warning (what was known then, SPEC
 * §3); links naming a person who is not a case kept or dropped with a warning;
 * related links turned earlier case first; the same (from, to, kind) merged, keeping the first
 * known date; backward reported links warned about.
 */
final class LinkTable {

    private record Key(String from, String to, LinkKind kind) {
    }

    private final Map<Key, CaseLink> links = new LinkedHashMap<>();
    private final List<LinkProblem> problems = new ArrayList<>();
    private int noncaseLeftOut;
    private int afterAsOf;

    LinkTable(List<CaseLink> input, CaseOrder order, boolean keepNoncase, long asOfEnd) {
        for (CaseLink link : input) {
            if (order.isCase(link.from()) && !order.isUsed(link.from())
                    || order.isCase(link.to()) && !order.isUsed(link.to())) {
                continue;
            }
            if (!link.knownBy(asOfEnd)) {
                afterAsOf++;
                problems.add(new LinkProblem(link, LinkProblem.Kind.AFTER_AS_OF, true, null, null));
                continue;
            }
            boolean fromNoncase = !order.isCase(link.from());
            boolean toNoncase = !order.isCase(link.to());
            if ((fromNoncase || toNoncase) && !keepNoncase) {
                noncaseLeftOut++;
                if (fromNoncase) {
                    problems.add(new LinkProblem(link, LinkProblem.Kind.NONCASE, true, null, null));
                }
                if (toNoncase) {
                    problems.add(new LinkProblem(link, LinkProblem.Kind.NONCASE, false, null, null));
                }
                continue;
            }
            if (link.kind() == LinkKind.REPORTED && link.origin() != null && order.isBackward(link.from(), link.to())) {
                problems.add(new LinkProblem(link, LinkProblem.Kind.BACKWARD, true,
                        order.get(link.from()).anchor(), order.get(link.to()).anchor()));
            }
            CaseLink normal = link.kind() == LinkKind.RELATED && order.compare(link.from(), link.to()) > 0
                    ? link.reversed() : link;
            links.merge(new Key(normal.from(), normal.to(), normal.kind()), normal,
                    (before, now) -> before.date() != null || now.date() == null ? before
                            : new CaseLink(before.from(), before.to(), before.kind(), now.date(), before.origin()));
        }
    }

    /** The links kept, each (from, to, kind) once, in input order. */
    Collection<CaseLink> links() {
        return Collections.unmodifiableCollection(links.values());
    }

    /** Warnings about the input links. */
    List<LinkProblem> problems() {
        return List.copyOf(problems);
    }

    /** How many input links were left out because they are dated after the as-of day. */
    int afterAsOf() {
        return afterAsOf;
    }

    /** How many input links were left out because they name a person who is not a case. */
    int noncaseLeftOut() {
        return noncaseLeftOut;
    }
}
