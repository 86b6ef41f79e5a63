package org.ctrace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** SPEC §1/§2: a case's anchor is its onset date, or its sample date when onset is empty. */
class CaseTest {

    private static final LocalDate ONSET = LocalDate.of(2024, 3, 10);
    private static final LocalDate SAMPLE = LocalDate.of(2024, 3, 8);

    @Test
    void theAnchorIsOnsetThenSample() {
        assertEquals(ONSET, new Case("A", Classification.CONFIRMED, ONSET, SAMPLE, null, null).anchor());
        assertEquals(SAMPLE, new Case("A", Classification.CONFIRMED, null, SAMPLE, null, null).anchor());
        assertEquals("", new Case("A", Classification.CONFIRMED, ONSET, null, null, null).infector());
    }

    @Test
    void aCaseNeedsOnsetOrSample() {
        assertThrows(IllegalArgumentException.class,
                () -> new Case("A", Classification.CONFIRMED, null, null, null, ""));
    }

    @Test
    void onlySuspectedAndProbableAreUnconfirmed() {
        assertFalse(Classification.CONFIRMED.isUnconfirmed());
        assertFalse(Classification.ASYMPTOMATIC.isUnconfirmed());
        assertTrue(Classification.SUSPECTED.isUnconfirmed());
        assertTrue(Classification.PROBABLE.isUnconfirmed());
        assertEquals("asymptomatic", Classification.ASYMPTOMATIC.word());
    }
}
