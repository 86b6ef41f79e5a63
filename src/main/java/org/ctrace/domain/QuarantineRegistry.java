package org.ctrace.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The quarantine status registry as known at the end of the as-of day: SPEC §3 treats a row
 * whose start_date is after that day as absent.
 */
public final class QuarantineRegistry {

    private final Map<String, QuarantineRecord> current;
    private final int later;

    /** The rows (at most one per person) seen from the end of {@code asOf}. */
    public QuarantineRegistry(Collection<QuarantineRecord> rows, LocalDate asOf) {
        Map<String, QuarantineRecord> known = new HashMap<>(rows.size() * 2);
        int afterAsOf = 0;
        for (QuarantineRecord r : rows) {
            if (r.start().date().isAfter(asOf)) {
                afterAsOf++;
                continue;
            }
            if (known.putIfAbsent(r.personId(), r) != null) {
                throw new IllegalArgumentException("person " + r.personId() + " has two quarantine rows");
            }
        }
        this.current = known;
        this.later = afterAsOf;
    }

    /** An empty registry. */
    public static QuarantineRegistry none() {
        return new QuarantineRegistry(java.util.List.of(), LocalDate.MIN);
    }

    /** The person's row, if one had started by the end of the as-of day. */
    public Optional<QuarantineRecord> find(String personId) {
        return Optional.ofNullable(current.get(personId));
    }

    /** Every row in force, in no particular order. */
    public Collection<QuarantineRecord> all() {
        return Collections.unmodifiableCollection(current.values());
    }

    /** How many rows start after the as-of day and are therefore treated as absent. */
    public int startingLater() {
        return later;
    }
}
