package org.ctrace.domain.trace;

import java.util.List;
import org.ctrace.domain.InfectiousWindow;

/**
 * What a trace counted, for the one-line summary (SPEC §5).
 *
 * @param cases cases in cases.csv
 * @param sources cases used as sources (include_suspected decides for suspected and probable)
 * @param eventsRead well-formed contact events read
 * @param eventsAfterAsOf events that start at or after 24:00 of the as-of day, not used
 * @param perTier persons found at tier 1, 2, …
 * @param emptyWindows the windows of the source cases whose window is empty, in the cases'
 *                     order: they trace no one (an onset typed a year late, an isolation
 *                     date before the window opens), which a user should be told
 */
public record TraceSummary(int cases, int sources, long eventsRead, long eventsAfterAsOf, List<Integer> perTier,
                           List<InfectiousWindow> emptyWindows) {

    public TraceSummary {
        perTier = List.copyOf(perTier);
        emptyWindows = List.copyOf(emptyWindows);
    }

    /** Persons found at a tier (0 past the depth traced). */
    public int atTier(int tier) {
        return tier <= perTier.size() ? perTier.get(tier - 1) : 0;
    }

    /** Persons found at tier 2 and beyond. */
    public int beyondClose() {
        int n = 0;
        for (int i = 1; i < perTier.size(); i++) {
            n += perTier.get(i);
        }
        return n;
    }
}
