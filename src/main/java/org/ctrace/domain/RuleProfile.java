package org.ctrace.domain;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters of the close-contact rules (SPEC §3). The five published profiles are in
 * {@link RuleProfiles}; every parameter can be overridden, and an overridden profile keeps
 * its name but reports {@link #adjusted()}.
 *
 * @param name profile name, such as {@code cn-9}
 * @param source the published text the profile follows
 * @param lookbackDays days before the anchor date at which a case's window opens
 * @param minMinutes minutes of qualifying contact on one day that make the day count; 0: any contact
 * @param maxDistanceM events with a known distance above this do not qualify
 * @param alwaysCloseSettings settings (lower case) whose events qualify whatever minutes and distance
 * @param unknownDuration what an event with no end and no duration contributes
 * @param householdRule whether household members are exposed over the source's whole window
 * @param closeQuarantineDays quarantine days after the last exposure, tier 1
 * @param closeQuarantineType quarantine type, tier 1
 * @param closeMonitoringDays home health monitoring days after quarantine, tier 1 (0: none)
 * @param traceSecondary whether tier 2 is traced at all
 * @param secondaryQuarantineDays quarantine days, tier 2 and beyond
 * @param secondaryQuarantineType quarantine type, tier 2 and beyond
 * @param includeSuspected whether suspected and probable cases are sources
 * @param adjusted whether any parameter was overridden from the published profile
 */
public record RuleProfile(String name, String source, int lookbackDays, int minMinutes, double maxDistanceM,
                          Set<String> alwaysCloseSettings, UnknownDuration unknownDuration, boolean householdRule,
                          int closeQuarantineDays, QuarantineType closeQuarantineType, int closeMonitoringDays,
                          boolean traceSecondary, int secondaryQuarantineDays,
                          QuarantineType secondaryQuarantineType, boolean includeSuspected, boolean adjusted) {

    public RuleProfile {
        Objects.requireNonNull(name);
        Objects.requireNonNull(unknownDuration);
        Objects.requireNonNull(closeQuarantineType);
        Objects.requireNonNull(secondaryQuarantineType);
        requireWithin("lookback_days", lookbackDays, MAX_DAYS);
        requireWithin("min_minutes", minMinutes, 24 * 60);
        requireWithin("close_quarantine_days", closeQuarantineDays, MAX_DAYS);
        requireWithin("close_monitoring_days", closeMonitoringDays, MAX_DAYS);
        requireWithin("secondary_quarantine_days", secondaryQuarantineDays, MAX_DAYS);
        if (!(maxDistanceM >= 0)) {
            throw new IllegalArgumentException("max_distance_m must be a number >= 0, not " + maxDistanceM);
        }
        TreeSet<String> settings = new TreeSet<>();
        for (String s : alwaysCloseSettings) {
            settings.add(s.trim().toLowerCase(Locale.ROOT));
        }
        settings.remove("");
        // sorted for printing, hashed for the look-up made on every row of a city's contacts
        alwaysCloseSettings = Collections.unmodifiableSet(new LinkedHashSet<>(settings));
    }

    /**
     * The most days a window may reach back, or a quarantine or monitoring last: more is a typing
     * error, and 99999999 days of quarantine printed an end in the year +275814.
     */
    public static final int MAX_DAYS = 366;

    /** A count from 0 to {@code max}: more minutes than a day has would let no day count, and no one be traced. */
    private static void requireWithin(String what, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " must be from 0 to " + max + ", not " + value);
        }
    }

    /** Whether events in this setting (lower case) qualify whatever their minutes and distance. */
    public boolean isAlwaysClose(String setting) {
        return alwaysCloseSettings.contains(setting);
    }

    /** Whether a case is a source of tier 1: a confirmed or asymptomatic one, or any with include_suspected. */
    public boolean isSource(Case c) {
        return includeSuspected || !c.classification().isUnconfirmed();
    }

    /**
     * The per-event test of SPEC §3, whatever the source: not protected, and in an
     * always-close setting or at an unknown distance or at most max_distance_m.
     */
    public boolean qualifies(String setting, double distanceM, boolean isProtected) {
        return qualifies(isAlwaysClose(setting), distanceM, isProtected);
    }

    /** {@link #qualifies(String, double, boolean)} when whether the setting is always close is known. */
    public boolean qualifies(boolean alwaysClose, double distanceM, boolean isProtected) {
        return !isProtected && (alwaysClose || Double.isNaN(distanceM) || distanceM <= maxDistanceM);
    }

    /** Quarantine days required at a tier (1: close; 2 and beyond: secondary). */
    public int quarantineDays(int tier) {
        return tier == 1 ? closeQuarantineDays : secondaryQuarantineDays;
    }

    /** Quarantine type required at a tier. */
    public QuarantineType quarantineType(int tier) {
        return tier == 1 ? closeQuarantineType : secondaryQuarantineType;
    }

    /** Home monitoring days after quarantine at a tier: tier 1 only. */
    public int monitoringDays(int tier) {
        return tier == 1 ? closeMonitoringDays : 0;
    }

    /** The depth traced when none is asked for: 2 where secondary contacts are traced, else 1. */
    public int defaultDepth() {
        return traceSecondary ? 2 : 1;
    }

    /** The name as shown in outputs: marked when parameters were overridden. */
    public String label() {
        return adjusted ? name + " (adjusted)" : name;
    }

    /** A builder starting from this profile; whatever it changes marks the result adjusted. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes parameters of a profile, one override option at a time. */
    public static final class Builder {
        private final RuleProfile base;
        private int lookbackDays;
        private int minMinutes;
        private double maxDistanceM;
        private Set<String> alwaysCloseSettings;
        private UnknownDuration unknownDuration;
        private boolean householdRule;
        private int closeQuarantineDays;
        private QuarantineType closeQuarantineType;
        private int closeMonitoringDays;
        private boolean traceSecondary;
        private int secondaryQuarantineDays;
        private QuarantineType secondaryQuarantineType;
        private boolean includeSuspected;
        /**
         * Whether tier 2's days and type are still the close values' defaults (SPEC §3: a
         * profile that does not trace secondary contacts takes them from the close values), so
         * that a close override carries over to them unless they are overridden too: otherwise
         * {@code --close-quarantine-days 10 --close-quarantine-type home --trace-secondary} on
         * such a profile would hold secondary contacts longer, and more strictly, than close ones.
         */
        private boolean secondaryDaysFollowClose;
        private boolean secondaryTypeFollowsClose;

        private Builder(RuleProfile p) {
            base = p;
            lookbackDays = p.lookbackDays;
            minMinutes = p.minMinutes;
            maxDistanceM = p.maxDistanceM;
            alwaysCloseSettings = p.alwaysCloseSettings;
            unknownDuration = p.unknownDuration;
            householdRule = p.householdRule;
            closeQuarantineDays = p.closeQuarantineDays;
            closeQuarantineType = p.closeQuarantineType;
            closeMonitoringDays = p.closeMonitoringDays;
            traceSecondary = p.traceSecondary;
            secondaryQuarantineDays = p.secondaryQuarantineDays;
            secondaryQuarantineType = p.secondaryQuarantineType;
            includeSuspected = p.includeSuspected;
            secondaryDaysFollowClose = !p.traceSecondary && p.secondaryQuarantineDays == p.closeQuarantineDays;
            secondaryTypeFollowsClose = !p.traceSecondary && p.secondaryQuarantineType == p.closeQuarantineType;
        }

        public Builder lookbackDays(int v) { lookbackDays = v; return this; }
        public Builder minMinutes(int v) { minMinutes = v; return this; }
        public Builder maxDistanceM(double v) { maxDistanceM = v; return this; }
        public Builder alwaysCloseSettings(Set<String> v) { alwaysCloseSettings = v; return this; }
        public Builder unknownDuration(UnknownDuration v) { unknownDuration = v; return this; }
        public Builder householdRule(boolean v) { householdRule = v; return this; }
        public Builder closeQuarantineDays(int v) { closeQuarantineDays = v; return this; }
        public Builder closeQuarantineType(QuarantineType v) { closeQuarantineType = v; return this; }
        public Builder closeMonitoringDays(int v) { closeMonitoringDays = v; return this; }
        public Builder traceSecondary(boolean v) { traceSecondary = v; return this; }
        public Builder secondaryQuarantineDays(int v) {
            secondaryQuarantineDays = v;
            secondaryDaysFollowClose = false;
            return this;
        }

        public Builder secondaryQuarantineType(QuarantineType v) {
            secondaryQuarantineType = v;
            secondaryTypeFollowsClose = false;
            return this;
        }

        public Builder includeSuspected(boolean v) { includeSuspected = v; return this; }

        /** The profile; adjusted when anything differs from the starting profile. */
        public RuleProfile build() {
            if (secondaryDaysFollowClose) {
                secondaryQuarantineDays = closeQuarantineDays;
            }
            if (secondaryTypeFollowsClose) {
                secondaryQuarantineType = closeQuarantineType;
            }
            RuleProfile p = new RuleProfile(base.name, base.source, lookbackDays, minMinutes, maxDistanceM,
                    alwaysCloseSettings, unknownDuration, householdRule, closeQuarantineDays,
                    closeQuarantineType, closeMonitoringDays, traceSecondary, secondaryQuarantineDays,
                    secondaryQuarantineType, includeSuspected, base.adjusted);
            boolean same = p.equals(base);
            return same ? base : new RuleProfile(p.name, p.source, p.lookbackDays, p.minMinutes, p.maxDistanceM,
                    p.alwaysCloseSettings, p.unknownDuration, p.householdRule, p.closeQuarantineDays,
                    p.closeQuarantineType, p.closeMonitoringDays, p.traceSecondary, p.secondaryQuarantineDays,
                    p.secondaryQuarantineType, p.includeSuspected, true);
        }
    }
}
