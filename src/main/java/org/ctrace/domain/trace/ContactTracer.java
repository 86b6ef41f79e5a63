package org.ctrace.domain.trace;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.ctrace.domain.Case;
import org.ctrace.domain.ContactEvent;
import org.ctrace.domain.ContactEventSource;
import org.ctrace.domain.InfectiousWindow;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.QuarantineRecord;
import org.ctrace.domain.QuarantineRegistry;
import org.ctrace.domain.QuarantineStatus;
import org.ctrace.domain.RuleProfile;
import org.ctrace.domain.WallClock;

/**
 * Traces close contacts (tier 1), secondary contacts (tier 2) and beyond, as SPEC §3 defines
 * them, answering for the end of the as-of day.
 *
 * <p>Tier 1 uses each case's infectious window: 00:00 of its anchor date − lookback_days
 * until isolation. Tier k+1 uses each tier-k person as a source from its first exposure until
 * its quarantine start. A person takes the lowest tier that applies; cases are never listed.
 *
 * <p>Cost: one pass over the events per tier, keeping only the parts of events that touch a
 * source of that tier, so memory is O(cases + contacts found + their qualifying parts), not
 * O(events). Time is O(events × depth) plus the pair evaluation (see {@link CloseContactRule}).
 */
public final class ContactTracer {

    private final RuleProfile rules;
    private final List<Case> cases;
    private final PersonRegistry persons;
    private final QuarantineRegistry quarantine;
    private final ContactEventSource events;
    private final long asOfEnd;
    private final int depth;

