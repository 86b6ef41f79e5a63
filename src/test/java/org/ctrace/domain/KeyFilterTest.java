package org.ctrace.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyFilterTest {

    private static String id(int n) {
        return String.format(Locale.ROOT, "P%07d", n);
    }

    @Test
    void passesEveryIdOfTheSetShortOrLong() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            ids.add(id(i * 997));
            ids.add("district-7/household-" + i);
        }
        ids.add("张三");
        ids.add("");
        KeyFilter f = KeyFilter.of(ids);
        for (String id : ids) {
            assertTrue(f.mayContain(IdIndex.key(id)), id);
        }
    }

    @Test
    void turnsAwayNearlyAllOtherIdsOfTheSameShape() {
        // a city's ids differ in their last digits, which are the high bytes of the key word
        Set<String> sources = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            sources.add(id(1_000_000 + i));
        }
        KeyFilter f = KeyFilter.of(sources);
        int passed = 0;
        int others = 0;
        for (int i = 0; i < 2_000_000; i += 7) {
            if (!sources.contains(id(i))) {
                others++;
                passed += f.mayContain(IdIndex.key(id(i))) ? 1 : 0;
            }
        }
        // 64 bits per id: about one in 64 passes; well under one in 20 leaves the filter useful
        assertTrue(passed < others / 20, passed + " of " + others + " passed");
    }

    @Test
    void anEmptySetTurnsEveryIdAway() {
        KeyFilter f = KeyFilter.of(List.of());
        for (int i = 0; i < 1000; i++) {
            assertFalse(f.mayContain(IdIndex.key(id(i))));
        }
    }
}
