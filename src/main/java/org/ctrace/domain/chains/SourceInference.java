package org.ctrace.domain.chains;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ctrace.domain.Case;
import org.ctrace.domain.ContactEvent;
import org.ctrace.domain.ContactEventSource;
import org.ctrace.domain.InfectiousWindow;
import org.ctrace.domain.Moment;
import org.ctrace.domain.RuleProfile;
import org.ctrace.domain.WallClock;
import org.ctrace.domain.trace.CloseContactRule;

/**
 * Candidate sources of unexplained cases (SPEC §8 {@code --infer}): case A is a candidate
 * source of case B when they had a qualifying contact that began 1 to 14 days (the
 * {@link Incubation}) before B's anchor date, calendar days, both bounds included. B gets an
 * inferred link from each candidate, but only when no reported link names it as infected.
 *
 * <p>A contact qualifies by the per-event test of SPEC §3, the same as tracing uses: not
 * protected; an always-close setting, or a distance unknown or at most max_distance_m; and a
 * part inside A's window ({@link InfectiousWindow#ofCase}: 00:00 of A's anchor −
 * lookback_days until A's isolation, 24:00 of the as-of day at the latest). "Began" is the
 * start of that part. The day rule (min_minutes) and the household rule are not applied: they
 * decide who is quarantined, not who had contact. Cases anchored after the as-of day are
 * neither sources nor infected; under include_suspected false, suspected and probable cases
 * are not sources (as in tracing). The link's date is the start of the latest such contact.
 *
 * <p>Cost: one pass over the events, O(events) time; O(cases + candidate pairs) memory.
 */
public final class SourceInference {

    private final RuleProfile rules;
    private final Map<String, InfectiousWindow> sources = new HashMap<>();
    private final Map<String, Case> unexplained = new HashMap<>();
    private final ContactEventSource events;
    private final long asOfEnd;
    private final Incubation incubation;

    /**
     * @param rules the rule profile (lookback, distance, always-close settings, include_suspected)
     * @param cases the cases (unique ids)
     * @param explained the cases that a reported link names as infected: they get no inferred link
     * @param events the contact events, read once
     * @param asOf the as-of day
     * @param incubation the days between contact and anchor date that make a candidate
     */
    public SourceInference(RuleProfile rules, List<Case> cases, Set<String> explained, ContactEventSource events,
                           LocalDate asOf, Incubation incubation) {
        long asOfEnd = WallClock.endOf(asOf);
        for (Case c : cases) {
            if (c.anchor().isAfter(asOf)) {
                continue;
            }
            if (rules.isSource(c)) {
                sources.put(c.personId(), InfectiousWindow.ofCase(c, rules, asOfEnd));
            }
            if (!explained.contains(c.personId())) {
                unexplained.put(c.personId(), c);
            }
        }
        this.rules = rules;
        this.events = events;
        this.asOfEnd = asOfEnd;
        this.incubation = incubation;
    }

    /** The inferred links, sorted by infected case, then source. */
    public List<CaseLink> links() {
        Map<List<String>, Long> latest = new HashMap<>();
        events.forEach(e -> {
            if (e.start() >= asOfEnd || !rules.qualifies(e.setting(), e.distanceM(), e.isProtected())) {
                return;
            }
            boolean alwaysClose = rules.isAlwaysClose(e.setting());
            consider(e.personA(), e.personB(), e, alwaysClose, latest);
            consider(e.personB(), e.personA(), e, alwaysClose, latest);
        });
        List<CaseLink> links = new ArrayList<>(latest.size());
        latest.forEach((pair, began) -> links.add(new CaseLink(pair.get(0), pair.get(1), LinkKind.INFERRED,
                new Moment(began, true), null)));
        links.sort((a, b) -> a.to().equals(b.to()) ? a.from().compareTo(b.from()) : a.to().compareTo(b.to()));
        return links;
    }

    private void consider(String source, String infected, ContactEvent e, boolean alwaysClose,
                          Map<List<String>, Long> latest) {
        InfectiousWindow window = sources.get(source);
        Case b = unexplained.get(infected);
        if (window == null || b == null) {
            return;
        }
        CloseContactRule.partInside(window, e.start(), e.end(), e.dateOnly(), e.minutes(), e.setting(), alwaysClose)
                .ifPresent(part -> {
                    long days = b.anchor().toEpochDay() - WallClock.day(part.from());
                    if (incubation.contains(days)) {
                        latest.merge(List.of(source, infected), part.from(), Math::max);
                    }
                });
    }
}
