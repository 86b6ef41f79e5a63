package org.ctrace.domain.chains;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.ctrace.domain.Case;

/**
 * A case's place in its cluster (SPEC §8 {@code --by case}).
 *
 * @param source the case as read
 * @param clusterId its cluster
 * @param generation 1 + the largest generation among its forward reported and inferred sources;
 *                   1 when it has none
 * @param infectors those sources, in (anchor date, person_id) order
 * @param infectees its number of outgoing reported and inferred links (backward ones included)
 * @param district its district from persons.csv, or empty
 */
public record ChainCase(Case source, String clusterId, int generation, List<String> infectors, int infectees,
                        String district) {

    public ChainCase {
        Objects.requireNonNull(source);
        Objects.requireNonNull(clusterId);
        infectors = List.copyOf(infectors);
        district = district == null ? "" : district;
    }

    public String personId() {
        return source.personId();
    }

    public LocalDate anchor() {
        return source.anchor();
    }
}