    /**
     * @param rules the rule profile
     * @param cases the cases (unique person ids)
     * @param persons the person registry (for households)
     * @param quarantine the quarantine registry as of the as-of day
     * @param events the contact events, read once per tier
     * @param asOf the as-of day: the run answers for 24:00 of it
     * @param depth the deepest tier traced, at least 1 (capped at 1 when secondary contacts are not traced)
     */
    public ContactTracer(RuleProfile rules, List<Case> cases, PersonRegistry persons, QuarantineRegistry quarantine,
                         ContactEventSource events, LocalDate asOf, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, not " + depth);
        }
        Set<String> ids = new HashSet<>();
        for (Case c : cases) {
            if (!ids.add(c.personId())) {
                throw new IllegalArgumentException("case " + c.personId() + " is listed twice");
            }
        }
        this.rules = rules;
        this.cases = List.copyOf(cases);
        this.persons = persons;
        this.quarantine = quarantine;
        this.events = events;
        this.asOfEnd = WallClock.endOf(asOf);
        this.depth = rules.traceSecondary() ? depth : 1;
    }

    /** Traces tier by tier and returns everyone found. */
    public TraceResult trace() {
        Set<String> excluded = new HashSet<>();
        Map<String, InfectiousWindow> sources = new LinkedHashMap<>();
        for (Case c : cases) {
            excluded.add(c.personId());
            if (rules.includeSuspected() || !c.classification().isUnconfirmed()) {
                sources.put(c.personId(), caseWindow(c));
            }
        }
        int caseSources = sources.size();
        ExposureGraph graph = new ExposureGraph();
        CloseContactRule rule = new CloseContactRule(rules);
        List<TracedPerson> found = new ArrayList<>();
        List<Integer> perTier = new ArrayList<>();
        long eventsRead = 0;
        long afterAsOf = 0;
        for (int tier = 1; tier <= depth; tier++) {
            if (tier > 1 && sources.isEmpty()) {
                break;
            }
            Map<String, InfectiousWindow> tierSources = sources;
            ContactEventSource.Scan<EventPass> scan = events.scan(tierSources.keySet(), asOfEnd,
                    () -> new EventPass(tierSources, excluded, rule));
            if (tier == 1) {
                eventsRead = scan.events();
                afterAsOf = scan.fromCutoff();
            }
            Map<Pair, PairTally> pairs = merge(scan.sinks());
            addHouseholds(pairs, rule, sources, excluded);
            List<TracedPerson> atTier = evaluate(pairs, rule, tier, graph);
            perTier.add(atTier.size());
            found.addAll(atTier);
            sources = new LinkedHashMap<>();
            for (TracedPerson p : atTier) {
                excluded.add(p.personId());
                sources.put(p.personId(), contactWindow(p));
            }
        }
        TraceSummary summary = new TraceSummary(cases.size(), caseSources, eventsRead, afterAsOf, perTier);
        return new TraceResult(found, graph, summary);
    }

    /** The pairs of all parts of a pass, in one map (parts of the same pair are combined). */
    private static Map<Pair, PairTally> merge(List<EventPass> passes) {
        Map<Pair, PairTally> all = passes.isEmpty() ? new HashMap<>() : passes.get(0).pairs;
        for (int i = 1; i < passes.size(); i++) {
            passes.get(i).pairs.forEach((pair, tally) -> {
                PairTally mine = all.putIfAbsent(pair, tally);
                if (mine != null) {
                    mine.addAll(tally);
                }
            });
        }
        return all;
    }

    /** A case's window: 00:00 of anchor − lookback until isolation, 24:00 of the as-of day at the latest. */
    public InfectiousWindow caseWindow(Case c) {
        long opens = WallClock.startOf(c.anchor().minusDays(rules.lookbackDays()));
        long closes = c.isolation() == null ? asOfEnd : Math.min(c.isolation().closingInstant(), asOfEnd);
        return new InfectiousWindow(c.personId(), opens, closes);
    }

    /**
     * A traced person's window as a source of the next tier: from its first exposure until its
     * quarantine start; to 24:00 of the as-of day without a quarantine row, or when the row is
     * a release that ended before the day of the first exposure (an earlier episode).
     */
    InfectiousWindow contactWindow(TracedPerson p) {
        long closes = asOfEnd;
        QuarantineRecord row = quarantine.find(p.personId()).orElse(null);
        if (row != null) {
            boolean earlierEpisode = row.status() == QuarantineStatus.RELEASED
                    && row.endsBefore(WallClock.date(p.first()));
            if (!earlierEpisode) {
                closes = Math.min(row.start().closingInstant(), asOfEnd);
            }
        }
        return new InfectiousWindow(p.personId(), p.first(), closes);
    }

    private void addHouseholds(Map<Pair, PairTally> pairs, CloseContactRule rule, Map<String, InfectiousWindow> sources,
                               Set<String> excluded) {
        if (!rules.householdRule()) {
            return;
        }
        for (InfectiousWindow w : sources.values()) {
            if (w.isEmpty()) {
                continue;
            }
            for (String mate : persons.housemates(w.sourceId())) {
                if (!excluded.contains(mate)) {
                    pairs.computeIfAbsent(new Pair(w.sourceId(), mate), k -> rule.newTally())
                            .add(CloseContactRule.household(w));
                }
            }
        }
    }

    private static List<TracedPerson> evaluate(Map<Pair, PairTally> pairs, CloseContactRule rule, int tier,
                                               ExposureGraph graph) {
        Map<String, List<Exposure>> byPerson = new HashMap<>();
        pairs.forEach((pair, tally) -> tally.evaluate(rule, pair.source(), pair.person(), tier)
                .ifPresent(e -> byPerson.computeIfAbsent(e.person(), k -> new ArrayList<>(2)).add(e)));
        List<TracedPerson> atTier = new ArrayList<>(byPerson.size());
        for (List<Exposure> exposures : byPerson.values()) {
            exposures.forEach(graph::add);
            atTier.add(combine(tier, exposures));
        }
        atTier.sort(Comparator.comparing(TracedPerson::personId));
        return atTier;
    }

    /** A person's exposures at one tier folded into one: all sources, earliest first, latest last. */
    private static TracedPerson combine(int tier, List<Exposure> exposures) {
        TreeSet<String> sources = new TreeSet<>();
        long first = Long.MAX_VALUE;
        Exposure last = null;
        for (Exposure e : exposures) {
            sources.add(e.source());
            first = Math.min(first, e.first());
            if (last == null || LAST.compare(e, last) > 0) {
                last = e;
            }
        }
        long lastEnd = exposures.stream().mapToLong(Exposure::lastEnd).max().orElseThrow();
        return new TracedPerson(last.person(), tier, new ArrayList<>(sources), first, lastEnd, last.lastDay(),
                last.source(), last.lastSetting());
    }

    /** The latest exposure: last day, then end instant; among equals the smallest source id. */
    private static final Comparator<Exposure> LAST = Comparator.comparing(Exposure::lastDay)
            .thenComparingLong(Exposure::lastEnd)
            .thenComparing(Exposure::source, Comparator.reverseOrder());

    /** A (source, exposed person) pair. */
    private record Pair(String source, String person) {
    }

    /** One part of a pass over the events for one tier: keeps what touches the tier's sources. */
    private final class EventPass implements Consumer<ContactEvent> {
        final Map<String, InfectiousWindow> sources;
        final Set<String> excluded;
        final CloseContactRule rule;
        final Map<Pair, PairTally> pairs = new HashMap<>();

        EventPass(Map<String, InfectiousWindow> sources, Set<String> excluded, CloseContactRule rule) {
            this.sources = sources;
            this.excluded = excluded;
            this.rule = rule;
        }

        @Override
        public void accept(ContactEvent e) {
            if (e.start() >= asOfEnd || e.isProtected()) {
                return;
            }
            boolean alwaysClose = rules.isAlwaysClose(e.setting());
            if (!alwaysClose && !Double.isNaN(e.distanceM()) && e.distanceM() > rules.maxDistanceM()) {
                return;
            }
            expose(sources.get(e.personA()), e.personB(), e, alwaysClose);
            expose(sources.get(e.personB()), e.personA(), e, alwaysClose);
        }

        private void expose(InfectiousWindow window, String person, ContactEvent e, boolean alwaysClose) {
            if (window == null || excluded.contains(person)) {
                return;
            }
            CloseContactRule.partInside(window, e.start(), e.end(), e.dateOnly(), e.minutes(), e.setting(),
                    alwaysClose).ifPresent(part -> pairs.computeIfAbsent(new Pair(window.sourceId(), person),
                            k -> rule.newTally()).add(part));
        }
    }
}
