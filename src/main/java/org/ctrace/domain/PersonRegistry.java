package org.ctrace.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The person registry (persons.csv) indexed by id and by household. A run without
 * persons.csv has an empty registry: every person is then {@link Person#unregistered}.
 */
public final class PersonRegistry {

    private final boolean given;
    private final Map<String, Person> byId;
    private final Map<String, List<String>> households;

    private PersonRegistry(boolean given, Collection<Person> persons) {
        this.given = given;
        Map<String, Person> ids = new HashMap<>(persons.size() * 2);
        Map<String, List<String>> homes = new HashMap<>();
        for (Person p : persons) {
            if (ids.putIfAbsent(p.id(), p) != null) {
                throw new IllegalArgumentException("person " + p.id() + " is registered twice");
            }
            if (p.hasHousehold()) {
                homes.computeIfAbsent(p.householdId(), h -> new ArrayList<>(4)).add(p.id());
            }
        }
        this.byId = ids;
        this.households = homes;
    }

    /** A registry of the given persons (ids must be unique). */
    public static PersonRegistry of(Collection<Person> persons) {
        return new PersonRegistry(true, persons);
    }

    /** The registry of a run without persons.csv. */
    public static PersonRegistry none() {
        return new PersonRegistry(false, List.of());
    }

    /** Whether persons.csv was given at all (only then is an unknown id worth a warning). */
    public boolean isGiven() {
        return given;
    }

    /** The person with this id, if registered. */
    public Optional<Person> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The person with this id, or an unregistered person with empty name and areas. */
    public Person get(String id) {
        Person p = byId.get(id);
        return p != null ? p : Person.unregistered(id);
    }

    /** Whether this id is registered. */
    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** The ids of everyone living in a household, the given person included. */
    public List<String> household(String householdId) {
        List<String> members = households.get(householdId);
        return members == null ? List.of() : Collections.unmodifiableList(members);
    }

    /** The household members of a person other than the person. */
    public List<String> housemates(String personId) {
        Person p = byId.get(personId);
        if (p == null || !p.hasHousehold()) {
            return List.of();
        }
        List<String> all = households.get(p.householdId());
        List<String> others = new ArrayList<>(all.size());
        for (String id : all) {
            if (!id.equals(personId)) {
                others.add(id);
            }
        }
        return Collections.unmodifiableList(others);
    }

    /** Every registered person, in no particular order. */
    public Collection<Person> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    /** The distinct areas of the registered persons, sorted. */
    public SortedSet<Area> areas() {
        TreeSet<Area> areas = new TreeSet<>();
        for (Person p : byId.values()) {
            areas.add(p.area());
        }
        return Collections.unmodifiableSortedSet(areas);
    }

    /** The number of registered persons. */
    public int size() {
        return byId.size();
    }
}
