package org.ctrace.domain.trace;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
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
    /** Pairs evaluated per run on a core: enough that a run's set-up is nothing beside it. */
    static final int PAIRS_PER_RUN = 1 << 15;

    private final int pairsPerRun;

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
        this(rules, cases, persons, quarantine, events, asOf, depth, PAIRS_PER_RUN);
    }

    /** As above, the pairs evaluated in runs of about {@code pairsPerRun} (tests cut them small). */
    ContactTracer(RuleProfile rules, List<Case> cases, PersonRegistry persons, QuarantineRegistry quarantine,
                  ContactEventSource events, LocalDate asOf, int depth, int pairsPerRun) {
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
        this.pairsPerRun = Math.max(1, pairsPerRun);
    }

    /** Traces tier by tier and returns everyone found, with the exposure graph behind them. */
    public TraceResult trace() {
        return trace(new ExposureGraph());
    }

    /**
     * {@link #trace()} without the exposure graph, for a list: its edges, a dense city's
     * million exposures, would be kept to the end of the run for nothing, and the garbage
     * collector would copy them on the way. The result's graph answers no questions.
     */
    public TraceResult traceWithoutGraph() {
        return trace(ExposureGraph.notKept());
    }

    private TraceResult trace(ExposureGraph graph) {
        PersonKeys keys = new PersonKeys(persons);
        int[] caseKeys = new int[cases.size()];
        for (int i = 0; i < caseKeys.length; i++) {
            caseKeys[i] = keys.key(cases.get(i).personId(), -1);
        }
        Tier tier = new Tier(keys, new boolean[0]);
        List<InfectiousWindow> emptyWindows = new ArrayList<>();
        for (int i = 0; i < caseKeys.length; i++) {
            tier.exclude(caseKeys[i]);
            Case c = cases.get(i);
            if (rules.isSource(c)) {
                InfectiousWindow window = caseWindow(c);
                tier.add(caseKeys[i], window);
                if (window.isEmpty()) {
                    emptyWindows.add(window);
                }
            }
        }
        int caseSources = tier.size();
        CloseContactRule rule = new CloseContactRule(rules);
        List<TracedPerson> found = new ArrayList<>();
        List<Integer> perTier = new ArrayList<>();
        long eventsRead = 0;
        long afterAsOf = 0;
        QualifyingEvents keep = depth > 1 ? new QualifyingEvents(Runtime.getRuntime().maxMemory() / 8) : null;
        List<KeptEvents> kept = null;
        for (int level = 1; level <= depth; level++) {
            if (level > 1 && tier.size() == 0) {
                break;
            }
            Tier sources = tier;
            ContactEventSource.Scan<EventPass> scan;
            if (kept != null) {
                scan = replay(kept, sources, rule);
            } else if (level == 1 && keep != null) {
                scan = events.scan(sources.ids(), asOfEnd, rules::qualifies, () -> new EventPass(sources, rule, keep));
            } else {
                scan = events.scan(sources.ids(), asOfEnd, () -> new EventPass(sources, rule, null));
            }
            if (level == 1) {
                eventsRead = scan.events();
                afterAsOf = scan.fromCutoff();
                if (keep != null && keep.complete()) {
                    kept = new ArrayList<>();
                    for (EventPass p : scan.sinks()) {
                        kept.add(p.kept);
                    }
                }
            }
            if (level == depth) {
                // the last replay is done: the kept events (a quarter of a dense city's heap) can go
                kept = null;
            }
            PairMap pairs = merge(scan.sinks());
            addHouseholds(pairs, rule, sources);
            List<Traced> atTier = evaluate(pairs, rule, level, keys, graph);
            perTier.add(atTier.size());
            for (Traced t : atTier) {
                found.add(t.person());
            }
            if (level < depth) {
                // the persons found are the next tier's sources (after the last tier, of none: a
                // dense city's last tier has most of the persons found)
                tier = new Tier(keys, sources.excluded);
                for (Traced t : atTier) {
                    tier.exclude(t.key());
                }
                for (Traced t : atTier) {
                    tier.add(t.key(), contactWindow(t.person(), keys.isRegistered(t.key()) ? t.key() : -1));
                }
            }
        }
        // a dense city finds over a million persons: sorted on all cores (the order is total)
        TracedPerson[] byTier = found.toArray(new TracedPerson[0]);
        Arrays.parallelSort(byTier, Comparator.comparingInt(TracedPerson::tier).thenComparing(TracedPerson::personId));
        TraceSummary summary = new TraceSummary(cases.size(), caseSources, eventsRead, afterAsOf, perTier,
                emptyWindows);
        return new TraceResult(Arrays.asList(byTier), graph, summary);
    }

    /**
     * The sources of one tier, by person key, and everyone who can no longer be exposed at it
     * (cases and the persons of earlier tiers). Persons first met during the pass have keys
     * past the arrays' ends: they are neither.
     */
    private static final class Tier {
        final PersonKeys keys;
        final InfectiousWindow[] windows;
        /**
         * One bit per key, set for a source: asked first, since most events of a pass touch no
         * source, and a city's bits (250 KB for 2M persons) stay in the cache where its
         * windows (8 MB) do not.
         */
        private final long[] isSource;
        final boolean[] excluded;
        /** The sources' keys in the order added (their windows are in {@link #windows}). */
        private int[] sources = new int[16];
        private int size;

        Tier(PersonKeys keys, boolean[] excludedBefore) {
            this.keys = keys;
            int n = keys.count();
            this.windows = new InfectiousWindow[n];
            this.isSource = new long[(n + 63) >>> 6];
            this.excluded = Arrays.copyOf(excludedBefore, n);
        }

        void exclude(int key) {
            excluded[key] = true;
        }

        void add(int key, InfectiousWindow w) {
            if (windows[key] == null) {
                if (size == sources.length) {
                    sources = Arrays.copyOf(sources, size * 2);
                }
                sources[size++] = key;
            }
            windows[key] = w;
            isSource[key >>> 6] |= 1L << key;
        }

        int size() {
            return size;
        }

        /** The key of the i-th source added. */
        int source(int i) {
            return sources[i];
        }

        InfectiousWindow window(int key) {
            return key < windows.length && (isSource[key >>> 6] & 1L << key) != 0 ? windows[key] : null;
        }

        boolean isExcluded(int key) {
            return key < excluded.length && excluded[key];
        }

        Set<String> ids() {
            Set<String> ids = new HashSet<>(size * 2);
            for (int i = 0; i < size; i++) {
                ids.add(windows[sources[i]].sourceId());
            }
            return ids;
        }
    }

    /**
     * The qualifying events of the first pass, kept while they fit in a memory budget. An
     * event that can matter at any tier qualifies whatever its source, so when all of them
     * are kept, later tiers are traced from memory instead of from another pass over the file
     * (in a haystack, where few events qualify, that saves reading it again).
     */
    private static final class QualifyingEvents {
        /** A kept event costs about this many bytes ({@link KeptEvents}). */
        static final int BYTES_PER_EVENT = 40;

        private final AtomicLong room;
        private volatile boolean complete = true;

        QualifyingEvents(long budgetBytes) {
            this.room = new AtomicLong(budgetBytes / BYTES_PER_EVENT);
        }

        /** Whether one more event may be kept; once one may not, none is any use. */
        boolean take() {
            if (!complete) {
                return false;
            }
            if (room.decrementAndGet() < 0) {
                complete = false;
                return false;
            }
            return true;
        }

        boolean complete() {
            return complete;
        }
    }

    /** A person found at a tier, with its key. */
    private record Traced(int key, TracedPerson person) {
    }

    /** A pass over the kept qualifying events, part by part, on all cores. */
    private ContactEventSource.Scan<EventPass> replay(List<KeptEvents> kept, Tier sources,
                                                     CloseContactRule rule) {
        List<EventPass> passes = kept.parallelStream().map(part -> {
            EventPass pass = new EventPass(sources, rule, null);
            part.forEach(pass);
            return pass;
        }).toList();
        return new ContactEventSource.Scan<>(passes, 0, 0);
    }

    /** The pairs of all parts of a pass, in one map (parts of the same pair are combined). */
    private static PairMap merge(List<EventPass> passes) {
        if (passes.isEmpty()) {
            return new PairMap();
        }
        PairMap all = passes.get(0).pairs;
        for (int i = 1; i < passes.size(); i++) {
            all.addAll(passes.get(i).pairs);
        }
        return all;
    }

    /** A case's window: 00:00 of anchor − lookback until isolation, 24:00 of the as-of day at the latest. */
    public InfectiousWindow caseWindow(Case c) {
        return InfectiousWindow.ofCase(c, rules, asOfEnd);
    }

    /**
     * A traced person's window as a source of the next tier: from its first exposure until its
     * quarantine start; to 24:00 of the as-of day without a quarantine row, or when the row is
     * a release that ended before the day of the first exposure (an earlier episode).
     */
    InfectiousWindow contactWindow(TracedPerson p) {
        return contactWindow(p, persons.indexOf(p.personId()));
    }

    /** {@link #contactWindow(TracedPerson)} of a person at a known registry position (−1: none). */
    private InfectiousWindow contactWindow(TracedPerson p, int position) {
        long closes = asOfEnd;
        QuarantineRecord row = quarantine.find(p.personId(), position).orElse(null);
        if (row != null) {
            boolean earlierEpisode = row.status() == QuarantineStatus.RELEASED
                    && row.endsBefore(WallClock.date(p.first()));
            if (!earlierEpisode) {
                closes = Math.min(row.start().closingInstant(), asOfEnd);
            }
        }
        return new InfectiousWindow(p.personId(), p.first(), closes);
    }

    private void addHouseholds(PairMap pairs, CloseContactRule rule, Tier tier) {
        if (!rules.householdRule()) {
            return;
        }
        for (int i = 0; i < tier.size(); i++) {
            int key = tier.source(i);
            InfectiousWindow w = tier.window(key);
            // a source's key is its registry position; an unregistered source has no household
            if (w.isEmpty() || !tier.keys.isRegistered(key)) {
                continue;
            }
            for (int mateKey : persons.housemates(key)) {
                if (!tier.isExcluded(mateKey)) {
                    pairs.tally(PersonKeys.pair(key, mateKey), rule).add(CloseContactRule.household(w));
                }
            }
        }
    }

    /**
     * The close pairs of a pass, folded per exposed person: pairs are sorted by person key
     * so each person's exposures are adjacent. A city's pairs are cut into runs of whole
     * persons, evaluated on all cores and joined in order, so the result is the same as one
     * run's.
     */
    private List<Traced> evaluate(PairMap pairs, CloseContactRule rule, int tier, PersonKeys keys,
                                  ExposureGraph graph) {
        long[] all = pairs.pairs();
        long[] byPerson = new long[all.length];
        for (int i = 0; i < all.length; i++) {
            byPerson[i] = PersonKeys.pair(PersonKeys.person(all[i]), PersonKeys.source(all[i]));
        }
        Arrays.parallelSort(byPerson);
        int runs = Math.max(1, byPerson.length / pairsPerRun);
        int[] bounds = new int[runs + 1];
        bounds[runs] = byPerson.length;
        for (int r = 1; r < runs; r++) {
            int at = Math.max(bounds[r - 1], (int) ((long) byPerson.length * r / runs));
            // a run starts at a person's first pair
            while (at > bounds[r - 1] && at < byPerson.length
                    && PersonKeys.source(byPerson[at]) == PersonKeys.source(byPerson[at - 1])) {
                at++;
            }
            bounds[r] = at;
        }
        List<Evaluated> done = IntStream.range(0, runs).parallel()
                .mapToObj(r -> evaluate(pairs, rule, tier, keys, byPerson, bounds[r], bounds[r + 1], graph.keeps()))
                .toList();
        List<Traced> atTier = new ArrayList<>();
        for (Evaluated e : done) {
            graph.addAll(e.exposures());
            atTier.addAll(e.traced());
        }
        return atTier;
    }

    /** The persons found in a run of pairs, and the exposures behind them, in order. */
    private record Evaluated(List<Traced> traced, List<Exposure> exposures) {
    }

    /**
     * Evaluates the pairs {@code byPerson[from, to)}, which hold every pair of their persons;
     * the exposures are returned only for a graph that keeps them (held until the run is
     * joined, a dense city's would be copied by every young collection meanwhile).
     */
    private static Evaluated evaluate(PairMap pairs, CloseContactRule rule, int tier, PersonKeys keys,
                                      long[] byPerson, int from, int to, boolean withExposures) {
        List<Traced> atTier = new ArrayList<>();
        List<Exposure> found = new ArrayList<>();
        List<Exposure> exposures = new ArrayList<>(4);
        int person = -1;
        for (int i = from; i < to; i++) {
            int p = PersonKeys.source(byPerson[i]);
            int src = PersonKeys.person(byPerson[i]);
            if (p != person && !exposures.isEmpty()) {
                atTier.add(new Traced(person, combine(tier, exposures)));
                exposures.clear();
            }
            person = p;
            PairTally tally = pairs.get(PersonKeys.pair(src, p));
            tally.evaluate(rule, keys.id(src), keys.id(p), tier).ifPresent(e -> {
                if (withExposures) {
                    found.add(e);
                }
                exposures.add(e);
            });
        }
        if (!exposures.isEmpty()) {
            atTier.add(new Traced(person, combine(tier, exposures)));
        }
        return new Evaluated(atTier, found);
    }

    /** A person's exposures at one tier folded into one: all sources, earliest first, latest last. */
    private static TracedPerson combine(int tier, List<Exposure> exposures) {
        List<String> sources = new ArrayList<>(exposures.size());
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
        // one exposure per source, so the sources are distinct; sorted as the list prints them
        sources.sort(null);
        return new TracedPerson(last.person(), tier, sources, first, lastEnd, last.lastDay(),
                last.source(), last.lastSetting());
    }

    /** The latest exposure: last day, then end instant; among equals the smallest source id. */
    private static final Comparator<Exposure> LAST = Comparator.comparing(Exposure::lastDay)
            .thenComparingLong(Exposure::lastEnd)
            .thenComparing(Exposure::source, Comparator.reverseOrder());

    /** One part of a pass over the events for one tier: keeps what touches the tier's sources. */
    private final class EventPass implements ContactEventSource.PositionedSink, KeptEvents.Visitor {
        final Tier tier;
        final CloseContactRule rule;
        final PairMap pairs = new PairMap();
        final QualifyingEvents keep;
        final KeptEvents kept;

        EventPass(Tier tier, CloseContactRule rule, QualifyingEvents keep) {
            this.tier = tier;
            this.rule = rule;
            this.keep = keep;
            this.kept = keep == null ? null : new KeptEvents();
        }

        @Override
        public void accept(ContactEvent e) {
            boolean alwaysClose = rules.isAlwaysClose(e.setting());
            if (qualifies(e.start(), alwaysClose, e.distanceM(), e.isProtected())) {
                // keys only for qualifying events: an unregistered person gets one when first met
                admit(tier.keys.key(e.personA(), e.indexA()), tier.keys.key(e.personB(), e.indexB()), e.start(),
                        e.end(), e.dateOnly(), e.minutes(), e.setting(), alwaysClose);
            }
        }

        @Override
        public void accept(int indexA, int indexB, long start, long end, boolean dateOnly, double minutes,
                           String setting, double distanceM, boolean isProtected) {
            boolean alwaysClose = rules.isAlwaysClose(setting);
            if (qualifies(start, alwaysClose, distanceM, isProtected)) {
                // a registered person's key is its registry position
                admit(indexA, indexB, start, end, dateOnly, minutes, setting, alwaysClose);
            }
        }

        private boolean qualifies(long start, boolean alwaysClose, double distanceM, boolean isProtected) {
            return start < asOfEnd && rules.qualifies(alwaysClose, distanceM, isProtected);
        }

        /** A qualifying event: kept for later tiers while there is room, and traced at this one. */
        private void admit(int a, int b, long start, long end, boolean dateOnly, double minutes, String setting,
                           boolean alwaysClose) {
            if (keep != null && keep.take()) {
                kept.add(a, b, start, end, dateOnly, minutes, setting, alwaysClose);
            }
            event(a, b, start, end, dateOnly, minutes, setting, alwaysClose);
        }

        /** A qualifying event before the as-of day's end, between the persons of keys a and b. */
        @Override
        public void event(int a, int b, long start, long end, boolean dateOnly, double minutes, String setting,
                          boolean alwaysClose) {
            expose(a, b, start, end, dateOnly, minutes, setting, alwaysClose);
            expose(b, a, start, end, dateOnly, minutes, setting, alwaysClose);
        }

        private void expose(int source, int person, long start, long end, boolean dateOnly, double minutes,
                            String setting, boolean alwaysClose) {
            InfectiousWindow window = tier.window(source);
            if (window == null || tier.isExcluded(person)) {
                return;
            }
            CloseContactRule.partInside(window, start, end, dateOnly, minutes, setting, alwaysClose)
                    .ifPresent(part -> pairs.tally(PersonKeys.pair(source, person), rule).add(part));
        }
    }
}
