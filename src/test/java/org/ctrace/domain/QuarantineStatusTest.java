package org.ctrace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** SPEC §5: home does not satisfy a required centralized quarantine; hospital does. */
class QuarantineStatusTest {

    @Test
    void whichStatusSatisfiesWhichRequiredType() {
        assertTrue(QuarantineStatus.CENTRALIZED.satisfies(QuarantineType.CENTRALIZED));
        assertTrue(QuarantineStatus.CENTRALIZED.satisfies(QuarantineType.HOME));
        assertTrue(QuarantineStatus.HOSPITAL.satisfies(QuarantineType.CENTRALIZED));
        assertTrue(QuarantineStatus.HOSPITAL.satisfies(QuarantineType.HOME));
        assertFalse(QuarantineStatus.HOME.satisfies(QuarantineType.CENTRALIZED));
        assertTrue(QuarantineStatus.HOME.satisfies(QuarantineType.HOME));
        assertFalse(QuarantineStatus.RELEASED.satisfies(QuarantineType.CENTRALIZED));
        assertFalse(QuarantineStatus.RELEASED.satisfies(QuarantineType.HOME));
    }

    @Test
    void wordsAreLowerCase() {
        assertEquals("centralized", QuarantineStatus.CENTRALIZED.word());
        assertEquals("home", QuarantineStatus.HOME.word());
        assertEquals("hospital", QuarantineStatus.HOSPITAL.word());
        assertEquals("released", QuarantineStatus.RELEASED.word());
        assertEquals("centralized", QuarantineType.CENTRALIZED.word());
        assertEquals("home", QuarantineType.HOME.word());
    }
}
