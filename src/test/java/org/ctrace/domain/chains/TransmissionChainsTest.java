package org.ctrace.domain.chains;

import static org.ctrace.domain.chains.ChainFixture.AS_OF;
import static org.ctrace.domain.chains.ChainFixture.chains;
import static org.ctrace.domain.chains.ChainFixture.clusters;
import static org.ctrace.domain.chains.ChainFixture.cases;
import static org.ctrace.domain.chains.ChainFixture.date;
import static org.ctrace.domain.chains.ChainFixture.day;
import static org.ctrace.domain.chains.ChainFixture.links;
import static org.ctrace.domain.chains.ChainFixture.onset;
import static org.ctrace.domain.chains.ChainFixture.related;
import static org.ctrace.domain.chains.ChainFixture.reported;
import static org.ctrace.domain.chains.ChainFixture.sampled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.ctrace.domain.Case;
import org.ctrace.domain.Classification;
import org.ctrace.domain.Moment;
import org.ctrace.domain.PersonRegistry;
import org.junit.jupiter.api.Test;

/** SPEC §8 rule by rule on tiny inline case graphs; every value of every row is asserted. */
class TransmissionChainsTest {

    @Test
    void aReportedChainOfThreeGenerations() {
        ChainResult r = chains(List.of(onset("A", 1), onset("B", 5, "A"), onset("C", 9, "B")));
        assertEquals(List.of("C1|3|A;B;C|A|2024-03-01|2024-03-09|3|false|"), clusters(r));
        assertEquals(List.of("A|C1|1||1", "B|C1|2|A|1", "C|C1|3|B|0"), cases(r));
        assertEquals(List.of("A>B|reported|false|4|C1", "B>C|reported|false|4|C1"), links(r));
        assertEquals(List.of(), r.problems());
    }

    @Test
    void generationsFollowTheLongestForwardPathAndListEveryInfectorInOrder() {
        // A → B → C → D, and B → D, A → E: D is on the path A, B, C, D (4 cases), E in generation 2.
        ChainResult r = chains(List.of(onset("A", 1), onset("B", 3, "A"), onset("C", 4, "B"), onset("D", 6, "C"),
                onset("E", 8, "A")), reported("B", "D"));
        assertEquals(List.of("C1|5|A;B;C;D;E|A|2024-03-01|2024-03-08|4|false|"), clusters(r));
        assertEquals(List.of("A|C1|1||2", "B|C1|2|A|2", "C|C1|3|B|1", "D|C1|4|B;C|0", "E|C1|2|A|0"), cases(r));
    }

    @Test
    void aRelatedOnlyClusterHasEveryCaseAsIndexAndOneGeneration() {
        // Related links print earlier case first, whichever way they were given.
        ChainResult r = chains(List.of(onset("A", 1), onset("B", 3), onset("C", 2)), related("B", "A"), related("B", "C"));
        assertEquals(List.of("C1|3|A;C;B|A;C;B|2024-03-01|2024-03-03|1|false|"), clusters(r));
        assertEquals(List.of("A|C1|1||0", "C|C1|1||0", "B|C1|1||0"), cases(r));
        assertEquals(List.of("A>B|related|false|2|C1", "C>B|related|false|1|C1"), links(r));
    }

    @Test
    void aBackwardLinkJoinsTheClusterButNotTheGenerationsAndIsWarnedAbout() {
        ChainResult r = chains(List.of(onset("A", 1), onset("B", 5)), reported("B", "A"));
        // A has only a backward incoming link: not an index case; B's outgoing link counts as an infectee.
        assertEquals(List.of("C1|2|A;B|B|2024-03-01|2024-03-05|1|false|"), clusters(r));
        assertEquals(List.of("A|C1|1||0", "B|C1|1||1"), cases(r));
        assertEquals(List.of("B>A|reported|true|-4|C1"), links(r));
        assertEquals(List.of(new LinkProblem(reported("B", "A"), LinkProblem.Kind.BACKWARD, true, day(5), day(1))),
                r.problems());
        assertEquals(1, r.summary().backward());
    }

    @Test
    void onTheSameAnchorDateThePersonIdDecidesTheOrder() {
        ChainResult r = chains(List.of(onset("P2", 3, "P1"), onset("P1", 3, "P2")));
        assertEquals(List.of("P1>P2|reported|false|0|C1", "P2>P1|reported|true|0|C1"), links(r));
        assertEquals(List.of("P1|C1|1||1", "P2|C1|2|P1|1"), cases(r));
        assertEquals(List.of("C1|2|P1;P2||2024-03-03|2024-03-03|2|false|"), clusters(r));
    }

