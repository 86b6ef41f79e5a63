package org.ctrace.domain.coverage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.ctrace.domain.Area;

/**
 * One row of the coverage table (SPEC §6): for an area, how many persons must be
 * quarantined and how many are, by status and by what is still to do.
 *
 * @param area the area cut to the level counted (empty names for the unknown-area row)
 * @param kind an area, the unknown-area row, or the total
 * @param requiredClose listed persons at tier 1
 * @param requiredSecondary listed persons at tier 2 and beyond
 * @param centralized listed persons whose current status is centralized
 * @param home listed persons at home
 * @param hospital listed persons in hospital
 * @param notQuarantined listed persons whose action is quarantine
 * @param wrongType listed persons whose action is upgrade
 * @param earlyRelease listed persons whose action is extend
 */
public record CoverageRow(Area area, Kind kind, int requiredClose, int requiredSecondary, int centralized, int home,
                          int hospital, int notQuarantined, int wrongType, int earlyRelease) {

    /** What a row stands for. */
    public enum Kind { AREA, UNKNOWN_AREA, TOTAL }

    /** Persons who must be quarantined. */
    public int required() {
        return requiredClose + requiredSecondary;
    }

    /**
     * 100 × (required − not_quarantined) / required, rounded half-up to one decimal; null
     * when nobody is required (nothing to cover, not 0% covered).
     */
    public BigDecimal coveragePct() {
        if (required() == 0) {
            return null;
        }
        return BigDecimal.valueOf(100L * (required() - notQuarantined))
                .divide(BigDecimal.valueOf(required()), 1, RoundingMode.HALF_UP);
    }

    /** The sum of two rows' counts, kept under this row's area and kind. */
    CoverageRow plus(CoverageRow o) {
        return new CoverageRow(area, kind, requiredClose + o.requiredClose, requiredSecondary + o.requiredSecondary,
                centralized + o.centralized, home + o.home, hospital + o.hospital,
                notQuarantined + o.notQuarantined, wrongType + o.wrongType, earlyRelease + o.earlyRelease);
    }

    static CoverageRow empty(Area area, Kind kind) {
        return new CoverageRow(area, kind, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
