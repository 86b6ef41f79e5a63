package org.ctrace.domain.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The qualifying events one part of the first pass kept for later tiers, in primitive
 * columns of blocks: what tracing reads of an event (person keys, span, minutes, setting,
 * whether the setting is always close) in about 40 bytes, where an event object with its
 * list slot took 80, and nothing here is a reference the collector must follow (a dense city
 * keeps millions of them, and copying them as objects cost seconds of GC).
 */
final class KeptEvents {

    /** Reads kept events in order. */
    interface Visitor {
        void event(int a, int b, long start, long end, boolean dateOnly, double minutes, String setting,
                   boolean alwaysClose);
    }

    /** Blocks start small (a part of a haystack keeps few events) and grow to this many events. */
    private static final int BLOCK = 1 << 16;
    private static final byte DATE_ONLY = 1;
    private static final byte ALWAYS_CLOSE = 2;

    private final List<Block> blocks = new ArrayList<>();
    private final List<String> settings = new ArrayList<>();
    private final Map<String, Integer> settingIndex = new HashMap<>();
    private Block last;
    private int count;

    private static final class Block {
        int size;
        final int[] a;
        final int[] b;
        final long[] start;
        final long[] end;
        final double[] minutes;
        final int[] setting;
        final byte[] flags;

        Block(int capacity) {
            a = new int[capacity];
            b = new int[capacity];
            start = new long[capacity];
            end = new long[capacity];
            minutes = new double[capacity];
            setting = new int[capacity];
            flags = new byte[capacity];
        }
    }

    /** Keeps an event between the persons of keys a and b. */
    void add(int a, int b, long start, long end, boolean dateOnly, double minutes, String setting,
             boolean alwaysClose) {
        if (last == null || last.size == last.a.length) {
            last = new Block(Math.min(BLOCK, Math.max(1024, count)));
            blocks.add(last);
        }
        count++;
        int i = last.size++;
        last.a[i] = a;
        last.b[i] = b;
        last.start[i] = start;
        last.end[i] = end;
        last.minutes[i] = minutes;
        last.setting[i] = settingIndex.computeIfAbsent(setting, s -> {
            settings.add(s);
            return settings.size() - 1;
        });
        last.flags[i] = (byte) ((dateOnly ? DATE_ONLY : 0) | (alwaysClose ? ALWAYS_CLOSE : 0));
    }

    /** Hands every kept event to the visitor, in the order kept. */
    void forEach(Visitor v) {
        for (Block k : blocks) {
            for (int i = 0; i < k.size; i++) {
                v.event(k.a[i], k.b[i], k.start[i], k.end[i], (k.flags[i] & DATE_ONLY) != 0, k.minutes[i],
                        settings.get(k.setting[i]), (k.flags[i] & ALWAYS_CLOSE) != 0);
            }
        }
    }
}
