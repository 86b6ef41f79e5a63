package org.ctrace.domain.chains;

/**
 * What a chains run counted, for the one-line summary on standard error.
 *
 * @param cases cases read
 * @param afterAsOf cases anchored after the as-of day, not used
 * @param reported reported links kept (after merging duplicates)
 * @param related related links kept
 * @param inferred inferred links kept
 * @param backward backward links among them
 * @param noncaseLeftOut links left out because they name a person who is not a case
 * @param linksAfterAsOf input links dated after the as-of day, not used
 * @param clusters clusters reported (at least the minimum size)
 * @param active active clusters among them
 */
public record ChainSummary(int cases, int afterAsOf, int reported, int related, int inferred, int backward,
                           int noncaseLeftOut, int linksAfterAsOf, int clusters, int active) {

    /** All links kept. */
    public int links() {
        return reported + related + inferred;
    }
}
