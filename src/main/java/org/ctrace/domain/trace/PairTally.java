package org.ctrace.domain.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one pass keeps of a (source, person) pair: the qualifying parts, or, when every part
 * makes its day count (min_minutes 0), only a running summary of the earliest and latest,
 * which gives the same exposure in constant memory per pair.
 */
abstract class PairTally {

    abstract void add(ExposurePart part);

    /** Adds another tally of the same pair (from another part of the pass). */
    abstract void addAll(PairTally other);

    /** The pair's exposure under the rule, or empty when no day counts. */
    abstract Optional<Exposure> evaluate(CloseContactRule rule, String source, String person, int tier);

    /** Keeps every part: needed when minutes decide whether a day counts. */
    static final class Parts extends PairTally {
        private final List<ExposurePart> parts = new ArrayList<>(2);

        @Override
        void add(ExposurePart part) {
            parts.add(part);
        }

        @Override
        void addAll(PairTally other) {
            parts.addAll(((Parts) other).parts);
        }

        @Override
        Optional<Exposure> evaluate(CloseContactRule rule, String source, String person, int tier) {
            return rule.evaluate(source, person, tier, parts);
        }
    }

    /** Every part counts: keeps the earliest start and the latest part only. */
    static final class Running extends PairTally {
        private long first = Long.MAX_VALUE;
        private ExposurePart last;

        @Override
        void add(ExposurePart part) {
            first = Math.min(first, part.from());
            if (last == null || CloseContactRule.LATEST.compare(part, last) > 0) {
                last = part;
            }
        }

        @Override
        void addAll(PairTally other) {
            Running o = (Running) other;
            if (o.last != null) {
                first = Math.min(first, o.first);
                if (last == null || CloseContactRule.LATEST.compare(o.last, last) > 0) {
                    last = o.last;
                }
            }
        }

        @Override
        Optional<Exposure> evaluate(CloseContactRule rule, String source, String person, int tier) {
            if (last == null) {
                return Optional.empty();
            }
            return Optional.of(new Exposure(source, person, tier, first, last.to(), rule.lastDay(last),
                    last.setting()));
        }
    }
}
