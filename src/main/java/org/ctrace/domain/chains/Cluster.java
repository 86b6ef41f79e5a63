package org.ctrace.domain.chains;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A transmission cluster (SPEC §8): a connected component of the cases joined by any link.
 *
 * @param id {@code C1, C2…}, numbered by size descending, then first anchor date, then smallest case id
 * @param cases its cases in (anchor date, person_id) order
 * @param indexCases the cases without an incoming reported or inferred link inside the cluster
 *                   (a backward link counts; a related link does not), in the same order
 * @param firstAnchor the earliest anchor date of its cases
 * @param lastAnchor the latest anchor date of its cases
 * @param generations the number of cases on the longest path of forward reported and inferred links
 * @param active whether a case's anchor date is on or after the as-of day minus the active days
 * @param districts the sorted distinct (non-empty) districts of its cases
 * @param noncases persons in the cluster who are not cases (kept by {@code --keep-noncase}), sorted
 */
public record Cluster(String id, List<String> cases, List<String> indexCases, LocalDate firstAnchor,
                      LocalDate lastAnchor, int generations, boolean active, List<String> districts,
                      List<String> noncases) {

    public Cluster {
        Objects.requireNonNull(id);
        cases = List.copyOf(cases);
        indexCases = List.copyOf(indexCases);
        districts = List.copyOf(districts);
        noncases = List.copyOf(noncases);
    }

    /** The number of cases (non-cases do not count). */
    public int size() {
        return cases.size();
    }
}
