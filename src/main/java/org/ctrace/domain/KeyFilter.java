package org.ctrace.domain;

import java.util.Collection;

/**
 * A bitset over the {@link IdIndex#key key words} of a set of ids that answers "certainly
 * not in the set" for most ids outside it, with one read of a small array and one branch
 * that goes the same way nearly every time. Put in front of an {@link IdIndex} whose lookups
 * usually miss (a tier's sources, looked up twice for each of a city's events): a probe of
 * the index itself costs a few hashing steps and branches that go either way.
 *
 * <p>About 64 bits per id (at most 2 MiB), so an id outside the set passes the filter about
 * once in 64; the lookup behind it then decides.
 */
public final class KeyFilter {

    private static final int MAX_BITS = 1 << 24;

    private final long[] bits;
    private final int shift;

    private KeyFilter(int size) {
        int n = Math.min(MAX_BITS, Integer.highestOneBit(Math.max(64, size * 64 - 1)) << 1);
        this.bits = new long[n >>> 6];
        this.shift = 64 - Integer.numberOfTrailingZeros(n);
    }

    /** The filter of these ids. */
    public static KeyFilter of(Collection<String> ids) {
        KeyFilter f = new KeyFilter(ids.size());
        for (String id : ids) {
            int bit = f.bit(IdIndex.key(id));
            f.bits[bit >>> 6] |= 1L << bit;
        }
        return f;
    }

    /** False when no id of the set has this key word; true when one may. */
    public boolean mayContain(long key) {
        int bit = bit(key);
        return (bits[bit >>> 6] & (1L << bit)) != 0;
    }

    private int bit(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }
}
