package org.ctrace.domain.chains;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ctrace.domain.Case;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.WallClock;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.builder.GraphTypeBuilder;

/**
 * Transmission clusters and chains (SPEC §8, 流调溯源): which cases belong together, who
 * infected whom as far as the links say, and which clusters are still active.
 *
 * <p>Definitions. Cases anchored after the as-of day are not used, nor are links naming them,
 * nor links dated after that day.
 * Cases are ordered by (anchor date, person_id); a reported or inferred link from a later case
 * to an earlier one is <em>backward</em>: it joins the cluster but is not used for generations.
 * Clusters are the (weakly) connected components of the cases and the links of every kind; a
 * case without links is a cluster of one. A case's generation is 1 + the largest generation
 * among its forward reported and inferred sources (1 when it has none); because forward links
 * follow the order, they form a directed acyclic graph and generations are computed in that
 * order. A cluster's generations are the cases on its longest forward path. An index case has
 * no incoming reported or inferred link inside its cluster (backward links count).
 *
 * <p>Persons who are not cases are left out with their links (a {@link LinkProblem}), unless
 * kept: they are then vertices of their cluster, counted in no size, listed in no case column,
 * and their links are not used for generations (they still count for infectees and index cases).
 *
 * <p>Cost: O((V + E) log V) time and O(V + E) memory for V cases and persons and E links.
 */
public final class TransmissionChains {

    private final CaseOrder order;
    private final List<CaseLink> links;
    private final PersonRegistry persons;
    private final ChainSettings settings;

    /**
     * @param cases the cases (unique person ids), anchored after the as-of day or not
     * @param links the input links: infectors, links.csv rows, inferred links
     * @param persons the person registry (for districts)
     * @param settings as-of day, active days, non-cases, minimum size
     */
    public TransmissionChains(List<Case> cases, List<CaseLink> links, PersonRegistry persons, ChainSettings settings) {
        Set<String> ids = new HashSet<>();
        for (Case c : cases) {
            if (!ids.add(c.personId())) {
                throw new IllegalArgumentException("case " + c.personId() + " is listed twice");
            }
        }
        this.order = new CaseOrder(cases, settings.asOf());
        this.links = List.copyOf(links);
        this.persons = persons;
        this.settings = settings;
    }

    /**
     * The chains of the cases and input links, with inferred links added first when an
     * {@link Inference} is given (SPEC §8 {@code --infer}): a reported link into a case, even
     * one dropped later, stops inference for it; but not one dated after the as-of day, which
     * was not known then.
     */
    public static ChainResult of(List<Case> cases, List<CaseLink> links, PersonRegistry persons,
                                 ChainSettings settings, Inference inference) {
        List<CaseLink> all = new ArrayList<>(links);
        if (inference != null) {
            Set<String> explained = new HashSet<>();
            long asOfEnd = WallClock.endOf(settings.asOf());
            for (CaseLink l : links) {
                if (l.kind() == LinkKind.REPORTED && l.knownBy(asOfEnd)) {
                    explained.add(l.to());
                }
            }
            all.addAll(new SourceInference(inference.rules(), cases, explained, inference.events(),
                    settings.asOf(), inference.incubation()).links());
        }
        return new TransmissionChains(cases, all, persons, settings).chains();
    }

    /**
     * The problems of the input links alone, as {@code validate} reports them: links naming a
     * person who is not a case, and backward reported links.
     */
    public static List<LinkProblem> check(List<Case> cases, List<CaseLink> links, LocalDate asOf) {
        return new TransmissionChains(cases, links, PersonRegistry.none(), ChainSettings.of(asOf)).chains().problems();
    }

    /** Builds the case-link graph and reports its clusters, cases and links. */
    public ChainResult chains() {
        LinkTable table = new LinkTable(links, order, settings.keepNoncase(), WallClock.endOf(settings.asOf()));
        Graph<String, CaseLink> graph = GraphTypeBuilder.<String, CaseLink>directed().allowingMultipleEdges(true)
                .allowingSelfLoops(false).edgeClass(CaseLink.class).buildGraph();
        order.used().forEach(c -> graph.addVertex(c.personId()));
        for (CaseLink l : table.links()) {
            graph.addVertex(l.from());
            graph.addVertex(l.to());
            graph.addEdge(l.from(), l.to(), l);
        }
        Map<String, Integer> generation = new HashMap<>();
        Map<String, List<String>> sources = new HashMap<>();
        for (Case c : order.used()) {
            List<String> from = new ArrayList<>();
            int g = 1;
            for (CaseLink in : graph.incomingEdgesOf(c.personId())) {
                if (countsForGenerations(in)) {
                    from.add(in.from());
                    g = Math.max(g, generation.get(in.from()) + 1);
                }
            }
            from.sort(order);
            generation.put(c.personId(), g);
            sources.put(c.personId(), from);
        }
        List<Cluster> clusters = clusters(graph, generation);
        return report(clusters, graph, generation, sources, table);
    }

    private boolean countsForGenerations(CaseLink l) {
        return l.kind().isDirected() && order.isUsed(l.from()) && order.isUsed(l.to())
                && !order.isBackward(l.from(), l.to());
    }

