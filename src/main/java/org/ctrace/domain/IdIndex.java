package org.ctrace.domain;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;

/**
 * Person ids numbered 0, 1, 2… in the order added, found by their String or by their UTF-8
 * bytes, so that a reader of millions of rows looks ids up without making Strings.
 *
 * <p>Open addressing in two arrays: the ids' key words, and beside them their numbers. An id of up to 8 bytes is its own key word (its bytes packed), so one probe
 * compares the whole id; a longer id's key word is a 56-bit hash of its bytes (and length)
 * under a top byte of 0xFF, and a lookup confirms the id itself. Whether an id is here ({@link #mayContain}, asked for
 * every id of a city's contacts) reads only the key words, half the memory of the whole
 * table, so more of them stay in the processor's cache: the length of a packed id is the
 * position of its last non-zero byte, unless some id here ends in a NUL byte.
 */
public final class IdIndex {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long FREE = -1L;
    /** The top byte of a longer id's key word. */
    private static final long HASHED = 0xFFL << 56;
    /** Ids of up to this many bytes are their own key word. */
    private static final int PACKED = 8;

    /** The ids' UTF-8 bytes one after another: id n is {@code pool[starts[n], starts[n + 1])}. */
    private byte[] pool;
    private int[] starts;
    /**
     * Ids as Strings, each made the first time it is asked for: a city's registry has
     * millions of ids and a run asks for few of them. Readers on several threads may make
     * the same String twice; Strings are immutable, so either is the id.
     */
    private String[] strings;
    private int size;
    private long[] keys;
    /** The number of the id in each slot of {@link #keys}. */
    private int[] numbers;
    /** Whether an id of up to 8 bytes ends in a NUL byte: its length is then not in its key word. */
    private boolean nulEnded;
    private int shift;

    /** An empty index with room for about {@code expected} ids before it grows. */
    public IdIndex(int expected) {
        strings = new String[Math.max(8, expected)];
        starts = new int[strings.length + 1];
        pool = new byte[8 * strings.length];
        int capacity = Integer.highestOneBit(Math.max(8, expected) * 2 - 1) << 1;
        keys = newSlots(capacity);
        numbers = new int[capacity];
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    /** The distinct ids of a collection, numbered in its order. */
    public static IdIndex of(Collection<String> ids) {
        IdIndex index = new IdIndex(ids.size());
        for (String id : ids) {
            index.add(id);
        }
        return index;
    }

    /** The key word of the id spelt by bytes {@code b[s, e)} (its UTF-8 bytes). */
    public static long key(byte[] b, int s, int e) {
        int n = e - s;
        if (n <= PACKED) {
            return tail(b, s, e);
        }
        long h = 0x9E3779B97F4A7C15L ^ n;
        int p = s;
        for (; e - p > PACKED; p += PACKED) {
            h = step(h ^ (long) LONGS.get(b, p));
        }
        // a top byte of 0xFF, which no UTF-8 text has, so that no packed id shares a hash's key
        // word; FREE (all bits set) marks an empty slot
        h = step(h ^ tail(b, p, e)) | HASHED;
        return h == FREE ? FREE - 1 : h;
    }

    /** The key word of an id. */
    public static long key(String id) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        return key(b, 0, b.length);
    }

    /** Up to 8 bytes packed little-endian into a long, zeros above them. */
    private static long tail(byte[] b, int s, int e) {
        int n = e - s;
        if (n == PACKED) {
            return (long) LONGS.get(b, s);
        }
        if (s + PACKED <= b.length) {
            // one read; the bytes past the id are masked off
            return (long) LONGS.get(b, s) & ((1L << (n << 3)) - 1);
        }
        long w = 0;
        for (int i = e - 1; i >= s; i--) {
            w = (w << 8) | (b[i] & 0xFF);
        }
        return w;
    }

