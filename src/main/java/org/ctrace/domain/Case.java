package org.ctrace.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A case (SPEC §1): a person with a confirmed, asymptomatic, suspected or probable infection.
 *
 * @param personId the case's person id
 * @param classification its classification
 * @param onset symptom onset date, or null
 * @param sample specimen collection date, or null; at least one of onset and sample is set
 * @param isolation when the case was isolated, or null when still in the community
 * @param infector the person id of its infector when known, or empty
 */
public record Case(String personId, Classification classification, LocalDate onset, LocalDate sample,
                   Moment isolation, String infector) {

    public Case {
        Objects.requireNonNull(personId);
        Objects.requireNonNull(classification);
        if (onset == null && sample == null) {
            throw new IllegalArgumentException("case " + personId + " has neither onset nor sample date");
        }
        infector = infector == null ? "" : infector;
    }

    /** The anchor date: symptom onset, or the specimen date when there is no onset (SPEC §1). */
    public LocalDate anchor() {
        return onset != null ? onset : sample;
    }
}
