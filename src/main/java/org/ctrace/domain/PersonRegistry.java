package org.ctrace.domain;

import java.nio.charset.StandardCharsets;
import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The person registry (persons.csv) indexed by id and by household. A run without
 * persons.csv has an empty registry: every person is then {@link Person#unregistered}.
 *
 * <p>Stored column-wise so that a city's registry fits in little memory: ids and household
 * ids as UTF-8 bytes in {@link IdIndex}es (a lookup by bytes makes no String and usually
 * costs one cache miss; an id's String is made when it is first asked for), areas as
 * indexes into a shared table, names and phones in one UTF-8 byte pool. {@link Person}
 * records are made on demand. Lookups O(1).
 */
public final class PersonRegistry {

    private final boolean given;
    private final int size;
    private final IdIndex ids;
    private final Area[] areaTable;
    /** Each area's rank among the sorted areas, by its place in {@link #areaTable}. */
    private final int[] areaRank;
    private final int[] areaOf;
    private final IdIndex householdIds;
    private final int[] householdOf;
    private final int[] householdStart;
    private final int[] householdMembers;
    private final byte[] text;
    private final int[] textStart;

    private PersonRegistry(Builder b) {
        this.given = b.given;
        this.size = b.size;
        this.ids = b.ids;
        this.areaTable = b.areas.keySet().toArray(new Area[0]);
        for (Map.Entry<Area, Integer> e : b.areas.entrySet()) {
            areaTable[e.getValue()] = e.getKey();
        }
        Integer[] byName = new Integer[areaTable.length];
        Arrays.setAll(byName, i -> i);
        Arrays.sort(byName, (x, y) -> areaTable[x].compareTo(areaTable[y]));
        this.areaRank = new int[areaTable.length];
        for (int r = 0; r < byName.length; r++) {
            areaRank[byName[r]] = r;
        }
        // the builder's arrays are kept unless much of them is unused: a copy of a city's tables
        // would stay in the heap, beside them, until the next full collection
        this.areaOf = fitted(b.areaOf, size);
        this.householdIds = b.households;
        this.householdOf = fitted(b.householdOf, size);
        int households = householdIds.size();
        this.householdStart = new int[households + 1];
        for (int i = 0; i < size; i++) {
            if (householdOf[i] >= 0) {
                householdStart[householdOf[i] + 1]++;
            }
        }
        for (int h = 0; h < households; h++) {
            householdStart[h + 1] += householdStart[h];
        }
        this.householdMembers = new int[householdStart[households]];
        int[] fill = Arrays.copyOf(householdStart, households);
        for (int i = 0; i < size; i++) {
            if (householdOf[i] >= 0) {
                householdMembers[fill[householdOf[i]]++] = i;
            }
        }
        this.text = mostlyUnused(b.text.length, b.textSize) ? Arrays.copyOf(b.text, b.textSize) : b.text;
        this.textStart = fitted(b.textStart, size * 2 + 1);
    }

    private static int[] fitted(int[] a, int used) {
        return mostlyUnused(a.length, used) ? Arrays.copyOf(a, used) : a;
    }

    /** Whether more than an eighth of a table is unused: worth a copy to its size. */
    private static boolean mostlyUnused(int length, int used) {
        return used < length - length / 8;
    }

    /** A registry of the given persons (ids must be unique). */
    public static PersonRegistry of(Collection<Person> persons) {
        Builder b = builder();
        for (Person p : persons) {
            if (!b.add(p.id(), p.name(), p.phone(), p.area(), p.householdId())) {
                throw new IllegalArgumentException("person " + p.id() + " is registered twice");
            }
        }
        return b.build();
    }

    /** The registry of a run without persons.csv. */
    public static PersonRegistry none() {
        Builder b = new Builder();
        b.given = false;
        return b.build();
    }

    /** A builder that takes persons one at a time, as a file is read. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether persons.csv was given at all (only then is an unknown id worth a warning). */
    public boolean isGiven() {
        return given;
    }

    /** The person with this id, if registered. */
    public Optional<Person> find(String id) {
        int i = indexOf(id);
        return i < 0 ? Optional.empty() : Optional.of(person(i));
    }

    /** The person with this id, or an unregistered person with empty name and areas. */
    public Person get(String id) {
        int i = indexOf(id);
        return i < 0 ? Person.unregistered(id) : person(i);
    }

    /** The person at a registry position ({@link #indexOf}), without looking the id up again. */
    public Person at(int index) {
        return person(index);
    }

    /** The rank of the area of the person at a registry position among {@link #areas()}, from 0. */
    public int areaRankAt(int index) {
        return areaRank[areaOf[index]];
    }

    /** Whether this id is registered. */
    public boolean contains(String id) {
        return indexOf(id) >= 0;
    }

    /**
     * Whether the bytes {@code b[s, e)} (UTF-8) are a registered id, for readers that check
     * every row of a large file ({@link IdIndex#mayContain}: exact for ids of up to 8 bytes;
     * a longer id is taken as registered when its key word (a 56-bit hash) and length match one, which
     * two different ids do about once in 2^56 lookups; this serves the unknown-person warning,
     * not tracing).
     */
    public boolean containsAscii(byte[] b, int s, int e) {
        return ids.mayContain(IdIndex.key(b, s, e), e - s);
    }

    /**
     * Whether each of {@code n} ids, given by {@link IdIndex#key} and byte length, is
     * registered: {@link #containsAscii} for a batch. The lookups do not depend on one
     * another, so the processor can wait for several of their cache misses at once instead of
     * one after the other.
     */
    public void containAll(long[] keys, int[] lengths, int n, boolean[] known) {
        ids.mayContainAll(keys, lengths, n, known);
    }

    /**
     * {@link #indexOf(long, byte[], int, int)} for a batch of {@code n} ids spelt in one
     * buffer, into {@code positions}; as with {@link #containAll}, the slots are read together
     * first.
     */
    public void indexAll(long[] keys, byte[] b, int[] from, int[] to, int n, int[] positions) {
        ids.prefetch(keys, n);
        for (int i = 0; i < n; i++) {
            positions[i] = ids.find(keys[i], b, from[i], to[i]);
        }
    }

    /**
     * The positions of many ids ({@link #indexOf}: −1 for an id not registered), found on all
     * cores and {@value #LOOKUPS} at a time, the slots of a batch read together first (a list
     * of a million persons, a quarantine.csv of a million rows).
     */
    public int[] indexesOf(List<String> personIds) {
        int n = personIds.size();
        int[] positions = new int[n];
        IntStream.range(0, (n + LOOKUPS - 1) / LOOKUPS).parallel().forEach(batch -> {
            int from = batch * LOOKUPS;
            int m = Math.min(LOOKUPS, n - from);
            long[] keys = new long[m];
            byte[][] utf8 = new byte[m][];
            for (int i = 0; i < m; i++) {
                utf8[i] = personIds.get(from + i).getBytes(StandardCharsets.UTF_8);
                keys[i] = IdIndex.key(utf8[i], 0, utf8[i].length);
            }
            ids.prefetch(keys, m);
            for (int i = 0; i < m; i++) {
                positions[from + i] = ids.find(keys[i], utf8[i], 0, utf8[i].length);
            }
        });
        return positions;
    }

    private static final int LOOKUPS = 64;

    /** The position of a registered id (0 to size − 1), or −1. */
    public int indexOf(String id) {
        return ids.find(id);
    }

    /**
     * The position of the id spelt by bytes {@code b[s, e)} (UTF-8), given their
     * {@link IdIndex#key}, or −1: {@link #indexOf} without making a String.
     */
    public int indexOf(long key, byte[] b, int s, int e) {
        return ids.find(key, b, s, e);
    }

    /**
     * The registry positions of the household members of the person at a position, other
     * than the person: {@link #housemates(String)} without id lookups, for tracing.
     */
    public int[] housemates(int index) {
        int h = householdOf[index];
        if (h < 0) {
            return new int[0];
        }
        int[] mates = new int[householdStart[h + 1] - householdStart[h] - 1];
        int n = 0;
        for (int k = householdStart[h]; k < householdStart[h + 1]; k++) {
            if (householdMembers[k] != index) {
                mates[n++] = householdMembers[k];
            }
        }
        return mates;
    }

    /** The id at a position. */
    public String idAt(int index) {
        return ids.id(index);
    }

    /** The area of the person at a registry position (one instance per area, shared by its persons). */
    public Area areaAt(int index) {
        return areaTable[areaOf[index]];
    }

    /** The area of a person, or {@link Area#UNKNOWN} when not registered. */
    public Area areaOf(String id) {
        int i = indexOf(id);
        return i < 0 ? Area.UNKNOWN : areaTable[areaOf[i]];
    }

    /** The household members of a person other than the person. */
    public List<String> housemates(String personId) {
        int i = indexOf(personId);
        if (i < 0) {
            return List.of();
        }
        int[] mates = housemates(i);
        String[] ids = new String[mates.length];
        for (int k = 0; k < mates.length; k++) {
            ids[k] = this.ids.id(mates[k]);
        }
        return List.of(ids);
    }

    /** Every registered person, made on demand, in file order. */
    public Collection<Person> all() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<Person> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Person next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        return person(next++);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** The distinct areas of the registered persons, sorted. */
    public SortedSet<Area> areas() {
        // the area table holds each area once, and only areas some person lives in
        return Collections.unmodifiableSortedSet(new TreeSet<>(Arrays.asList(areaTable)));
    }

    /** The number of registered persons. */
    public int size() {
        return size;
    }

    private Person person(int i) {
        String name = new String(text, textStart[2 * i], textStart[2 * i + 1] - textStart[2 * i], StandardCharsets.UTF_8);
        String phone = new String(text, textStart[2 * i + 1], textStart[2 * i + 2] - textStart[2 * i + 1],
                StandardCharsets.UTF_8);
        String household = householdOf[i] < 0 ? "" : householdIds.fresh(householdOf[i]);
        return new Person(ids.id(i), name, phone, areaTable[areaOf[i]], household);
    }

    /** Takes persons one at a time; {@link #add} refuses a second person with the same id. */
    public static final class Builder {
        private boolean given = true;
        private boolean built;
        private int expected;
        private int size;
        private IdIndex ids = new IdIndex(64);
        private Area lastArea;
        private int lastAreaIndex;
        /** The household id of the person added last, as UTF-8 bytes (from index 0). */
        private byte[] lastHousehold = new byte[16];
        /** Its length; 0 when that person had none. */
        private int lastHouseholdLength;
        private int lastHouseholdIndex;
        private final Map<Area, Integer> areas = new HashMap<>();
        private int[] areaOf = new int[64];
        private IdIndex households = new IdIndex(64);
        private int[] householdOf = new int[64];
        private byte[] text = new byte[1024];
        private int textSize;
        private int[] textStart = new int[129];

        private Builder() {
        }

        /**
         * Makes room for about this many persons in all, when a reader can tell early (the
         * tables of a city then grow once instead of twenty times).
         */
        public void expect(int persons) {
            if (size == 0 && persons > areaOf.length) {
                ids = new IdIndex(persons);
                areaOf = new int[persons];
                householdOf = new int[persons];
                textStart = new int[2 * persons + 1];
                expected = persons;
            }
        }

        /** Adds a person; false (and nothing added) when the id is already registered. */
        public boolean add(String id, String name, String phone, Area area, String householdId) {
            int i = add(id, area, householdId);
            if (i < 0) {
                return false;
            }
            append(2 * i, name);
            append(2 * i + 1, phone);
            return true;
        }

        /**
         * {@link #add(String, String, String, Area, String)} with the id, the name, the phone and
         * the household id given as UTF-8 bytes {@code text[idFrom, idTo)},
         * {@code text[nameFrom, nameTo)}, {@code text[phoneFrom, phoneTo)} and
         * {@code text[householdFrom, householdTo)}, for a reader that has them so (the registry
         * keeps the bytes; it makes an id's String only when asked for it).
         */
        public boolean add(byte[] text, int idFrom, int idTo, int nameFrom, int nameTo, int phoneFrom, int phoneTo,
                           Area area, int householdFrom, int householdTo) {
            requireNotBuilt();
            if (ids.add(text, idFrom, idTo) < 0) {
                return false;
            }
            int i = place(area, text, householdFrom, householdTo);
            append(2 * i, text, nameFrom, nameTo);
            append(2 * i + 1, text, phoneFrom, phoneTo);
            return true;
        }

        /** Adds the id, area and household; the person's position, or −1 for a duplicate id. */
        private int add(String id, Area area, String householdId) {
            requireNotBuilt();
            if (ids.add(id) < 0) {
                return -1;
            }
            byte[] utf8 = householdId.getBytes(StandardCharsets.UTF_8);
            return place(area, utf8, 0, utf8.length);
        }

        /** The area and household of the person just numbered by the id index; its position. */
        private int place(Area area, byte[] b, int householdFrom, int householdTo) {
            if (size == areaOf.length) {
                grow();
            }
            int i = size++;
            // neighbours in a file share areas and households: the same object needs no lookup
            if (area != lastArea) {
                lastAreaIndex = areas.computeIfAbsent(area, k -> areas.size());
                lastArea = area;
            }
            areaOf[i] = lastAreaIndex;
            int n = householdTo - householdFrom;
            if (n == 0) {
                householdOf[i] = -1;
            } else {
                if (n != lastHouseholdLength
                        || !Arrays.equals(lastHousehold, 0, n, b, householdFrom, householdTo)) {
                    if (households.size() == 0 && expected / 2 > 64) {
                        // sized for the city when its first household comes: the column is optional
                        households = new IdIndex(expected / 2);
                    }
                    int h = households.add(b, householdFrom, householdTo);
                    lastHouseholdIndex = h >= 0 ? h : -h - 1;
                    if (lastHousehold.length < n) {
                        lastHousehold = new byte[2 * n];
                    }
                    System.arraycopy(b, householdFrom, lastHousehold, 0, n);
                    lastHouseholdLength = n;
                }
                householdOf[i] = lastHouseholdIndex;
            }
            return i;
        }

        /**
         * Readies the tables for the next persons to be added, given the {@link IdIndex#key}s
         * of their ids and household ids: a city's tables are far larger than the processor's
         * caches, and an addition waits for memory twice, for its id and for its household.
         */
        public void prefetch(long[] idKeys, long[] householdKeys, int n) {
            ids.prefetch(idKeys, n);
            households.prefetch(householdKeys, n);
        }

        /** Whether a person with this id was added. */
        public boolean contains(String id) {
            return ids.find(id) >= 0;
        }

        /** The registry; the builder is then spent (the registry shares its tables). */
        public PersonRegistry build() {
            requireNotBuilt();
            PersonRegistry registry = new PersonRegistry(this);
            built = true;
            return registry;
        }

        private void requireNotBuilt() {
            if (built) {
                throw new IllegalStateException("the registry is built: make another builder");
            }
        }

        private void append(int field, String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            append(field, bytes, 0, bytes.length);
        }

        private void append(int field, byte[] bytes, int from, int to) {
            int n = to - from;
            if (textSize + n > text.length) {
                long room = Math.max(2L * text.length, textSize + n);
                if (size >= 1024 && expected > size) {
                    // the names and phones of everyone expected, at the length so far and a little over:
                    // one copy instead of one per doubling, and little left unused
                    room = Math.max(textSize + n + text.length / 4L,
                            (long) ((double) textSize / size * expected * 1.0625));
                }
                text = Arrays.copyOf(text, (int) Math.min(Integer.MAX_VALUE - 16, room));
            }
            System.arraycopy(bytes, from, text, textSize, n);
            textStart[field] = textSize;
            textSize += n;
            textStart[field + 1] = textSize;
        }

        private void grow() {
            int n = areaOf.length * 2;
            areaOf = Arrays.copyOf(areaOf, n);
            householdOf = Arrays.copyOf(householdOf, n);
            textStart = Arrays.copyOf(textStart, 2 * n + 1);
        }
    }
}
