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

/**
 * The person registry (persons.csv) indexed by id and by household. A run without
 * persons.csv has an empty registry: every person is then {@link Person#unregistered}.
 *
 * <p>Stored column-wise so that a city's registry fits in little memory: ids in an
 * open-addressing table that keeps each id's hash beside its index (a probe that misses
 * never touches the id), areas and households as indexes into shared tables, names and
 * phones in one UTF-8 byte pool. {@link Person} records are made on demand. About 120 bytes
 * per person; lookups O(1).
 */
public final class PersonRegistry {

    private final boolean given;
    private final int size;
    private final String[] ids;
    private final long[] table;
    private final long[] fingerprints;
    private final Area[] areaTable;
    private final int[] areaOf;
    private final String[] householdIds;
    private final int[] householdOf;
    private final int[] householdStart;
    private final int[] householdMembers;
    private final byte[] text;
    private final int[] textStart;

    private PersonRegistry(Builder b) {
        this.given = b.given;
        this.size = b.size;
        this.ids = Arrays.copyOf(b.ids, size);
        this.table = b.table;
        this.fingerprints = new long[Integer.highestOneBit(Math.max(2, size) * 2) * 2];
        for (int i = 0; i < size; i++) {
            long f = fingerprint(ids[i]);
            int mask = fingerprints.length - 1;
            int slot = (int) f & mask;
            while (fingerprints[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            fingerprints[slot] = f;
        }
        this.areaTable = b.areas.keySet().toArray(new Area[0]);
        for (Map.Entry<Area, Integer> e : b.areas.entrySet()) {
            areaTable[e.getValue()] = e.getKey();
        }
        this.areaOf = Arrays.copyOf(b.areaOf, size);
        this.householdIds = new String[b.households.size()];
        b.households.forEach((h, i) -> householdIds[i] = h);
        this.householdOf = Arrays.copyOf(b.householdOf, size);
        this.householdStart = new int[householdIds.length + 1];
        for (int i = 0; i < size; i++) {
            if (householdOf[i] >= 0) {
                householdStart[householdOf[i] + 1]++;
            }
        }
        for (int h = 0; h < householdIds.length; h++) {
            householdStart[h + 1] += householdStart[h];
        }
        this.householdMembers = new int[householdStart[householdIds.length]];
        int[] fill = Arrays.copyOf(householdStart, householdIds.length);
        for (int i = 0; i < size; i++) {
            if (householdOf[i] >= 0) {
                householdMembers[fill[householdOf[i]]++] = i;
            }
        }
        this.text = Arrays.copyOf(b.text, b.textSize);
        this.textStart = Arrays.copyOf(b.textStart, size * 2 + 1);
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

    /** Whether this id is registered. */
    public boolean contains(String id) {
        return indexOf(id) >= 0;
    }

    /**
     * Whether the ASCII characters {@code b[s, e)} are a registered id, for readers that
     * check every row of a large file: one probe of a table of 64-bit fingerprints, without
     * making a String or reading the ids. Two different ids share a fingerprint about once in
     * 2^64 lookups; this serves the unknown-person warning, not tracing.
     */
    public boolean containsAscii(byte[] b, int s, int e) {
        return hasFingerprint(fingerprintAscii(b, s, e));
    }

    /** The fingerprint of an id spelt by ASCII bytes, for {@link #hasFingerprints}. */
    public static long fingerprintAscii(byte[] b, int s, int e) {
        long f = OFFSET;
        for (int p = s; p < e; p++) {
            f = (f ^ (b[p] & 0xFF)) * PRIME;
        }
        return finish(f);
    }

    /**
     * Whether each of {@code n} fingerprints belongs to a registered id: {@link #containsAscii}
     * for a batch. The lookups do not depend on one another, so the processor can wait for
     * several of their cache misses at once instead of one after the other.
     */
    public void hasFingerprints(long[] fingerprint, int n, boolean[] known) {
        for (int i = 0; i < n; i++) {
            known[i] = hasFingerprint(fingerprint[i]);
        }
    }

    private boolean hasFingerprint(long f) {
        int mask = fingerprints.length - 1;
        for (int slot = (int) f & mask; ; slot = (slot + 1) & mask) {
            long there = fingerprints[slot];
            if (there == f) {
                return true;
            }
            if (there == 0) {
                return false;
            }
        }
    }

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    /** FNV-1a over the id's UTF-8 bytes, mixed (never 0, which marks a free slot). */
    private static long fingerprint(String id) {
        long f = OFFSET;
        for (byte c : id.getBytes(StandardCharsets.UTF_8)) {
            f = (f ^ (c & 0xFF)) * PRIME;
        }
        return finish(f);
    }

    private static long finish(long f) {
        f ^= f >>> 33;
        f *= 0xff51afd7ed558ccdL;
        f ^= f >>> 33;
        return f == 0 ? 1 : f;
    }

    /** The position of a registered id (0 to size − 1), or −1. */
    public int indexOf(String id) {
        return size == 0 ? -1 : Math.max(-1, find(table, ids, id));
    }

    /**
     * The position of the id spelt by ASCII bytes {@code b[s, e)}, or −1: {@link #indexOf}
     * without making a String.
     */
    public int indexOfAscii(byte[] b, int s, int e) {
        if (size == 0) {
            return -1;
        }
        int h = 0;
        for (int p = s; p < e; p++) {
            h = 31 * h + b[p];
        }
        int mask = table.length - 1;
        for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
            long entry = table[slot];
            if (entry == FREE) {
                return -1;
            }
            if ((int) (entry >>> 32) == h) {
                String id = ids[(int) entry];
                if (id.length() == e - s) {
                    int k = 0;
                    while (k < e - s && id.charAt(k) == b[s + k]) {
                        k++;
                    }
                    if (k == e - s) {
                        return (int) entry;
                    }
                }
            }
        }
    }

    /** The id at a position. */
    public String idAt(int index) {
        return ids[index];
    }

    /** The area of a person, or {@link Area#UNKNOWN} when not registered. */
    public Area areaOf(String id) {
        int i = indexOf(id);
        return i < 0 ? Area.UNKNOWN : areaTable[areaOf[i]];
    }

    /** The household members of a person other than the person. */
    public List<String> housemates(String personId) {
        int i = indexOf(personId);
        if (i < 0 || householdOf[i] < 0) {
            return List.of();
        }
        int h = householdOf[i];
        String[] mates = new String[householdStart[h + 1] - householdStart[h] - 1];
        int n = 0;
        for (int k = householdStart[h]; k < householdStart[h + 1]; k++) {
            if (householdMembers[k] != i) {
                mates[n++] = ids[householdMembers[k]];
            }
        }
        return List.of(mates);
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
        TreeSet<Area> areas = new TreeSet<>();
        for (int i = 0; i < size; i++) {
            areas.add(areaTable[areaOf[i]]);
        }
        return Collections.unmodifiableSortedSet(areas);
    }

    /** The number of registered persons. */
    public int size() {
        return size;
    }

    private Person person(int i) {
        String name = new String(text, textStart[2 * i], textStart[2 * i + 1] - textStart[2 * i], StandardCharsets.UTF_8);
        String phone = new String(text, textStart[2 * i + 1], textStart[2 * i + 2] - textStart[2 * i + 1],
                StandardCharsets.UTF_8);
        String household = householdOf[i] < 0 ? "" : householdIds[householdOf[i]];
        return new Person(ids[i], name, phone, areaTable[areaOf[i]], household);
    }

    /** The index of an id in a table of (hash, index) entries, or −(free slot) − 1. */
    private static int find(long[] table, String[] ids, String id) {
        int h = id.hashCode();
        int mask = table.length - 1;
        for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
            long entry = table[slot];
            if (entry == FREE) {
                return -slot - 1;
            }
            if ((int) (entry >>> 32) == h && ids[(int) entry].equals(id)) {
                return (int) entry;
            }
        }
    }

    private static final long FREE = -1L;

    private static long entry(int hash, int index) {
        return ((long) hash << 32) | (index & 0xFFFFFFFFL);
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** Takes persons one at a time; {@link #add} refuses a second person with the same id. */
    public static final class Builder {
        private boolean given = true;
        private int size;
        private String[] ids = new String[64];
        private long[] table = newTable(128);
        private String lastId;
        private int lastFound;
        private final Map<Area, Integer> areas = new HashMap<>();
        private int[] areaOf = new int[64];
        private final Map<String, Integer> households = new HashMap<>();
        private int[] householdOf = new int[64];
        private byte[] text = new byte[1024];
        private int textSize;
        private int[] textStart = new int[129];

        private Builder() {
        }

        /** Adds a person; false (and nothing added) when the id is already registered. */
        public boolean add(String id, String name, String phone, Area area, String householdId) {
            int found = id.equals(lastId) ? lastFound : find(table, ids, id);
            lastId = null;
            if (found >= 0) {
                return false;
            }
            if (size == ids.length) {
                grow();
            }
            int i = size++;
            ids[i] = id;
            table[-found - 1] = entry(id.hashCode(), i);
            areaOf[i] = areas.computeIfAbsent(area, k -> areas.size());
            householdOf[i] = householdId.isEmpty() ? -1
                    : households.computeIfAbsent(householdId, h -> households.size());
            append(2 * i, name);
            append(2 * i + 1, phone);
            if (size * 2 > table.length) {
                rehash();
            }
            return true;
        }

        /** Whether a person with this id was added. */
        public boolean contains(String id) {
            // remembered: a reader asks before it adds the same id
            lastId = id;
            lastFound = find(table, ids, id);
            return lastFound >= 0;
        }

        /** The registry. */
        public PersonRegistry build() {
            if (size == 0) {
                table = newTable(2);
            }
            return new PersonRegistry(this);
        }

        private void append(int field, String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            if (textSize + bytes.length > text.length) {
                text = Arrays.copyOf(text, Math.max(text.length * 2, textSize + bytes.length));
            }
            System.arraycopy(bytes, 0, text, textSize, bytes.length);
            textStart[field] = textSize;
            textSize += bytes.length;
            textStart[field + 1] = textSize;
        }

        private void grow() {
            int n = ids.length * 2;
            ids = Arrays.copyOf(ids, n);
            areaOf = Arrays.copyOf(areaOf, n);
            householdOf = Arrays.copyOf(householdOf, n);
            textStart = Arrays.copyOf(textStart, 2 * n + 1);
        }

        private void rehash() {
            table = newTable(table.length * 2);
            int mask = table.length - 1;
            for (int i = 0; i < size; i++) {
                int h = ids[i].hashCode();
                int slot = mix(h) & mask;
                while (table[slot] != FREE) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = entry(h, i);
            }
        }

        private static long[] newTable(int n) {
            long[] t = new long[n];
            Arrays.fill(t, FREE);
            return t;
        }
    }
}
