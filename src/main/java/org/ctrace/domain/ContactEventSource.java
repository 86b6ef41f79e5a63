package org.ctrace.domain;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The contact events of a run, read as a stream. Each call of {@link #forEach} or
 * {@link #scan} is one full pass; tracing makes one pass per tier and keeps only the events
 * that touch that tier's sources, so memory follows the cases and contacts found, not the
 * number of events.
 */
@FunctionalInterface
public interface ContactEventSource {

    /** Hands every well-formed event to the sink, in file order, on the calling thread. */
    void forEach(Consumer<ContactEvent> sink);

    /**
     * One pass that hands over only the events that start before {@code cutoff} and touch one
     * of the given persons. An implementation may split the pass into parts read in parallel:
     * each part gets its own sink from {@code sinks}, used by one thread at a time, and the
     * sinks of the pass are returned in file order. This default reads sequentially.
     *
     * @param touching the persons of interest (an event qualifies when either person is one)
     * @param cutoff events starting at or after this instant are counted, not handed over
     * @param sinks makes a sink for each part of the pass
     * @return the sinks that received the pass's events, and the counts of the pass
     */
    default <S extends Consumer<ContactEvent>> Scan<S> scan(Set<String> touching, long cutoff, Supplier<S> sinks) {
        return scan(touching, cutoff, Interest.NONE, sinks);
    }

    /**
     * {@link #scan(Set, long, Supplier)} that also hands over the events touching no one of
     * interest that {@code alsoWanted} asks for, judged on setting, distance and protection
     * (tracing keeps every event that can qualify, to trace later tiers without another pass).
     */
    default <S extends Consumer<ContactEvent>> Scan<S> scan(Set<String> touching, long cutoff, Interest alsoWanted,
                                                            Supplier<S> sinks) {
        return sequential(this::forEach, touching, cutoff, alsoWanted, sinks);
    }

    /** A scan made of one sequential pass: counts every event, hands over the ones asked for. */
    static <S extends Consumer<ContactEvent>> Scan<S> sequential(Consumer<Consumer<ContactEvent>> pass,
                                                                 Set<String> touching, long cutoff,
                                                                 Interest alsoWanted, Supplier<S> sinks) {
        S sink = sinks.get();
        long[] counts = new long[2];
        pass.accept(e -> {
            counts[0]++;
            if (e.start() >= cutoff) {
                counts[1]++;
            } else if (touching.contains(e.personA()) || touching.contains(e.personB())
                    || alsoWanted.wanted(e.setting(), e.distanceM(), e.isProtected())) {
                sink.accept(e);
            }
        });
        return new Scan<>(List.of(sink), counts[0], counts[1]);
    }

    /**
     * A sink that also takes an event between two persons of the run's registry by their
     * registry positions: a reader then makes neither the event nor its persons' id Strings
     * (a dense city's pass hands over millions of events). Taking an event so is the same as
     * accepting it as a {@link ContactEvent} with those positions.
     */
    interface PositionedSink extends Consumer<ContactEvent> {
        /** See {@link ContactEvent} for the values; both persons are in the registry. */
        void accept(int indexA, int indexB, long start, long end, boolean dateOnly, double minutes, String setting,
                    double distanceM, boolean isProtected);
    }

    /** Which events that touch no one of interest a scan should hand over too. */
    @FunctionalInterface
    interface Interest {
        /** None. */
        Interest NONE = (setting, distanceM, isProtected) -> false;

        /**
         * @param setting the setting in lower case, or empty
         * @param distanceM the distance, or NaN when unknown
         * @param isProtected whether protection was worn
         */
        boolean wanted(String setting, double distanceM, boolean isProtected);
    }

    /**
     * The outcome of a {@link #scan}.
     *
     * @param sinks the sinks that received the events, in file order
     * @param events well-formed events read (a pass after the first may skip, unread and uncounted,
     *               rows that name no person of interest)
     * @param fromCutoff events that start at or after the cutoff
     */
    record Scan<S>(List<S> sinks, long events, long fromCutoff) {
        public Scan {
            sinks = List.copyOf(sinks);
        }
    }
}
