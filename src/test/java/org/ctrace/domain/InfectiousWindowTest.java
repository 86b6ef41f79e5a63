package org.ctrace.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** SPEC §3 "Windows": a window is half-open, [opens, closes). */
class InfectiousWindowTest {

    @Test
    void windowsAreHalfOpen() {
        InfectiousWindow w = new InfectiousWindow("A", 100, 200);
        assertFalse(w.isEmpty());
        assertFalse(w.contains(99));
        assertTrue(w.contains(100));
        assertTrue(w.contains(199));
        assertFalse(w.contains(200));
    }

    @Test
    void aWindowClosingAtOrBeforeItsOpeningIsEmpty() {
        assertTrue(new InfectiousWindow("A", 100, 100).isEmpty());
        assertTrue(new InfectiousWindow("A", 100, 50).isEmpty());
        assertFalse(new InfectiousWindow("A", 100, 100).contains(100));
    }
}
