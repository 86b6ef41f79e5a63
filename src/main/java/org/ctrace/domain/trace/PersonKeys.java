package org.ctrace.domain.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ctrace.domain.PersonRegistry;

/**
 * Dense int keys for the persons of a trace, so that per-tier state lives in arrays instead
 * of hash maps keyed by id: a registered person's key is its registry position; a person
 * missing from persons.csv gets the next key after them when first met (rare, so a lock is
 * cheap). Safe for the threads of a parallel pass.
 */
final class PersonKeys {

    private final PersonRegistry registry;
    private final int registered;
    private final Map<String, Integer> others = new HashMap<>();
    private final List<String> otherIds = new ArrayList<>();

    PersonKeys(PersonRegistry registry) {
        this.registry = registry;
        this.registered = registry.size();
    }

    /** The key of a person, given its registry position when the reader knew it (else −1). */
    int key(String id, int registryIndex) {
        if (registryIndex >= 0) {
            return registryIndex;
        }
        int i = registry.indexOf(id);
        return i >= 0 ? i : other(id);
    }

    private synchronized int other(String id) {
        Integer k = others.get(id);
        if (k == null) {
            k = registered + otherIds.size();
            others.put(id, k);
            otherIds.add(id);
        }
        return k;
    }

    /** Whether a key is a registry position (a person of persons.csv). */
    boolean isRegistered(int key) {
        return key < registered;
    }

    /** The id of a key. */
    String id(int key) {
        if (key < registered) {
            return registry.idAt(key);
        }
        synchronized (this) {
            return otherIds.get(key - registered);
        }
    }

    /** How many keys are given out so far. */
    synchronized int count() {
        return registered + otherIds.size();
    }

    /** The key of a (source, person) pair. */
    static long pair(int source, int person) {
        return ((long) source << 32) | (person & 0xFFFFFFFFL);
    }

    static int source(long pair) {
        return (int) (pair >>> 32);
    }

    static int person(long pair) {
        return (int) pair;
    }
}
