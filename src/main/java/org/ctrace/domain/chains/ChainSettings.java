package org.ctrace.domain.chains;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The parameters of a chains run (SPEC §8).
 *
 * @param asOf the as-of day: cases anchored after it are not used
 * @param activeDays a cluster is active when a case's anchor date is on or after asOf minus this
 * @param keepNoncase whether links naming a person who is not a case are kept (the person then is
 *                    a node of its cluster, not a case) rather than left out with a warning
 * @param minSize clusters with fewer cases are not reported
 */
public record ChainSettings(LocalDate asOf, int activeDays, boolean keepNoncase, int minSize) {

    /** The default active period, 14 days. */
    public static final int ACTIVE_DAYS = 14;

    public ChainSettings {
        Objects.requireNonNull(asOf);
        if (activeDays < 0) {
            throw new IllegalArgumentException("active days must be at least 0, not " + activeDays);
        }
        if (minSize < 1) {
            throw new IllegalArgumentException("the minimum cluster size must be at least 1, not " + minSize);
        }
    }

    /** The defaults for an as-of day: active 14 days, non-cases left out, every cluster reported. */
    public static ChainSettings of(LocalDate asOf) {
        return new ChainSettings(asOf, ACTIVE_DAYS, false, 1);
    }
}
