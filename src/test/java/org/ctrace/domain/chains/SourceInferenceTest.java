package org.ctrace.domain.chains;

import static org.ctrace.domain.chains.ChainFixture.AS_OF;
import static org.ctrace.domain.chains.ChainFixture.at;
import static org.ctrace.domain.chains.ChainFixture.events;
import static org.ctrace.domain.chains.ChainFixture.infectors;
import static org.ctrace.domain.chains.ChainFixture.links;
import static org.ctrace.domain.chains.ChainFixture.meet;
import static org.ctrace.domain.chains.ChainFixture.onset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.ctrace.domain.Case;
import org.ctrace.domain.Classification;
import org.ctrace.domain.ContactEvent;
import org.ctrace.domain.ContactEventSource;
import org.ctrace.domain.Moment;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.RuleProfile;
import org.ctrace.domain.RuleProfiles;
import org.junit.jupiter.api.Test;

/**
 * SPEC §8 {@code --infer} under cn-9 (window from 4 days before the anchor; at most 1 m unless
 * household, meal or vehicle). The source A has onset 03-08, so its window opens 03-04 00:00, and
 * a contact on 03-09 is after A's own anchor: A is never inferred as infected by the others.
 */
class SourceInferenceTest {

    private static ChainResult infer(RuleProfile rules, Incubation incubation, List<Case> cases, ContactEventSource events) {
        return TransmissionChains.of(cases, infectors(cases), PersonRegistry.none(), ChainSettings.of(AS_OF),
                new Inference(rules, events, incubation));
    }

    private static ChainResult infer(List<Case> cases, ContactEvent... events) {
        return infer(RuleProfiles.CN_9, Incubation.DEFAULT, cases, events(events));
    }

    @Test
    void aContactOneToFourteenDaysBeforeTheAnchorMakesACandidateBothBoundsIncluded() {
        ChainResult r = infer(List.of(onset("A", 8), onset("B0", 9), onset("B1", 10), onset("B14", 23), onset("B15", 24)),
                meet("A", "B0", 9, 10, 30, "work"), meet("B1", "A", 9, 10, 30, "work"),
                meet("A", "B14", 9, 10, 30, "work"), meet("A", "B15", 9, 10, 30, "work"));
        assertEquals(List.of("A>B1|inferred|false|2|C1|2024-03-09 10:00", "A>B14|inferred|false|15|C1|2024-03-09 10:00"),
                links(r));
        assertEquals(List.of("C1|3|A;B1;B14|A|2024-03-08|2024-03-23|2|true|",
                        "C2|1|B0|B0|2024-03-09|2024-03-09|1|false|", "C3|1|B15|B15|2024-03-24|2024-03-24|1|true|"),
                ChainFixture.clusters(r));
        assertEquals(2, r.summary().inferred());
    }

    @Test
    void theIncubationRangeCanBeChanged() {
        ChainResult r = infer(RuleProfiles.CN_9, new Incubation(2, 5), List.of(onset("A", 8), onset("B1", 10),
                onset("B2", 11), onset("B5", 14), onset("B6", 15)), events(meet("A", "B1", 9, 10, 30, "work"),
                meet("A", "B2", 9, 10, 30, "work"), meet("A", "B5", 9, 10, 30, "work"), meet("A", "B6", 9, 10, 30, "work")));
        assertEquals(List.of("A>B2|inferred|false|3|C1|2024-03-09 10:00", "A>B5|inferred|false|6|C1|2024-03-09 10:00"),
                links(r));
    }

    @Test
    void aReportedInfectorBlocksInferenceEvenWhenItsLinkIsDropped() {
        // B's infector X is not a case: its link is left out, but B is explained all the same.
        ChainResult r = infer(List.of(onset("A", 8), onset("B", 10, "X"), onset("K", 1), onset("C", 10, "K")),
                meet("A", "B", 9, 10, 30, "work"), meet("A", "C", 9, 10, 30, "work"));
        assertEquals(List.of("K>C|reported|false|9|C1"), links(r));
        assertEquals(0, r.summary().inferred());
    }

