package org.ctrace.io;

import java.util.Arrays;
import java.util.Collection;

/**
 * A set of person ids that answers for ASCII bytes without making a String (the ids of a
 * tier's sources, looked up twice per contact event). Open addressing on
 * {@link String#hashCode}, which ASCII bytes give without decoding; each slot keeps the
 * hash beside the id's index, so a probe that misses does not touch the id.
 */
final class IdTable {

    private static final long FREE = -1L;

    private final String[] ids;
    private final long[] slots;
    private final int mask;

    IdTable(Collection<String> given) {
        ids = given.stream().distinct().toArray(String[]::new);
        int n = Integer.highestOneBit(Math.max(4, ids.length * 2)) << 1;
        slots = new long[n];
        Arrays.fill(slots, FREE);
        mask = n - 1;
        for (int i = 0; i < ids.length; i++) {
            int h = ids[i].hashCode();
            int slot = mix(h) & mask;
            while (slots[slot] != FREE) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = ((long) h << 32) | i;
        }
    }

    /** Whether the ASCII bytes {@code [s, e)} are one of the ids. */
    boolean contains(byte[] b, int s, int e) {
        int h = FastFields.hash(b, s, e);
        for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if (entry == FREE) {
                return false;
            }
            if ((int) (entry >>> 32) == h && FastFields.equal(b, s, e, ids[(int) entry])) {
                return true;
            }
        }
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
