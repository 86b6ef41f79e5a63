package org.ctrace.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.ctrace.domain.Moment;
import org.ctrace.domain.WallClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** TimeParser: the date and date-time forms of SPEC §2, offsets converted to a pinned zone. */
class TimeParserTest {

    private static final TimeParser SHANGHAI = new TimeParser(ZoneId.of("Asia/Shanghai"));
    private static final TimeParser UTC = new TimeParser(ZoneId.of("UTC"));

    private static LocalDateTime local(Moment m) {
        return WallClock.toLocal(m.instant());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2024-03-05, 2024-03-05",
        "2024/3/5, 2024-03-05",
        "2024/03/05, 2024-03-05",
        "2024/12/31, 2024-12-31",
        "2024/3/15, 2024-03-15",
        "20240305, 2024-03-05",
        "2024-02-29, 2024-02-29",
        "20241231, 2024-12-31",
    })
    void dateForms(String text, LocalDate expected) {
        assertEquals(expected, SHANGHAI.date(text));
        Moment m = SHANGHAI.moment(text);
        assertNotNull(m);
        assertFalse(m.hasTime(), "a date without a time means the whole day");
        assertEquals(expected, m.date());
        assertEquals(expected.atStartOfDay(), local(m));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "'2024-03-05 9:05', 2024-03-05T09:05:00",
        "'2024-03-05 09:05', 2024-03-05T09:05:00",
        "'2024-03-05 9:05:07', 2024-03-05T09:05:07",
        "'2024-03-05 23:59:59', 2024-03-05T23:59:59",
        "'2024-03-05 0:00', 2024-03-05T00:00:00",
        "'2024-03-05T09:05', 2024-03-05T09:05:00",
        "'2024-03-05T9:05', 2024-03-05T09:05:00",
        "'2024-03-05T09:05:07', 2024-03-05T09:05:07",
        "'2024/3/5 9:05', 2024-03-05T09:05:00",
        "'2024/3/5 13:57:30', 2024-03-05T13:57:30",
        "'2024/3/5T13:57', 2024-03-05T13:57:00",
        "'20240305 03:39', 2024-03-05T03:39:00",
        "'20240305 3:39:01', 2024-03-05T03:39:01",
        "'20240305T03:39', 2024-03-05T03:39:00",
    })
    void dateTimeForms(String text, LocalDateTime expected) {
        Moment m = SHANGHAI.moment(text);
        assertNotNull(m, text);
        assertTrue(m.hasTime());
        assertEquals(expected, local(m));
    }

    @Test
    void dateTimeWithoutOffsetIsTakenAsWallClockWhateverTheZone() {
        assertEquals(local(SHANGHAI.moment("2024-03-05 09:05")), local(UTC.moment("2024-03-05 09:05")));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
        "2024-03-05T01:30Z, Asia/Shanghai, 2024-03-05T09:30:00",
        "2024-03-05T20:30Z, Asia/Shanghai, 2024-03-06T04:30:00",
        "2024-03-05T01:30Z, UTC, 2024-03-05T01:30:00",
        "2024-03-05T09:30+08:00, Asia/Shanghai, 2024-03-05T09:30:00",
        "2024-03-05T09:30+08:00, UTC, 2024-03-05T01:30:00",
        "2024-03-05T05:30:15+08:00, UTC, 2024-03-04T21:30:15",
        "'2024-03-05 09:30+08:00', UTC, 2024-03-05T01:30:00",
        "'2024-03-05 9:30:00Z', Asia/Shanghai, 2024-03-05T17:30:00",
        "'2024/3/5 9:30Z', Asia/Shanghai, 2024-03-05T17:30:00",
        "20240305T16:00Z, Asia/Shanghai, 2024-03-06T00:00:00",
    })
    void offsetsAreConvertedToTheZone(String text, String zone, LocalDateTime expected) {
        Moment m = new TimeParser(ZoneId.of(zone)).moment(text);
        assertNotNull(m, text);
        assertTrue(m.hasTime());
        assertEquals(expected, local(m));
        assertEquals(expected.toLocalDate(), m.date());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {
        "2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-03-00",
        "2024/2/30", "20240230", "20241301",
        "2024-3-5", "2024-03-5", "2024-3-05", "24-03-05", "2024.03.05", "2024-03/05", "2024/3-5",
        "2024030", "202403051", "2024/003/5",
        "2024-03-05 25:00", "2024-03-05 12:60", "2024-03-05 12:00:60",
        "2024-03-05 12", "2024-03-05 12:5", "2024-03-05 123:00", "2024-03-05T", "2024-03-05 ",
        "2024-03-05x", "2024-03-05 10:00abc", "2024-03-05 10:00 ", "2024-03-05T10:00ZZ",
        "2024-03-05T10:00+8", "2024-03-05T10:00+25:00", "2024-03-05Z", "2024-03-05+08:00",
        "yesterday", "", "2024", "2024-03", "03/05/2024", "5.3.2024",
    })
    void invalidTextIsNull(String text) {
        assertNull(SHANGHAI.moment(text), text);
        assertNull(SHANGHAI.date(text), text);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"2024-03-05 09:05", "2024-03-05T09:05", "2024-03-05T01:30Z", "20240305 3:39"})
    void aDateMayNotHaveATime(String text) {
        assertNotNull(SHANGHAI.moment(text));
        assertNull(SHANGHAI.date(text), "date() takes a date alone (quarantine end_date, onset_date...)");
    }

    @Test
    void theRealInstantIsKnownOnlyForATimeWithAnOffset() {
        TimeParser newYork = new TimeParser(ZoneId.of("America/New_York"));
        long instant = java.time.Instant.parse("2024-11-03T05:50:00Z").getEpochSecond();
        assertEquals(instant, newYork.offsetInstant("2024-11-03T05:50Z"));
        assertEquals(instant, newYork.offsetInstant("2024-11-03 01:50-04:00"));
        assertEquals(instant + 3600, newYork.offsetInstant("2024-11-03T01:50-0500"));
        // the same wall-clock time for both: the zone's repeated hour
        assertEquals(newYork.moment("2024-11-03T01:50-04:00"), newYork.moment("2024-11-03T01:50-05:00"));
        assertNull(newYork.offsetInstant("2024-11-03 01:50"));
        assertNull(newYork.offsetInstant("2024-11-03"));
        assertNull(newYork.offsetInstant("2024-11-03T25:50Z"));
    }

    /** A year typed wrong (0224 for 2024) opened a window of centuries, or put an event in none. */
    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"0224-03-05", "1899-12-31", "2200-01-01", "9999-12-31 23:59", "0000-01-02",
        "02240305", "0224/3/5 10:00", "1899-12-31T23:00Z"})
    void aYearOutsideTheYearsTakenIsNoDateButIsToldApart(String text) {
        assertNull(SHANGHAI.moment(text), text);
        assertTrue(SHANGHAI.isOfAnotherEra(text), text);
        assertEquals("a year from 1900 to 2199", SHANGHAI.expected(text, TimeParser.DATE_TIME_FORMS));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"1900-01-01", "2199-12-31 23:59", "19000101", "2199/12/31"})
    void theFirstAndLastYearsAreTaken(String text) {
        assertNotNull(SHANGHAI.moment(text), text);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"2024-02-30", "0224-02-30", "0224-03-05 25:00", "yesterday", "22-03-05",
        "2024-03-10 08:00", "2024-03-10T08:00Z"})
    void otherBadTextIsNotOfAnotherEra(String text) {
        assertFalse(SHANGHAI.isOfAnotherEra(text), text);
        assertEquals(TimeParser.DATE_FORMS, SHANGHAI.expected(text, TimeParser.DATE_FORMS));
    }

    /** A date-time where a date is wanted is wrong for its time: "expected a year" misled (a second reader). */
    @Test
    void aDateTimeInAColumnOfDatesIsToldItsForm() {
        assertEquals(TimeParser.DATE_FORMS, SHANGHAI.expected("0224-03-10 08:00", TimeParser.DATE_FORMS));
        assertEquals(TimeParser.YEARS, SHANGHAI.expected("0224-03-10 08:00", TimeParser.DATE_TIME_FORMS));
        assertEquals(TimeParser.YEARS, SHANGHAI.expected("0224-03-10", TimeParser.DATE_FORMS));
    }

    @Test
    void formsNamedForMessagesListEveryForm() {
        assertEquals("a date (yyyy-MM-dd, yyyy/M/d or yyyyMMdd)", TimeParser.DATE_FORMS);
        assertEquals("a date (yyyy-MM-dd, yyyy/M/d or yyyyMMdd), optionally with a time (' H:mm', ' H:mm:ss' or "
                + "'THH:mm[:ss]') and an offset (Z, +08:00)", TimeParser.DATE_TIME_FORMS);
    }
}
