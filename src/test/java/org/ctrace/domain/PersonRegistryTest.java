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

    /** Persons added as a reader adds them: ids, names and phones as bytes of a line, or as Strings. */
    private static PersonRegistry built(List<Person> persons, int expect) {
        PersonRegistry.Builder b = PersonRegistry.builder();
        b.expect(expect);
        for (int i = 0; i < persons.size(); i++) {
            Person p = persons.get(i);
            if (i % 3 == 0) {
                assertTrue(b.add(p.id(), p.name(), p.phone(), p.area(), p.householdId()));
            } else {
                String line = "x," + p.id() + "," + p.name() + "," + p.phone() + "," + p.householdId() + ",y";
                byte[] bytes = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                int id = 2;
                int idEnd = id + p.id().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                int nameEnd = idEnd + 1 + p.name().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                int phoneEnd = nameEnd + 1 + p.phone().length();
                int householdEnd = phoneEnd + 1 + p.householdId().length();
                assertTrue(b.add(bytes, id, idEnd, idEnd + 1, nameEnd, nameEnd + 1, phoneEnd, p.area(),
                        phoneEnd + 1, householdEnd));
            }
        }
        PersonRegistry r = b.build();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> b.add("late", "", "", AREA, ""), "a built registry shares the builder's tables");
        return r;
    }

    @Test
    void everyPersonComesBackWhateverTheReaderExpected() {
        java.util.Random random = new java.util.Random(3);
        List<Person> persons = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String name = random.nextBoolean() ? "Li " + i : "张" + "三四".repeat(random.nextInt(3));
            persons.add(new Person("P" + i, name, "1" + random.nextInt(1_000_000),
                    new Area("C", "D" + random.nextInt(3), "T", "V"), random.nextInt(4) == 0 ? "" : "H" + i / 3));
        }
        // too few expected, about right, too many: the tables grow, fit, or are trimmed
        for (int expect : new int[] {0, 5_000, 20_000, 19_000, 80_000}) {
            PersonRegistry r = built(persons, expect);
            assertEquals(persons.size(), r.size(), "expecting " + expect);
            for (Person p : persons) {
                assertEquals(Optional.of(p), r.find(p.id()), "expecting " + expect);
            }
            java.util.Map<String, List<String>> homes = new java.util.HashMap<>();
            for (Person p : persons) {
                if (!p.householdId().isEmpty()) {
                    homes.computeIfAbsent(p.householdId(), h -> new java.util.ArrayList<>()).add(p.id());
                }
            }
            for (int i = 0; i < persons.size(); i += 97) {
                Person p = persons.get(i);
                Set<String> mates = new java.util.HashSet<>(homes.getOrDefault(p.householdId(), List.of()));
                mates.remove(p.id());
                assertEquals(mates, Set.copyOf(r.housemates(p.id())), p.id());
            }
        }
    }

    @Test
    void aRegistryWithoutHouseholdsAndOneWhoseHouseholdsComeLate() {
        List<Person> persons = new java.util.ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            persons.add(new Person("P" + i, "N" + i, "1", AREA, i < 2_000 ? "" : "H" + i / 2));
        }
        PersonRegistry.Builder b = PersonRegistry.builder();
        b.expect(3_000);
        persons.forEach(p -> assertTrue(b.add(p.id(), p.name(), p.phone(), p.area(), p.householdId())));
        PersonRegistry r = b.build();
        assertEquals(List.of(), r.housemates("P5"));
        assertEquals(List.of("P2001"), r.housemates("P2000"));
        assertEquals(Optional.of(persons.get(2_999)), r.find("P2999"));
    }

    @Test
    void manyIdsAreFoundAtTheirPositionsAsOneByOne() {
        java.util.Random r = new java.util.Random(21);
        java.util.List<Person> persons = new java.util.ArrayList<>();
        java.util.List<String> asked = new java.util.ArrayList<>();
        // ids of up to 8 bytes (held whole) and longer (hashed), ASCII and not
        String[] forms = {"P%d", "PERSON-%08d", "张%d", "%d"};
        for (int i = 0; i < 300; i++) {
            String id = String.format(java.util.Locale.ROOT, forms[i % forms.length], i);
            persons.add(new Person(id, "", "", Area.UNKNOWN, ""));
        }
        for (int i = 0; i < 1000; i++) {
            int n = r.nextInt(400);
            asked.add(String.format(java.util.Locale.ROOT, forms[r.nextInt(forms.length)], n));
        }
        PersonRegistry registry = PersonRegistry.of(persons);
        int[] positions = registry.indexesOf(asked);
        assertEquals(asked.size(), positions.length);
        int found = 0;
        for (int i = 0; i < asked.size(); i++) {
            assertEquals(registry.indexOf(asked.get(i)), positions[i], asked.get(i));
            found += positions[i] >= 0 ? 1 : 0;
        }
        // both kinds are asked for, in batches of every size up to the last one's
        assertTrue(found > 100 && found < 900, "found " + found);
        assertEquals(0, registry.indexesOf(List.of()).length);
        assertEquals(-1, PersonRegistry.none().indexesOf(List.of("P1"))[0]);
    }
}
