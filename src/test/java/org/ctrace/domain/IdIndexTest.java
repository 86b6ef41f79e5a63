package org.ctrace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdIndexTest {

    /** Ids of every length around the 8 bytes that are packed, with and without ASCII. */
    private static String randomId(Random r) {
        String alphabet = "P0123456789ABab-_ 张三é";
        int n = r.nextInt(4) == 0 ? r.nextInt(20) : 7 + r.nextInt(3);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(r.nextInt(5) == 0 ? alphabet.length() : 16)));
        }
        return b.toString();
    }

    @Test
    void numbersIdsInOrderAndFindsThemByStringAndByBytes() {
        Random r = new Random(21);
        IdIndex index = new IdIndex(4);
        Map<String, Integer> expected = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String id = randomId(r);
            int got = index.add(id);
            Integer before = expected.get(id);
            if (before == null) {
                assertEquals(order.size(), got, id);
                expected.put(id, got);
                order.add(id);
            } else {
                assertEquals(-before - 1, got, "a second add of '" + id + "' gives its number, negated");
            }
        }
        assertEquals(order.size(), index.size());
        for (int i = 0; i < order.size(); i++) {
            assertEquals(order.get(i), index.id(i));
        }
        for (int q = 0; q < 50_000; q++) {
            String id = q % 2 == 0 ? order.get(r.nextInt(order.size())) : randomId(r);
            int want = expected.getOrDefault(id, -1);
            assertEquals(want, index.find(id), id);
            byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
            // the id inside a larger buffer, and at its very end (fewer than 8 bytes after its start)
            byte[] inside = ("x," + id + ",y").getBytes(StandardCharsets.UTF_8);
            assertEquals(want, index.find(inside, 2, 2 + utf8.length), id);
            byte[] atEnd = (",".repeat(r.nextInt(3)) + id).getBytes(StandardCharsets.UTF_8);
            int s = atEnd.length - utf8.length;
            assertEquals(want, index.find(IdIndex.key(atEnd, s, atEnd.length), atEnd, s, atEnd.length), id);
            assertEquals(want >= 0, index.mayContain(IdIndex.key(inside, 2, 2 + utf8.length), utf8.length), id);
        }
    }

    @Test
    void keysDependOnlyOnTheIdsBytes() {
        Random r = new Random(22);
        for (int i = 0; i < 10_000; i++) {
            String id = randomId(r);
            byte[] a = ("__" + id).getBytes(StandardCharsets.UTF_8);
            byte[] b = (id + "________").getBytes(StandardCharsets.UTF_8);
            int n = id.getBytes(StandardCharsets.UTF_8).length;
            assertEquals(IdIndex.key(id), IdIndex.key(a, 2, 2 + n), id);
            assertEquals(IdIndex.key(id), IdIndex.key(b, 0, n), id);
        }
    }

    @Test
    void idsThatDifferOnlyInLengthOrTrailingZerosAreDifferent() {
        IdIndex index = IdIndex.of(List.of("P1", "P1\0", "", "P10000000", "P1000000"));
        assertEquals(5, index.size());
        assertEquals(0, index.find("P1"));
        assertEquals(1, index.find("P1\0"));
        assertEquals(2, index.find(""));
        assertEquals(3, index.find("P10000000"));
        assertEquals(4, index.find("P1000000"));
        assertEquals(-1, index.find("P1\0\0"));
        assertEquals(-1, index.find("P100000000"));
        assertFalse(index.mayContain(IdIndex.key("P1\0\0"), 4));
        assertTrue(index.mayContain(IdIndex.key("P1\0"), 3));
    }

    @Test
    void withoutIdsEndingInNulTheLengthOfAShortIdIsReadFromItsKeyWord() {
        // no id here ends in a NUL byte: mayContain reads only the key words
        IdIndex index = IdIndex.of(List.of("P1", "", "P1000000", "P10000000", "P1\0x"));
        assertTrue(index.mayContain(IdIndex.key("P1"), 2));
        assertTrue(index.mayContain(IdIndex.key(""), 0));
        assertTrue(index.mayContain(IdIndex.key("P1\0x"), 4));
        assertTrue(index.mayContain(IdIndex.key("P10000000"), 9));
        assertFalse(index.mayContain(IdIndex.key("P1\0"), 3), "P1 followed by a NUL is not P1");
        assertFalse(index.mayContain(IdIndex.key("\0"), 1), "a NUL is not the empty id");
        assertFalse(index.mayContain(IdIndex.key("P100000"), 7));
        assertEquals(-1, index.find("P1\0"));
    }

    @Test
    void noShortIdSharesItsKeyWordWithALongOne() {
        Random r = new Random(23);
        for (int i = 0; i < 20_000; i++) {
            String id = randomId(r);
            long key = IdIndex.key(id);
            int top = (int) (key >>> 56);
            if (id.getBytes(StandardCharsets.UTF_8).length > 8) {
                assertEquals(0xFF, top, id);
            } else {
                // 0xFF is never a byte of UTF-8 text
                assertTrue(top != 0xFF, id);
            }
        }
    }

    @Test
    void idsAddedAsBytesComeBackAsTheirTextMadeOnce() {
        Random r = new Random(24);
        IdIndex index = new IdIndex(2);
        List<String> added = new ArrayList<>();
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            String id = randomId(r);
            byte[] inside = ("<<" + id + ">>").getBytes(StandardCharsets.UTF_8);
            int n = index.add(inside, 2, inside.length - 2);
            if (n >= 0) {
                added.add(id);
                numbers.put(id, n);
            } else {
                assertEquals(numbers.get(id), -n - 1, id);
            }
        }
        for (int i = 0; i < added.size(); i++) {
            String id = index.id(i);
            assertEquals(added.get(i), id);
            assertTrue(id == index.id(i), "made once, then the same String");
            assertEquals(i, index.find(added.get(i)));
        }
        IdIndex households = new IdIndex(4);
        byte[] h = "H-17".getBytes(StandardCharsets.UTF_8);
        households.add(h, 0, h.length);
        String once = households.fresh(0);
        assertEquals("H-17", once);
        assertFalse(once == households.fresh(0), "a fresh String is not kept");
        assertTrue(households.id(0) == households.fresh(0), "but one kept already is lent");
        String mine = new String("P-kept");
        int n = index.add(mine);
        assertTrue(mine == index.id(n), "an id added as a String is that String");
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class, () -> index.id(index.size()));
    }

    @Test
    void eightFfBytesAreRefusedNotTakenForAnEmptySlot() {
        IdIndex index = new IdIndex(4);
        byte[] ff = new byte[8];
        java.util.Arrays.fill(ff, (byte) 0xFF);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> index.add(ff, 0, 8));
        assertEquals(0, index.size());
        assertEquals(-1, index.find(ff, 0, 8));
    }

    /** Short ids of ASCII and NUL bytes, some ending in NULs, added as bytes or Strings, against a map. */
    @Test
    void agreesWithAMapOnIdsWithAndWithoutTrailingNuls() {
        Random r = new Random(3);
        byte[] alphabet = {'A', 'b', '0', 0, 1, 'z'};
        for (int round = 0; round < 300; round++) {
            IdIndex index = new IdIndex(r.nextInt(20));
            Map<String, Integer> expected = new HashMap<>();
            List<String> order = new ArrayList<>();
            boolean nuls = r.nextBoolean();
            for (int k = 0; k < 400; k++) {
                int n = r.nextInt(14);
                byte[] b = new byte[n + 5];
                for (int i = 0; i < b.length; i++) {
                    b[i] = alphabet[r.nextInt(nuls ? alphabet.length : 3)];
                }
                int s = r.nextInt(3);
                int e = s + Math.min(n, b.length - s);
                String id = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
                Integer want = expected.get(id);
                assertEquals(want == null ? -1 : want, index.find(b, s, e), id);
                assertEquals(want != null, index.mayContain(IdIndex.key(b, s, e), e - s), id);
                assertEquals(want == null ? -1 : want, index.find(id));
                int got = r.nextBoolean() ? index.add(b, s, e) : index.add(id);
                if (want == null) {
                    assertEquals(order.size(), got);
                    expected.put(id, got);
                    order.add(id);
                } else {
                    assertEquals(-want - 1, got);
                }
            }
            for (int i = 0; i < order.size(); i++) {
                assertEquals(order.get(i), index.id(i));
                assertEquals(order.get(i), index.fresh(i));
            }
        }
    }

    @Test
    void ofTakesEachIdOnce() {
        IdIndex index = IdIndex.of(List.of("b", "a", "b", "c", "a"));
        assertEquals(3, index.size());
        assertEquals(List.of("b", "a", "c"), List.of(index.id(0), index.id(1), index.id(2)));
    }
}
