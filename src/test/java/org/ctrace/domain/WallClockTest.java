package org.ctrace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** SPEC §2 wall-clock arithmetic and the SPEC §3 print form {@code yyyy-MM-dd HH:mm}, seconds dropped. */
class WallClockTest {

    @Test
    void daysStartAndEndAtMidnight() {
        LocalDate d = LocalDate.of(2024, 2, 29);
        assertEquals(WallClock.of(LocalDateTime.of(2024, 2, 29, 0, 0)), WallClock.startOf(d));
        assertEquals(WallClock.of(LocalDateTime.of(2024, 3, 1, 0, 0)), WallClock.endOf(d));
        assertEquals(86_400, WallClock.endOf(d) - WallClock.startOf(d));
        assertEquals(d, WallClock.date(WallClock.endOf(d) - 1));
        assertEquals(LocalDate.of(2024, 3, 1), WallClock.date(WallClock.endOf(d)));
        assertEquals(d.toEpochDay(), WallClock.day(WallClock.startOf(d) + 3600));
    }

    @Test
    void minutesDropSecondsWithoutRounding() {
        assertEquals("2024-03-10 08:05", WallClock.minutes(WallClock.of(LocalDateTime.of(2024, 3, 10, 8, 5, 59))));
        assertEquals("2024-03-10 23:59", WallClock.minutes(WallClock.of(LocalDateTime.of(2024, 3, 10, 23, 59, 59))));
        assertEquals("2024-03-11 00:00", WallClock.minutes(WallClock.of(LocalDateTime.of(2024, 3, 11, 0, 0))));
        assertEquals("0999-01-02 03:04", WallClock.minutes(WallClock.of(LocalDateTime.of(999, 1, 2, 3, 4))));
    }

    @Test
    void wallClockRoundTrips() {
        LocalDateTime t = LocalDateTime.of(2024, 3, 10, 14, 30, 15);
        assertEquals(t, WallClock.toLocal(WallClock.of(t)));
        assertEquals(LocalDate.of(1969, 12, 31), WallClock.date(-1));
    }
}
