package org.ctrace.domain;

/**
 * A row of the person registry (persons.csv, SPEC §2).
 *
 * @param id unique person id
 * @param name name, or empty
 * @param phone phone, or empty
 * @param area the person's administrative area
 * @param householdId the household, or empty when unknown; persons sharing it live together
 */
public record Person(String id, String name, String phone, Area area, String householdId) {

    /** A person known only by id (absent from persons.csv): listed with empty name and areas. */
    public static Person unregistered(String id) {
        return new Person(id, "", "", Area.UNKNOWN, "");
    }

    /** Whether the household is known. */
    public boolean hasHousehold() {
        return !householdId.isEmpty();
    }
}
