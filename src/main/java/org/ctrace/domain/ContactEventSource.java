package org.ctrace.domain;

import java.util.function.Consumer;

/**
 * The contact events of a run, read as a stream. Each call of {@link #forEach} is one full
 * pass; tracing makes one pass per tier and keeps only the events that touch that tier's
 * sources, so memory follows the cases and contacts found, not the number of events.
 */
@FunctionalInterface
public interface ContactEventSource {

    /** Hands every well-formed event to the sink, in file order. */
    void forEach(Consumer<ContactEvent> sink);
}
