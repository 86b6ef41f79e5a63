package org.ctrace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** SPEC §2/§3: a date alone means the whole day, so an isolation or quarantine start on a date closes at 24:00. */
class MomentTest {

    @Test
    void aDateAloneClosesAt24OfThatDay() {
        Moment m = Moment.ofDate(LocalDate.of(2024, 3, 10));
        assertFalse(m.hasTime());
        assertEquals(LocalDate.of(2024, 3, 10), m.date());
        assertEquals(WallClock.startOf(LocalDate.of(2024, 3, 10)), m.instant());
        assertEquals(WallClock.startOf(LocalDate.of(2024, 3, 11)), m.closingInstant());
    }

    @Test
    void aDateTimeClosesAtItsInstantEvenAtMidnight() {
        long t = WallClock.of(LocalDateTime.of(2024, 3, 10, 14, 0));
        assertEquals(t, new Moment(t, true).closingInstant());
        long midnight = WallClock.of(LocalDateTime.of(2024, 3, 10, 0, 0));
        assertEquals(midnight, new Moment(midnight, true).closingInstant());
        assertEquals(LocalDate.of(2024, 3, 10), new Moment(midnight, true).date());
    }
}