    private static long step(long h) {
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 32);
    }

    private int home(long key) {
        long h = key ^ (key >>> 29);
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 32;
        h *= 0x9E3779B97F4A7C15L;
        return (int) (h >>> shift);
    }

    /**
     * Adds an id as number {@link #size()}.
     *
     * @return the new number, or −(the number it already has) − 1
     */
    public int add(String id) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        int number = add(b, 0, b.length);
        if (number >= 0) {
            // the caller holds it already: the same String, not a copy, when it is asked for
            strings[number] = id;
        }
        return number;
    }

    /**
     * {@link #add(String)} for the id spelt by the UTF-8 bytes {@code b[s, e)}, for a reader
     * that has them so (no String is made).
     */
    public int add(byte[] b, int s, int e) {
        long key = key(b, s, e);
        if (key == FREE) {
            // eight 0xFF bytes, the mark of an empty slot: never the UTF-8 of an id
            throw new IllegalArgumentException("not UTF-8: eight 0xFF bytes");
        }
        int found = find(key, b, s, e);
        if (found >= 0) {
            return -found - 1;
        }
        int n = e - s;
        if (size == strings.length) {
            strings = Arrays.copyOf(strings, size * 2);
            starts = Arrays.copyOf(starts, size * 2 + 1);
        }
        int from = starts[size];
        if ((long) from + n > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("more than 2 GB of ids");
        }
        if (from + n > pool.length) {
            pool = Arrays.copyOf(pool, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(2L * pool.length, from + n)));
        }
        System.arraycopy(b, s, pool, from, n);
        int number = size++;
        starts[size] = from + n;
        place(keys, numbers, key, number);
        nulEnded |= n > 0 && n <= PACKED && b[e - 1] == 0;
        if (size * 2 > keys.length) {
            grow();
        }
        return number;
    }

    /** The number of an id, or −1. */
    public int find(String id) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        return find(key(b, 0, b.length), b, 0, b.length);
    }

    /** The number of the id spelt by bytes {@code b[s, e)}, or −1. */
    public int find(byte[] b, int s, int e) {
        return find(key(b, s, e), b, s, e);
    }

    /** {@link #find(byte[], int, int)} given the bytes' {@link #key}. */
    public int find(long key, byte[] b, int s, int e) {
        int n = e - s;
        int mask = keys.length - 1;
        for (int slot = home(key); ; slot = (slot + 1) & mask) {
            long k = keys[slot];
            if (k == FREE) {
                return -1;
            }
            if (k == key) {
                int number = numbers[slot];
                // a packed id's key word is the id, its length too unless an id ends in NUL bytes
                if (n <= PACKED && !nulEnded ? n == PACKED - Long.numberOfLeadingZeros(key) / 8
                        : spells(number, b, s, e)) {
                    return number;
                }
            }
        }
    }

    /**
     * Whether an id with this key word and length of bytes may be here: exact for ids of up
     * to 8 bytes; for longer ids, two ids share a key word about once in 2^56, so this serves
     * warnings, never tracing.
     */
    public boolean mayContain(long key, int length) {
        boolean lengthInKey = length <= PACKED && !nulEnded;
        int mask = keys.length - 1;
        for (int slot = home(key); ; slot = (slot + 1) & mask) {
            long k = keys[slot];
            if (k == FREE) {
                return false;
            }
            if (k == key) {
                if (lengthInKey) {
                    // one packed id has this key word: the one as long as its non-zero bytes
                    return length == PACKED - Long.numberOfLeadingZeros(key) / 8;
                }
                int number = numbers[slot];
                if (starts[number + 1] - starts[number] == length) {
                    return true;
                }
            }
        }
    }

    /**
     * {@link #mayContain} for a batch, into {@code known}. The slots are first read in a loop
     * that does nothing else, so that the processor waits for many of their cache misses at
     * once (the probes of a large index are cache misses: one after another they would each
     * cost a trip to memory); the probes that follow then find them in the cache.
     */
    public void mayContainAll(long[] keys, int[] lengths, int n, boolean[] known) {
        long touched = 0;
        for (int i = 0; i < n; i++) {
            touched += this.keys[home(keys[i])];
        }
        keep(touched);
        for (int i = 0; i < n; i++) {
            known[i] = mayContain(keys[i], lengths[i]);
        }
    }

    /**
     * Reads the first slots, key words and numbers, that additions (or lookups) of the first
     * {@code n} key words will use, in a loop that does nothing else, so that their cache
     * misses are waited for together (see {@link #mayContainAll}). An addition writes its
     * number: reading the key words alone left half the misses (a city's registry: 0.67-0.70 s
     * with them, 0.50-0.53 s without).
     */
    public void prefetch(long[] keys, int n) {
        long touched = 0;
        for (int i = 0; i < n; i++) {
            int slot = home(keys[i]);
            touched += this.keys[slot] + numbers[slot];
        }
        keep(touched);
    }

    /** Uses the sum of a loop's reads, so that the compiler keeps them. */
    private static void keep(long touched) {
        // a field would do the same but be written by every reader thread, bouncing its cache line
        // between cores
        if (touched == 0x5EED5EED5EEDL) {
            Thread.onSpinWait();
        }
    }

    /** The id numbered {@code number}. */
    public String id(int number) {
        if (number < 0 || number >= size) {
            throw new IndexOutOfBoundsException(number);
        }
        String id = strings[number];
        if (id == null) {
            id = new String(pool, starts[number], starts[number + 1] - starts[number], StandardCharsets.UTF_8);
            strings[number] = id;
        }
        return id;
    }

    /**
     * The id numbered {@code number} as a String that is not kept, for an id asked for once
     * in a while (a household's, each time one of its persons is printed): kept, the Strings
     * of a city's households would stay in the heap to the end of the run.
     */
    public String fresh(int number) {
        if (number < 0 || number >= size) {
            throw new IndexOutOfBoundsException(number);
        }
        String id = strings[number];
        return id != null ? id
                : new String(pool, starts[number], starts[number + 1] - starts[number], StandardCharsets.UTF_8);
    }

    /** How many ids there are. */
    public int size() {
        return size;
    }

    private boolean spells(int number, byte[] b, int s, int e) {
        return Arrays.equals(pool, starts[number], starts[number + 1], b, s, e);
    }

    private void place(long[] intoKeys, int[] intoNumbers, long key, int number) {
        int mask = intoKeys.length - 1;
        int slot = home(key);
        while (intoKeys[slot] != FREE) {
            slot = (slot + 1) & mask;
        }
        intoKeys[slot] = key;
        intoNumbers[slot] = number;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldNumbers = numbers;
        keys = newSlots(oldKeys.length * 2);
        numbers = new int[oldKeys.length * 2];
        shift--;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                place(keys, numbers, oldKeys[i], oldNumbers[i]);
            }
        }
    }

    private static long[] newSlots(int capacity) {
        long[] s = new long[capacity];
        Arrays.fill(s, FREE);
        return s;
    }
}
