package org.ctrace.domain;

import java.util.Comparator;

/**
 * The four administrative levels of SPEC §2 (city, district, town, village). Empty strings
 * stand for unknown levels, so areas sort and group without nulls.
 */
public record Area(String city, String district, String town, String village) implements Comparable<Area> {

    /** No known area: a person missing from persons.csv. */
    public static final Area UNKNOWN = new Area("", "", "", "");

    private static final Comparator<Area> ORDER = Comparator.comparing(Area::city)
            .thenComparing(Area::district)
            .thenComparing(Area::town)
            .thenComparing(Area::village);

    public Area {
        city = city == null ? "" : city;
        district = district == null ? "" : district;
        town = town == null ? "" : town;
        village = village == null ? "" : village;
    }

    /** Sorts by city, district, town, village with {@link String#compareTo}, as SPEC §5 asks. */
    @Override
    public int compareTo(Area other) {
        return ORDER.compare(this, other);
    }
}
