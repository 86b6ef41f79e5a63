package org.ctrace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SPEC §2 persons.csv: households, and persons missing from the registry (empty name and areas). */
class PersonRegistryTest {

    private static final Area AREA = new Area("Beijing", "Chaoyang", "T1", "V1");

    @Test
    void housematesShareAHouseholdIdAndExcludeThePersonItself() {
        PersonRegistry r = PersonRegistry.of(List.of(
                new Person("A", "An", "1", AREA, "h1"),
                new Person("H", "Hu", "2", AREA, "h1"),
                new Person("G", "Gu", "3", AREA, "h1"),
                new Person("N", "Ni", "4", AREA, "")));

        assertTrue(r.isGiven());
        assertEquals(4, r.size());
        assertEquals(Set.of("H", "G"), Set.copyOf(r.housemates("A")));
        assertEquals(Set.of("A", "G"), Set.copyOf(r.housemates("H")));
        assertEquals(List.of(), r.housemates("N"));
        assertEquals(List.of(), r.housemates("nobody"));
    }

    @Test
    void anUnregisteredPersonHasEmptyNameAndAreas() {
        PersonRegistry r = PersonRegistry.none();

        assertFalse(r.isGiven());
        assertEquals(Optional.empty(), r.find("X"));
        assertFalse(r.contains("X"));
        Person x = r.get("X");
        assertEquals(new Person("X", "", "", Area.UNKNOWN, ""), x);
        assertEquals(new Area("", "", "", ""), Area.UNKNOWN);
        assertEquals(Area.UNKNOWN, new Area(null, null, null, null));
    }

    @Test
    void areasSortByCityDistrictTownVillageWithStringCompareTo() {
        assertTrue(Area.UNKNOWN.compareTo(new Area("Anhui", "", "", "")) < 0);
        assertTrue(new Area("Beijing", "Chaoyang", "T1", "").compareTo(AREA) < 0);
        assertTrue(new Area("Beijing", "Chaoyang", "T1", "V1").compareTo(new Area("Beijing", "Dongcheng", "", "")) < 0);
        assertTrue(new Area("Beijing", "Z", "", "").compareTo(new Area("beijing", "A", "", "")) < 0);
        assertTrue(new Area("北京", "东城区", "", "").compareTo(new Area("北京", "朝阳区", "", "")) < 0);
        assertEquals(0, AREA.compareTo(new Area("Beijing", "Chaoyang", "T1", "V1")));
    }
}
