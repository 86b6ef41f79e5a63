package org.ctrace.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The half-open span {@code [opens, closes)} during which a source's contacts count (SPEC §3
 * "Windows"): for a case from 00:00 of its anchor date minus lookback_days until isolation,
 * for a close contact from its first exposure until its quarantine start; never past 24:00 of
 * the as-of day.
 *
 * @param sourceId the source person
 * @param opens first instant inside the window
 * @param closes first instant after the window
 */
public record InfectiousWindow(String sourceId, long opens, long closes) {

    /** A case's window: 00:00 of anchor − lookback until isolation, 24:00 of the as-of day at the latest. */
    public static InfectiousWindow ofCase(Case c, RuleProfile rules, long asOfEnd) {
        long opens = WallClock.startOf(c.anchor().minusDays(rules.lookbackDays()));
        long closes = c.isolation() == null ? asOfEnd : Math.min(c.isolation().closingInstant(), asOfEnd);
        return new InfectiousWindow(c.personId(), opens, closes);
    }

    /** The windows of the cases that are sources under the profile ({@link RuleProfile#isSource}), in order. */
    public static List<InfectiousWindow> ofSources(List<Case> cases, RuleProfile rules, LocalDate asOf) {
        long asOfEnd = WallClock.endOf(asOf);
        List<InfectiousWindow> windows = new ArrayList<>();
        for (Case c : cases) {
            if (rules.isSource(c)) {
                windows.add(ofCase(c, rules, asOfEnd));
            }
        }
        return List.copyOf(windows);
    }

    /** Whether no instant lies inside (the source was isolated before the window opened). */
    public boolean isEmpty() {
        return closes <= opens;
    }

    /** Whether an instant lies inside the window. */
    public boolean contains(long instant) {
        return instant >= opens && instant < closes;
    }
}
