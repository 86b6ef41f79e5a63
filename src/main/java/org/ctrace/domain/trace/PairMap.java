package org.ctrace.domain.trace;

import java.util.Arrays;

/**
 * The tallies of the (source, person) pairs of a pass, keyed by {@link PersonKeys#pair}:
 * open addressing on primitive keys, since a dense city trace holds millions of pairs and
 * boxed or record keys would cost several times the memory and time.
 */
final class PairMap {

    private static final long FREE = Long.MIN_VALUE;

    private long[] keys = newKeys(1024);
    private PairTally[] tallies = new PairTally[1024];
    private int size;

    /** The tally of a pair, made by the rule when the pair is new. */
    PairTally tally(long pair, CloseContactRule rule) {
        int mask = keys.length - 1;
        int slot = slot(pair, mask);
        while (true) {
            long k = keys[slot];
            if (k == pair) {
                return tallies[slot];
            }
            if (k == FREE) {
                PairTally t = rule.newTally();
                keys[slot] = pair;
                tallies[slot] = t;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return t;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Adds another map's tallies (another part of the same pass). */
    void addAll(PairMap other) {
        for (int i = 0; i < other.keys.length; i++) {
            long pair = other.keys[i];
            if (pair != FREE) {
                put(pair, other.tallies[i]);
            }
        }
    }

    private void put(long pair, PairTally tally) {
        int mask = keys.length - 1;
        int slot = slot(pair, mask);
        while (true) {
            long k = keys[slot];
            if (k == pair) {
                tallies[slot].addAll(tally);
                return;
            }
            if (k == FREE) {
                keys[slot] = pair;
                tallies[slot] = tally;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    /** The pairs, in no particular order (every entry once). */
    long[] pairs() {
        long[] out = new long[size];
        int n = 0;
        for (long k : keys) {
            if (k != FREE) {
                out[n++] = k;
            }
        }
        return out;
    }

    /** The tally of a pair that is present. */
    PairTally get(long pair) {
        int mask = keys.length - 1;
        for (int slot = slot(pair, mask); ; slot = (slot + 1) & mask) {
            if (keys[slot] == pair) {
                return tallies[slot];
            }
            if (keys[slot] == FREE) {
                return null;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        PairTally[] oldTallies = tallies;
        keys = newKeys(oldKeys.length * 2);
        tallies = new PairTally[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                int slot = slot(oldKeys[i], mask);
                while (keys[slot] != FREE) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                tallies[slot] = oldTallies[i];
            }
        }
    }

    private static int slot(long pair, int mask) {
        long h = pair * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private static long[] newKeys(int n) {
        long[] k = new long[n];
        Arrays.fill(k, FREE);
        return k;
    }
}
