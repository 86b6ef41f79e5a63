package org.ctrace.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.ctrace.domain.QuarantineType;
import org.ctrace.domain.RuleProfile;
import org.ctrace.domain.RuleProfiles;
import org.ctrace.domain.UnknownDuration;
import org.ctrace.domain.trace.QuarantineList;
import org.ctrace.io.InputSet;
import picocli.CommandLine.Option;

/** {@code --profile} and an override option for every rule parameter (SPEC §3). */
final class RuleOptions {

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "cn-9",
            description = "Rule profile: cn-9, cn-8, cn-5, cdc-2020, ecdc-2020 (default: ${DEFAULT-VALUE}); "
                    + "'ctrace profiles' lists them.")
    String profile;

    @Option(names = "--lookback-days", paramLabel = "N", description = "Override: days before the anchor date at which a case's window opens.")
    Integer lookbackDays;

    @Option(names = "--min-minutes", paramLabel = "N", description = "Override: minutes of qualifying contact on one day that make the day count (0: any).")
    Integer minMinutes;

    @Option(names = "--max-distance-m", paramLabel = "M", description = "Override: events with a known distance above this do not qualify.")
    Double maxDistanceM;

    @Option(names = "--always-close-settings", paramLabel = "LIST", split = ",",
            description = "Override: settings whose events qualify whatever minutes and distance (comma-separated).")
    List<String> alwaysCloseSettings;

    @Option(names = "--unknown-duration", paramLabel = "close|ignore", description = "Override: close (an event without end or duration makes its day count) or ignore (it adds 0 minutes).")
    UnknownDuration unknownDuration;

    @Option(names = "--household-rule", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            description = "Override: household members are exposed over the source's whole window.")
    Boolean householdRule;

    @Option(names = "--close-quarantine-days", paramLabel = "N", description = "Override: quarantine days after the last exposure, tier 1.")
    Integer closeQuarantineDays;

    @Option(names = "--close-quarantine-type", paramLabel = "centralized|home", description = "Override: quarantine type, tier 1.")
    QuarantineType closeQuarantineType;

    @Option(names = "--close-monitoring-days", paramLabel = "N", description = "Override: home health monitoring days after quarantine, tier 1 (0: none).")
    Integer closeMonitoringDays;

    @Option(names = "--trace-secondary", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            description = "Override: whether tier 2 is traced at all (false caps --depth at 1).")
    Boolean traceSecondary;

    @Option(names = "--secondary-quarantine-days", paramLabel = "N", description = "Override: quarantine days, tier 2 and beyond.")
    Integer secondaryQuarantineDays;

    @Option(names = "--secondary-quarantine-type", paramLabel = "centralized|home", description = "Override: quarantine type, tier 2 and beyond.")
    QuarantineType secondaryQuarantineType;

    @Option(names = "--include-suspected", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            description = "Override: whether suspected and probable cases are sources.")
    Boolean includeSuspected;

    @Option(names = "--depth", paramLabel = "N",
            description = "Deepest tier traced (default: 2 where the profile traces secondary contacts, else 1).")
    Integer depth;

    /** The profile with every override applied. */
    RuleProfile profile() {
        RuleProfile base = RuleProfiles.named(profile).orElseThrow(() -> new UsageException(
                "unknown profile '" + profile + "'; expected one of "
                        + RuleProfiles.ALL.stream().map(RuleProfile::name).collect(Collectors.joining(", "))));
        RuleProfile.Builder b = base.toBuilder();
        if (lookbackDays != null) b.lookbackDays(lookbackDays);
        if (minMinutes != null) b.minMinutes(minMinutes);
        if (maxDistanceM != null) b.maxDistanceM(maxDistanceM);
        if (alwaysCloseSettings != null) b.alwaysCloseSettings(java.util.Set.copyOf(alwaysCloseSettings));
        if (unknownDuration != null) b.unknownDuration(unknownDuration);
        if (householdRule != null) b.householdRule(householdRule);
        if (closeQuarantineDays != null) b.closeQuarantineDays(closeQuarantineDays);
        if (closeQuarantineType != null) b.closeQuarantineType(closeQuarantineType);
        if (closeMonitoringDays != null) b.closeMonitoringDays(closeMonitoringDays);
        if (traceSecondary != null) b.traceSecondary(traceSecondary);
        if (secondaryQuarantineDays != null) b.secondaryQuarantineDays(secondaryQuarantineDays);
        if (secondaryQuarantineType != null) b.secondaryQuarantineType(secondaryQuarantineType);
        if (includeSuspected != null) b.includeSuspected(includeSuspected);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Fails now, as a usage error, when the profile or an override is wrong: before anything is read. */
    void check() {
        depth(profile());
    }

    /** Traces the inputs under the profile and its overrides, and lists who must be quarantined. */
    QuarantineList quarantineList(InputSet in, LocalDate asOf) {
        RuleProfile rules = profile();
        return QuarantineList.of(rules, in.cases(), in.persons(), in.quarantine(), in.contacts(), asOf, depth(rules));
    }

    /** The depth to trace under a profile. */
    int depth(RuleProfile rules) {
        if (depth == null) {
            return rules.defaultDepth();
        }
        if (depth < 1) {
            throw new UsageException("--depth must be at least 1, not " + depth);
        }
        return rules.traceSecondary() ? depth : 1;
    }
}
