package org.ctrace.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The quarantine status registry as known at the end of the as-of day: SPEC §3 treats a row
 * whose start_date is after that day as absent.
 *
 * <p>Built with the person registry, a registered person's row is found by the person's
 * registry position: a city's list looks up a row for each of its million persons, and a
 * look-up by id String costs several cache misses where an array costs one. Rows of persons
 * not in the registry are found by id.
 */
public final class QuarantineRegistry {

    private final PersonRegistry persons;
    /**
     * The row of each registered person, by registry position (null: none); empty when the
     * rows are few beside the registry (an array of a city's persons for a handful of rows).
     */
    private final QuarantineRecord[] byPosition;
    /** The rows not in {@link #byPosition}, by person id. */
    private final Map<String, QuarantineRecord> byId = new HashMap<>();
    private final List<QuarantineRecord> current;
    private final int later;

    /** The rows (at most one per person) seen from the end of {@code asOf}, found by id only. */
    public QuarantineRegistry(List<QuarantineRecord> rows, LocalDate asOf) {
        this(rows, asOf, PersonRegistry.none());
    }

    /**
     * The rows (at most one per person) seen from the end of {@code asOf}, a registered
     * person's also by its position in {@code persons}.
     */
    public QuarantineRegistry(List<QuarantineRecord> rows, LocalDate asOf, PersonRegistry persons) {
        this(rows, positions(rows, persons), asOf, persons);
    }

    /**
     * {@link #QuarantineRegistry(List, LocalDate, PersonRegistry)} given each row's position in
     * {@code persons} (−1: not registered), as a reader that has checked the rows' persons
     * knows them.
     */
    public QuarantineRegistry(List<QuarantineRecord> rows, int[] positions, LocalDate asOf, PersonRegistry persons) {
        if (positions.length != rows.size()) {
            throw new IllegalArgumentException(positions.length + " positions for " + rows.size() + " rows");
        }
        this.persons = persons;
        this.byPosition = new QuarantineRecord[rows.size() >= persons.size() / 16 ? persons.size() : 0];
        List<QuarantineRecord> known = new ArrayList<>(rows.size());
        for (int i = 0; i < positions.length; i++) {
            QuarantineRecord r = rows.get(i);
            if (r.start().date().isAfter(asOf)) {
                continue;
            }
            boolean positioned = positions[i] >= 0 && byPosition.length > 0;
            QuarantineRecord before = positioned ? byPosition[positions[i]] : byId.get(r.personId());
            if (before != null) {
                throw new IllegalArgumentException("person " + r.personId() + " has two quarantine rows");
            }
            if (positioned) {
                byPosition[positions[i]] = r;
            } else {
                byId.put(r.personId(), r);
            }
            known.add(r);
        }
        this.later = rows.size() - known.size();
        this.current = Collections.unmodifiableList(known);
    }

    /** Each row's person's registry position (−1: not registered). */
    public static int[] positions(List<QuarantineRecord> rows, PersonRegistry persons) {
        return persons.indexesOf(rows.stream().map(QuarantineRecord::personId).toList());
    }

    /** An empty registry. */
    public static QuarantineRegistry none() {
        return new QuarantineRegistry(List.of(), LocalDate.MIN);
    }

    /** The person's row, if one had started by the end of the as-of day. */
    public Optional<QuarantineRecord> find(String personId) {
        // filed by id only, the registry need not be asked
        return byPosition.length == 0 ? Optional.ofNullable(byId.get(personId))
                : find(personId, persons.indexOf(personId));
    }

    /**
     * {@link #find(String)} for a person whose position in the registry this was built with
     * is known (−1: not registered), without looking the id up again. The position must be
     * from that registry: from another one it names someone else. Built without a registry,
     * or with few rows beside it, every row is found by id.
     */
    public Optional<QuarantineRecord> find(String personId, int position) {
        boolean positioned = position >= 0 && byPosition.length > 0;
        return Optional.ofNullable(positioned ? byPosition[position] : byId.get(personId));
    }

    /** Every row in force, in file order. */
    public Collection<QuarantineRecord> all() {
        return current;
    }

    /** How many rows start after the as-of day and are therefore treated as absent. */
    public int startingLater() {
        return later;
    }
}
