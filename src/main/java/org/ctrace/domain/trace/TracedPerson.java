package org.ctrace.domain.trace;

import java.time.LocalDate;
import java.util.List;
import org.ctrace.domain.WallClock;

/**
 * A person found by tracing, at its tier (SPEC §3 "Tiers and dates"): every source it is
 * close to at that tier, and its first and last exposure over them.
 *
 * @param personId the person
 * @param tier 1 for a close contact, 2 for a secondary contact, and so on
 * @param sources the source ids, sorted
 * @param first the earliest exposure, wall-clock seconds
 * @param lastEnd the latest end of exposure
 * @param lastDay the last day of contact
 * @param lastSource the source of the last exposure
 * @param lastSetting the setting of the last exposure
 */
public record TracedPerson(String personId, int tier, List<String> sources, long first, long lastEnd,
                           LocalDate lastDay, String lastSource, String lastSetting) {

    public TracedPerson {
        sources = List.copyOf(sources);
    }

    /** first_exposure as printed. */
    public String firstText() {
        return WallClock.minutes(first);
    }

    /** last_exposure as printed (a span ending at midnight prints as 23:59 of the day before). */
    public String lastText() {
        return Exposure.lastText(lastEnd, lastDay);
    }

    /** "last exposure 2024-03-09 to P070 (venue)": the day, source and setting of the last exposure. */
    public String lastExposureText() {
        return "last exposure " + lastDay + " to " + lastSource + " ("
                + (lastSetting.isEmpty() ? "setting unknown" : lastSetting) + ")";
    }

    /** The tier's name in outputs: close, secondary, tier3, tier4… */
    public static String tierName(int tier) {
        return switch (tier) {
            case 1 -> "close";
            case 2 -> "secondary";
            default -> "tier" + tier;
        };
    }
}
