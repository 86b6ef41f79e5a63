package org.ctrace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SPEC §3 "The as-of day": quarantine rows whose start_date is after that day are treated as absent. */
class QuarantineRegistryTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 3, 12);

    @Test
    void rowsStartingAfterTheAsOfDayAreAbsentAndCounted() {
        QuarantineRecord onTheDay = new QuarantineRecord("B", QuarantineStatus.HOME,
                new Moment(WallClock.of(LocalDateTime.of(2024, 3, 12, 23, 59)), true), null, "");
        QuarantineRecord dateOnTheDay = new QuarantineRecord("C", QuarantineStatus.CENTRALIZED,
                Moment.ofDate(AS_OF), LocalDate.of(2024, 3, 19), "S1");
        QuarantineRecord nextDay = new QuarantineRecord("D", QuarantineStatus.CENTRALIZED,
                Moment.ofDate(LocalDate.of(2024, 3, 13)), null, "");
        QuarantineRecord nextMidnight = new QuarantineRecord("E", QuarantineStatus.HOME,
                new Moment(WallClock.of(LocalDateTime.of(2024, 3, 13, 0, 0)), true), null, "");

        QuarantineRegistry r = new QuarantineRegistry(List.of(onTheDay, dateOnTheDay, nextDay, nextMidnight), AS_OF);

        assertEquals(Optional.of(onTheDay), r.find("B"));
        assertEquals(Optional.of(dateOnTheDay), r.find("C"));
        assertEquals(Optional.empty(), r.find("D"));
        assertEquals(Optional.empty(), r.find("E"));
        assertEquals(Optional.empty(), r.find("X"));
        assertEquals(2, r.all().size());
        assertEquals(2, r.startingLater());
    }

    @Test
    void anOpenEndIsNeverBefore() {
        QuarantineRecord open = new QuarantineRecord("B", QuarantineStatus.HOME, Moment.ofDate(AS_OF), null, "");
        QuarantineRecord ends = new QuarantineRecord("B", QuarantineStatus.HOME, Moment.ofDate(AS_OF),
                LocalDate.of(2024, 3, 16), "");
        assertFalse(open.endsBefore(LocalDate.of(2099, 1, 1)));
        assertTrue(ends.endsBefore(LocalDate.of(2024, 3, 17)));
        assertFalse(ends.endsBefore(LocalDate.of(2024, 3, 16)));
    }

    @Test
    void aRegisteredPersonsRowIsFoundByPositionAndAnUnregisteredOnesById() {
        PersonRegistry persons = PersonRegistry.of(List.of(person("A"), person("B"), person("C")));
        QuarantineRecord b = new QuarantineRecord("B", QuarantineStatus.HOME, Moment.ofDate(AS_OF), null, "");
        QuarantineRecord x = new QuarantineRecord("X", QuarantineStatus.CENTRALIZED, Moment.ofDate(AS_OF), null, "S1");
        QuarantineRecord later = new QuarantineRecord("C", QuarantineStatus.HOME,
                Moment.ofDate(AS_OF.plusDays(1)), null, "");

        QuarantineRegistry r = new QuarantineRegistry(List.of(x, b, later), AS_OF, persons);

        assertEquals(Optional.of(b), r.find("B", persons.indexOf("B")));
        assertEquals(Optional.of(b), r.find("B"));
        assertEquals(Optional.empty(), r.find("A", persons.indexOf("A")));
        assertEquals(Optional.empty(), r.find("C", persons.indexOf("C")));
        assertEquals(Optional.of(x), r.find("X", -1));
        assertEquals(Optional.of(x), r.find("X"));
        assertEquals(List.of(x, b), List.copyOf(r.all()));
        assertEquals(1, r.startingLater());
    }

    @Test
    void aFewRowsBesideALargeRegistryAreFoundTheSameWay() {
        List<Person> city = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            city.add(person("P" + i));
        }
        PersonRegistry persons = PersonRegistry.of(city);
        QuarantineRecord p7 = new QuarantineRecord("P7", QuarantineStatus.HOME, Moment.ofDate(AS_OF), null, "");
        QuarantineRecord x = new QuarantineRecord("X", QuarantineStatus.HOME, Moment.ofDate(AS_OF), null, "");
        QuarantineRegistry r = new QuarantineRegistry(List.of(p7, x), AS_OF, persons);
        assertEquals(Optional.of(p7), r.find("P7", persons.indexOf("P7")));
        assertEquals(Optional.of(p7), r.find("P7"));
        assertEquals(Optional.empty(), r.find("P8", persons.indexOf("P8")));
        assertEquals(Optional.of(x), r.find("X", -1));
        QuarantineRecord again = new QuarantineRecord("P7", QuarantineStatus.RELEASED, Moment.ofDate(AS_OF), AS_OF, "");
        assertThrows(IllegalArgumentException.class, () -> new QuarantineRegistry(List.of(p7, again), AS_OF, persons));
    }

    @Test
    void builtWithoutTheRegistryARowIsFoundByIdWhateverThePosition() {
        QuarantineRecord b = new QuarantineRecord("B", QuarantineStatus.HOME, Moment.ofDate(AS_OF), null, "");
        QuarantineRegistry r = new QuarantineRegistry(List.of(b), AS_OF);
        assertEquals(Optional.of(b), r.find("B", 1));
        assertEquals(Optional.empty(), r.find("A", 0));
    }

    @Test
    void twoRowsOfOnePersonAreRefusedWhetherRegisteredOrNot() {
        PersonRegistry persons = PersonRegistry.of(List.of(person("A")));
        for (String id : List.of("A", "X")) {
            QuarantineRecord one = new QuarantineRecord(id, QuarantineStatus.HOME, Moment.ofDate(AS_OF), null, "");
            QuarantineRecord two = new QuarantineRecord(id, QuarantineStatus.RELEASED, Moment.ofDate(AS_OF), AS_OF, "");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new QuarantineRegistry(List.of(one, two), AS_OF, persons));
            assertEquals("person " + id + " has two quarantine rows", e.getMessage());
        }
    }

    private static Person person(String id) {
        return new Person(id, "", "", Area.UNKNOWN, "");
    }

    @Test
    void theEmptyRegistryHasNoRows() {
        assertEquals(Optional.empty(), QuarantineRegistry.none().find("B"));
        assertEquals(0, QuarantineRegistry.none().startingLater());
    }
}