    @Test
    void aReportedLinkDatedAfterTheAsOfDayDoesNotBlockInference() {
        // not known on the as-of day, so the run answers as if it were not there
        List<Case> cases = List.of(onset("A", 8), onset("B", 10), onset("K", 1));
        CaseLink later = new CaseLink("K", "B", LinkKind.REPORTED, Moment.ofDate(AS_OF.plusDays(1)), null);
        List<CaseLink> given = new ArrayList<>(infectors(cases));
        given.add(later);
        ChainResult r = TransmissionChains.of(cases, given, PersonRegistry.none(), ChainSettings.of(AS_OF),
                new Inference(RuleProfiles.CN_9, events(meet("A", "B", 9, 10, 30, "work")), Incubation.DEFAULT));
        assertEquals(List.of("A>B|inferred|false|2|C1|2024-03-09 10:00"), links(r));
        assertEquals(1, r.summary().linksAfterAsOf());
    }

    @Test
    void onlyQualifyingContactsCount() {
        ContactEvent protectedMeal = new ContactEvent("A", "B1", at(9, 12, 0), at(9, 13, 0), false, Double.NaN, "meal",
                Double.NaN, true);
        ContactEvent farAtWork = new ContactEvent("A", "B2", at(9, 12, 0), at(9, 13, 0), false, Double.NaN, "work", 1.5,
                false);
        ContactEvent farAtAMeal = new ContactEvent("A", "B3", at(9, 12, 0), at(9, 13, 0), false, Double.NaN, "meal", 1.5,
                false);
        ContactEvent atOneMetre = new ContactEvent("A", "B4", at(9, 12, 0), at(9, 13, 0), false, Double.NaN, "work", 1.0,
                false);
        ChainResult r = infer(List.of(onset("A", 8), onset("B1", 10), onset("B2", 10), onset("B3", 10), onset("B4", 10)),
                protectedMeal, farAtWork, farAtAMeal, atOneMetre);
        assertEquals(List.of("A>B3|inferred|false|2|C1|2024-03-09 12:00", "A>B4|inferred|false|2|C1|2024-03-09 12:00"),
                links(r));
    }

    @Test
    void onlyThePartInsideTheSourcesWindowCountsAndItsStartIsWhenTheContactBegan() {
        // A's window opens 03-16 00:00 (onset 03-20); the contact runs 03-15 22:00 to 03-16 02:00.
        // For A as source it began 03-16 00:00, one day before B's onset; for B as source (window
        // from 03-13) it began 03-15 22:00, five days before A's onset: a candidate both ways.
        ContactEvent night = new ContactEvent("A", "B", at(15, 22, 0), at(16, 2, 0), false, Double.NaN, "venue",
                Double.NaN, false);
        ChainResult r = infer(List.of(onset("A", 20), onset("B", 17)), night);
        assertEquals(List.of("B>A|inferred|false|3|C1|2024-03-15 22:00", "A>B|inferred|true|-3|C1|2024-03-16 00:00"),
                links(r));
        // Before A's window opens there is nothing.
        ChainResult before = infer(List.of(onset("A", 20), onset("B", 16)), meet("A", "B", 15, 9, 30, "work"));
        assertEquals(List.of("B>A|inferred|false|4|C1|2024-03-15 09:00"), links(before));
    }

    @Test
    void theLinkIsDatedByTheLatestQualifyingContact() {
        ChainResult r = infer(List.of(onset("A", 8), onset("B", 13)), meet("A", "B", 5, 9, 30, "work"),
                meet("B", "A", 11, 15, 30, "work"), meet("A", "B", 9, 10, 30, "work"));
        assertEquals(List.of("A>B|inferred|false|5|C1|2024-03-11 15:00"), links(r));
    }

    @Test
    void suspectedCasesAreSourcesOnlyUnderIncludeSuspected() {
        Case suspected = new Case("A", Classification.SUSPECTED, ChainFixture.day(8), null, null, "");
        List<Case> cases = List.of(suspected, onset("B", 10));
        assertEquals(List.of("A>B|inferred|false|2|C1|2024-03-09 10:00"),
                links(infer(cases, meet("A", "B", 9, 10, 30, "work"))));
        RuleProfile noSuspected = RuleProfiles.CN_9.toBuilder().includeSuspected(false).build();
        assertEquals(List.of(), links(infer(noSuspected, Incubation.DEFAULT, cases,
                events(meet("A", "B", 9, 10, 30, "work")))));
    }

    @Test
    void incubationBoundsAreChecked() {
        assertEquals("1-14", Incubation.DEFAULT.toString());
        assertThrows(IllegalArgumentException.class, () -> new Incubation(5, 2));
        assertThrows(IllegalArgumentException.class, () -> new Incubation(-1, 2));
    }
}