    /** The clusters numbered C1, C2… and cut to the minimum size. */
    private List<Cluster> clusters(Graph<String, CaseLink> graph, Map<String, Integer> generation) {
        record Draft(List<String> cases, List<String> noncases, String smallest) {
        }
        List<Draft> drafts = new ArrayList<>();
        for (Set<String> component : new ConnectivityInspector<>(graph).connectedSets()) {
            List<String> cases = new ArrayList<>();
            List<String> noncases = new ArrayList<>();
            for (String v : component) {
                (order.isUsed(v) ? cases : noncases).add(v);
            }
            if (!cases.isEmpty()) {
                cases.sort(order);
                noncases.sort(null);
                drafts.add(new Draft(cases, noncases, cases.stream().min(Comparator.naturalOrder()).orElseThrow()));
            }
        }
        drafts.sort(Comparator.comparingInt((Draft d) -> -d.cases().size())
                .thenComparing(d -> order.get(d.cases().get(0)).anchor())
                .thenComparing(Draft::smallest));
        LocalDate activeFrom = settings.asOf().minusDays(settings.activeDays());
        List<Cluster> clusters = new ArrayList<>();
        for (int i = 0; i < drafts.size() && drafts.get(i).cases().size() >= settings.minSize(); i++) {
            Draft d = drafts.get(i);
            List<String> index = new ArrayList<>();
            TreeSet<String> districts = new TreeSet<>();
            int generations = 1;
            for (String id : d.cases()) {
                if (graph.incomingEdgesOf(id).stream().noneMatch(l -> l.kind().isDirected())) {
                    index.add(id);
                }
                String district = persons.get(id).area().district();
                if (!district.isEmpty()) {
                    districts.add(district);
                }
                generations = Math.max(generations, generation.get(id));
            }
            LocalDate first = order.get(d.cases().get(0)).anchor();
            LocalDate last = order.get(d.cases().get(d.cases().size() - 1)).anchor();
            clusters.add(new Cluster("C" + (i + 1), d.cases(), index, first, last, generations,
                    !last.isBefore(activeFrom), new ArrayList<>(districts), d.noncases()));
        }
        return clusters;
    }

    private ChainResult report(List<Cluster> clusters, Graph<String, CaseLink> graph, Map<String, Integer> generation,
                               Map<String, List<String>> sources, LinkTable table) {
        Graph<String, ChainLink> out = GraphTypeBuilder.<String, ChainLink>directed().allowingMultipleEdges(true)
                .allowingSelfLoops(false).edgeClass(ChainLink.class).buildGraph();
        List<ChainCase> caseRows = new ArrayList<>();
        List<ChainLink> linkRows = new ArrayList<>();
        int[] kinds = new int[LinkKind.values().length];
        int backward = 0;
        int active = 0;
        Comparator<CaseLink> linkOrder = Comparator.comparing(CaseLink::from, order)
                .thenComparing(CaseLink::to, order).thenComparing(CaseLink::kind);
        for (Cluster cluster : clusters) {
            active += cluster.active() ? 1 : 0;
            List<CaseLink> inside = new ArrayList<>();
            for (String id : cluster.cases()) {
                Case c = order.get(id);
                int infectees = (int) graph.outgoingEdgesOf(id).stream().filter(l -> l.kind().isDirected()).count();
                caseRows.add(new ChainCase(c, cluster.id(), generation.get(id), sources.get(id), infectees,
                        persons.get(id).area().district()));
                out.addVertex(id);
                inside.addAll(graph.outgoingEdgesOf(id));
            }
            for (String id : cluster.noncases()) {
                out.addVertex(id);
                inside.addAll(graph.outgoingEdgesOf(id));
            }
            inside.sort(linkOrder);
            for (CaseLink l : inside) {
                boolean back = l.kind().isDirected() && order.isBackward(l.from(), l.to());
                ChainLink row = new ChainLink(l.from(), l.to(), l.kind(), back, l.date(), serialInterval(l), cluster.id());
                linkRows.add(row);
                out.addEdge(l.from(), l.to(), row);
                kinds[l.kind().ordinal()]++;
                backward += back ? 1 : 0;
            }
        }
        ChainSummary summary = new ChainSummary(order.size(), order.size() - order.used().size(),
                kinds[LinkKind.REPORTED.ordinal()], kinds[LinkKind.RELATED.ordinal()],
                kinds[LinkKind.INFERRED.ordinal()], backward, table.noncaseLeftOut(), table.afterAsOf(), clusters.size(),
                active);
        return new ChainResult(clusters, caseRows, linkRows, table.problems(), summary, new AsUnmodifiableGraph<>(out));
    }

    /** to's onset − from's onset in days, when both are cases with an onset. */
    private Integer serialInterval(CaseLink l) {
        Case from = order.isUsed(l.from()) ? order.get(l.from()) : null;
        Case to = order.isUsed(l.to()) ? order.get(l.to()) : null;
        if (from == null || to == null || from.onset() == null || to.onset() == null) {
            return null;
        }
        return Math.toIntExact(ChronoUnit.DAYS.between(from.onset(), to.onset()));
    }
}