    @Test
    void clusterIdsGoBySizeThenFirstAnchorThenSmallestCaseId() {
        ChainResult r = chains(List.of(onset("S", 1), onset("Q5", 2), onset("A1", 6), onset("B2", 2), onset("B3", 4),
                        onset("W1", 1), onset("W2", 8), onset("Z1", 1), onset("Z2", 1), onset("Z3", 1)),
                related("Q5", "A1"), related("B2", "B3"), related("W1", "W2"), related("Z1", "Z2"), related("Z3", "Z2"));
        // Z: 3 cases. W: 2 cases from 03-01. Q5/A1 and B2/B3 both start 03-02: smallest id A1 < B2,
        // although B2 comes before Q5 in (anchor date, person_id) order. S: one case.
        assertEquals(List.of("C1|3|Z1;Z2;Z3|Z1;Z2;Z3|2024-03-01|2024-03-01|1|false|",
                "C2|2|W1;W2|W1;W2|2024-03-01|2024-03-08|1|false|",
                "C3|2|Q5;A1|Q5;A1|2024-03-02|2024-03-06|1|false|",
                "C4|2|B2;B3|B2;B3|2024-03-02|2024-03-04|1|false|",
                "C5|1|S|S|2024-03-01|2024-03-01|1|false|"), clusters(r));
    }

    @Test
    void aClusterIsActiveFromTheAsOfDayMinusTheActiveDays() {
        List<Case> cases = List.of(onset("E", 17), onset("F", 16));
        // As of 03-31: 14 days back is 03-17, on the boundary.
        assertEquals(List.of("C1|1|F|F|2024-03-16|2024-03-16|1|false|", "C2|1|E|E|2024-03-17|2024-03-17|1|true|"),
                clusters(chains(cases)));
        assertEquals(List.of("C1|1|F|F|2024-03-16|2024-03-16|1|true|", "C2|1|E|E|2024-03-17|2024-03-17|1|true|"),
                clusters(chains(new ChainSettings(AS_OF, 15, false, 1), cases)));
        assertEquals(1, chains(cases).summary().active());
    }

    @Test
    void aNonCaseInfectorIsLeftOutWithAWarning() {
        ChainResult r = chains(List.of(onset("B", 5, "X9"), onset("C", 6, "X9")));
        assertEquals(List.of("C1|1|B|B|2024-03-05|2024-03-05|1|false|", "C2|1|C|C|2024-03-06|2024-03-06|1|false|"),
                clusters(r));
        assertEquals(List.of("B|C1|1||0", "C|C2|1||0"), cases(r));
        assertEquals(List.of(), links(r));
        assertEquals(List.of(LinkProblem.Kind.NONCASE, LinkProblem.Kind.NONCASE),
                r.problems().stream().map(LinkProblem::kind).toList());
        assertEquals(List.of("X9", "X9"), r.problems().stream().map(LinkProblem::person).toList());
        assertEquals(2, r.summary().noncaseLeftOut());
    }

    @Test
    void aKeptNonCaseIsANodeOfItsClusterButNoCase() {
        ChainResult r = chains(new ChainSettings(AS_OF, 14, true, 1), List.of(onset("B", 5, "X9"), onset("C", 6, "X9")));
        // X9 joins B and C; it counts in no size and no case column; B and C have an incoming
        // reported link inside the cluster, so neither is an index case.
        assertEquals(List.of("C1|2|B;C||2024-03-05|2024-03-06|1|false|"), clusters(r));
        assertEquals(List.of("X9"), r.clusters().get(0).noncases());
        assertEquals(List.of("B|C1|1||0", "C|C1|1||0"), cases(r));
        assertEquals(List.of("X9>B|reported|false|-|C1", "X9>C|reported|false|-|C1"), links(r));
        assertEquals(List.of(), r.problems());
        assertTrue(r.graph().containsVertex("X9"));
    }

    @Test
    void minSizeKeepsTheLargerClustersWithTheirIds() {
        List<Case> cases = List.of(onset("A", 1), onset("B", 2, "A"), onset("C", 3), onset("D", 2), onset("E", 4),
                onset("F", 5), onset("G", 6), onset("H", 7));
        CaseLink[] extra = {related("D", "E"), related("F", "G"), related("G", "H")};
        ChainResult r = chains(new ChainSettings(AS_OF, 14, false, 2), cases, extra);
        assertEquals(List.of("C1|3|F;G;H|F;G;H|2024-03-05|2024-03-07|1|false|",
                "C2|2|A;B|A|2024-03-01|2024-03-02|2|false|",
                "C3|2|D;E|D;E|2024-03-02|2024-03-04|1|false|"), clusters(r));
        assertEquals(List.of("F|C1|1||0", "G|C1|1||0", "H|C1|1||0", "A|C2|1||1", "B|C2|2|A|0", "D|C3|1||0",
                "E|C3|1||0"), cases(r));
        assertEquals(4, chains(cases, extra).clusters().size());
        assertEquals("C4", chains(cases, extra).clusters().get(3).id());
    }

