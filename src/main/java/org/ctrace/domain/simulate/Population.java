package org.ctrace.domain.simulate;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.ctrace.domain.Area;

/**
 * The persons of one city: districts of towns of villages, villages of households, households
 * of 1 to 6 persons. Numbers are contiguous at every level (a village's persons, a town's
 * villages), so a place is a range of person numbers and nothing is stored per pair.
 *
 * <p>Memory: three ints per person and household, and one {@link Area} per village.
 */
final class Population {

    /** The persons a village holds on average: a field team's unit. */
    static final int VILLAGE_SIZE = 300;

    /** Household sizes 1..6 by share, about as a census counts them. */
    private static final double[] HOUSEHOLD_SIZES = {0.25, 0.30, 0.21, 0.13, 0.07, 0.04};

    private final int persons;
    private final int villagesPerTown;
    private final Area[] areas;
    private final int[] villageStart;
    private final int[] householdOf;
    private final int[] householdStart;
    private final int households;

    Population(int persons, SplittableRandom r, Names names) {
        this.persons = persons;
        int wanted = Math.max(1, (int) Math.round(persons / (double) VILLAGE_SIZE));
        int districts = wanted < 4 ? 1 : Math.max(2, Math.min(16, (int) Math.round(Math.cbrt(wanted))));
        int townsPerDistrict = Math.max(1, (int) Math.round(Math.sqrt(wanted / (double) districts)));
        villagesPerTown = (wanted + districts * townsPerDistrict - 1) / (districts * townsPerDistrict);
        areas = areas(r, names, districts, townsPerDistrict);
        villageStart = villageBounds(r, persons, areas.length);
        householdOf = new int[persons];
        int[] starts = new int[Math.max(16, persons / 2)];
        int h = 0;
        for (int v = 0; v < areas.length; v++) {
            for (int p = villageStart[v]; p < villageStart[v + 1]; h++) {
                if (h == starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                }
                starts[h] = p;
                int end = Math.min(villageStart[v + 1], p + householdSize(r));
                Arrays.fill(householdOf, p, end, h);
                p = end;
            }
        }
        households = h;
        householdStart = Arrays.copyOf(starts, h + 1);
        householdStart[h] = persons;
    }

    int persons() {
        return persons;
    }

    int households() {
        return households;
    }

    int villages() {
        return areas.length;
    }

    int districts() {
        return (int) Arrays.stream(areas).map(Area::district).distinct().count();
    }

    Area area(int village) {
        return areas[village];
    }

    int household(int person) {
        return householdOf[person];
    }

    int householdStart(int household) {
        return householdStart[household];
    }

    int householdEnd(int household) {
        return householdStart[household + 1];
    }

    int village(int person) {
        int i = Arrays.binarySearch(villageStart, person);
        if (i >= 0) {
            // Several bounds can be equal only for empty villages, which are never made.
            return i;
        }
        return -i - 2;
    }

    /** Another member of the person's household, or -1 when the person lives alone. */
    int housemate(int person, SplittableRandom r) {
        int h = householdOf[person];
        int size = householdStart[h + 1] - householdStart[h];
        if (size < 2) {
            return -1;
        }
        int q = householdStart[h] + r.nextInt(size - 1);
        return q >= person ? q + 1 : q;
    }

    /**
     * Someone the person plausibly meets: one time in ten from the same village, two in ten
     * from the same town, otherwise from anywhere in the city, as work, school, shops and
     * buses mix a city's people; never the person.
     */
    int acquaintance(int person, SplittableRandom r) {
        int v = village(person);
        int lo = 0;
        int hi = persons;
        int pick = r.nextInt(10);
        if (pick < 1) {
            lo = villageStart[v];
            hi = villageStart[v + 1];
        } else if (pick < 3) {
            int first = v - v % villagesPerTown;
            lo = villageStart[first];
            hi = villageStart[Math.min(areas.length, first + villagesPerTown)];
        }
        if (hi - lo < 2) {
            lo = 0;
            hi = persons;
        }
        int q = lo + r.nextInt(hi - lo - 1);
        return q >= person ? q + 1 : q;
    }

    private static int householdSize(SplittableRandom r) {
        double u = r.nextDouble();
        for (int i = 0; i < HOUSEHOLD_SIZES.length - 1; i++) {
            u -= HOUSEHOLD_SIZES[i];
            if (u < 0) {
                return i + 1;
            }
        }
        return HOUSEHOLD_SIZES.length;
    }

    private Area[] areas(SplittableRandom r, Names names, int districts, int townsPerDistrict) {
        Area[] result = new Area[districts * townsPerDistrict * villagesPerTown];
        String city = names.city(r);
        Set<String> districtNames = new HashSet<>();
        int v = 0;
        for (int d = 0; d < districts; d++) {
            String district = names.district(r, districtNames);
            Set<String> townNames = new HashSet<>();
            for (int t = 0; t < townsPerDistrict; t++) {
                String town = names.town(r, townNames);
                Set<String> villageNames = new HashSet<>();
                for (int i = 0; i < villagesPerTown; i++) {
                    result[v++] = new Area(city, district, town, names.village(r, villageNames));
                }
            }
        }
        return result;
    }

    /** Village bounds in person numbers: sizes vary from half to one and a half times the mean. */
    private static int[] villageBounds(SplittableRandom r, int persons, int villages) {
        double[] cumulative = new double[villages + 1];
        for (int v = 0; v < villages; v++) {
            cumulative[v + 1] = cumulative[v] + 0.5 + r.nextDouble();
        }
        int[] bounds = new int[villages + 1];
        for (int v = 1; v <= villages; v++) {
            bounds[v] = (int) Math.round(persons * (cumulative[v] / cumulative[villages]));
            // Keep every village inhabited, even in a tiny city.
            bounds[v] = Math.max(bounds[v], Math.min(persons, bounds[v - 1] + 1));
        }
        bounds[villages] = persons;
        return bounds;
    }
}