    @Test
    void casesAnchoredAfterTheAsOfDayAndTheirLinksAreNotUsed() {
        Case late = new Case("L", Classification.CONFIRMED, LocalDate.of(2024, 4, 2), null, null, "A");
        ChainResult r = chains(List.of(onset("A", 1), late, onset("M", 3, "L")));
        assertEquals(List.of("C1|1|A|A|2024-03-01|2024-03-01|1|false|", "C2|1|M|M|2024-03-03|2024-03-03|1|false|"),
                clusters(r));
        assertEquals(List.of(), links(r));
        assertEquals(List.of(), r.problems());
        assertEquals(3, r.summary().cases());
        assertEquals(1, r.summary().afterAsOf());
    }

    @Test
    void linksDatedAfterTheAsOfDayAreNotUsedAndCounted() {
        // SPEC §3: a run answers with what was known on the as-of day; up to 24:00 of it
        CaseLink nextDay = new CaseLink("A", "B", LinkKind.REPORTED, Moment.ofDate(AS_OF.plusDays(1)), null);
        CaseLink lastMinute = new CaseLink("A", "C", LinkKind.RELATED, new Moment(ChainFixture.at(31, 23, 59), true),
                null);
        ChainResult r = chains(List.of(onset("A", 1), onset("B", 5), onset("C", 6)), nextDay, lastMinute);
        assertEquals(List.of("A>C|related|false|5|C1|2024-03-31 23:59"), links(r));
        assertEquals(List.of("C1|2|A;C|A;C|2024-03-01|2024-03-06|1|false|", "C2|1|B|B|2024-03-05|2024-03-05|1|false|"),
                clusters(r));
        assertEquals(1, r.summary().linksAfterAsOf());
        assertEquals(1, r.summary().links());
        // warned of, so that validate (whose as-of day is today by default) shows a date typed wrong
        assertEquals(List.of(new LinkProblem(nextDay, LinkProblem.Kind.AFTER_AS_OF, true, null, null)), r.problems());
        assertEquals(r.problems(), TransmissionChains.check(List.of(onset("A", 1), onset("B", 5), onset("C", 6)),
                List.of(nextDay, lastMinute), AS_OF));
    }

    @Test
    void theSameLinkGivenTwiceIsReportedOnceWithItsDate() {
        CaseLink dated = new CaseLink("A", "B", LinkKind.REPORTED, date(3), null);
        ChainResult r = chains(List.of(onset("A", 1), onset("B", 5, "A")), dated, related("A", "B"), related("B", "A"));
        assertEquals(List.of("A>B|reported|false|4|C1|2024-03-03", "A>B|related|false|4|C1"), links(r));
        assertEquals(List.of("A|C1|1||1", "B|C1|2|A|0"), cases(r));
    }

    @Test
    void theSerialIntervalNeedsTwoOnsets() {
        ChainResult r = chains(List.of(onset("A", 1), sampled("B", 5)), reported("A", "B"));
        assertEquals(List.of("A>B|reported|false|-|C1"), links(r));
    }

    @Test
    void districtsComeFromThePersonRegistry() {
        List<Case> cases = List.of(onset("A", 1), onset("B", 2, "A"), onset("C", 3, "A"), onset("D", 4, "C"));
        PersonRegistry persons = ChainFixture.districts("A", "West", "B", "East", "D", "West");
        ChainResult r = new TransmissionChains(cases, ChainFixture.infectors(cases), persons, ChainSettings.of(AS_OF))
                .chains();
        assertEquals(List.of("C1|4|A;B;C;D|A|2024-03-01|2024-03-04|3|false|East;West"), clusters(r));
        assertEquals(List.of("West", "East", "", "West"), r.cases().stream().map(ChainCase::district).toList());
    }

    @Test
    void checkReportsTheProblemsValidateWarnsAbout() {
        List<Case> cases = List.of(onset("A", 1), onset("B", 5, "X9"));
        List<LinkProblem> problems = TransmissionChains.check(cases, List.of(reported("B", "A"), reported("X9", "B")),
                AS_OF);
        assertEquals(List.of("BACKWARD B", "NONCASE X9"),
                problems.stream().map(p -> p.kind() + " " + p.person()).toList());
    }

    @Test
    void aCaseListedTwiceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> chains(List.of(onset("A", 1), onset("A", 2))));
    }

    @Test
    void theGraphHoldsTheReportedClustersOnly() {
        ChainResult r = chains(new ChainSettings(AS_OF, 14, false, 2), List.of(onset("A", 1), onset("B", 2, "A"),
                onset("C", 3)));
        assertEquals(Set.of("A", "B"), r.graph().vertexSet());
        assertEquals(1, r.graph().edgeSet().size());
    }
}
