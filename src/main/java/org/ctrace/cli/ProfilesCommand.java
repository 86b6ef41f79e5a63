package org.ctrace.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.ctrace.domain.RuleProfile;
import org.ctrace.domain.RuleProfiles;
import org.ctrace.io.TableFormat;
import org.ctrace.io.TableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ctrace profiles}: the rule profiles and their parameters (SPEC §3). */
@Command(name = "profiles", mixinStandardHelpOptions = true,
        header = "The rule profiles and their parameters.",
        description = {"One row per parameter, one column per profile. Every parameter can be overridden "
                + "on trace by the option of the same name with dashes (--min-minutes 15)."})
final class ProfilesCommand implements Callable<Integer> {

    @ParentCommand
    private Main top;

    @Option(names = "--format", paramLabel = "csv|tsv|json|table", defaultValue = "table",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    TableFormat format;

    @Mixin
    private ResultFile result;

    private static final List<Parameter> PARAMETERS = List.of(
            new Parameter("lookback_days", p -> Integer.toString(p.lookbackDays())),
            new Parameter("min_minutes", p -> Integer.toString(p.minMinutes())),
            new Parameter("max_distance_m", p -> number(p.maxDistanceM())),
            new Parameter("always_close_settings", p -> String.join(",", p.alwaysCloseSettings())),
            new Parameter("unknown_duration", p -> p.unknownDuration().word()),
            new Parameter("household_rule", p -> Boolean.toString(p.householdRule())),
            new Parameter("close_quarantine_days", p -> Integer.toString(p.closeQuarantineDays())),
            new Parameter("close_quarantine_type", p -> p.closeQuarantineType().word()),
            new Parameter("close_monitoring_days", p -> Integer.toString(p.closeMonitoringDays())),
            new Parameter("trace_secondary", p -> Boolean.toString(p.traceSecondary())),
            new Parameter("secondary_quarantine_days", p -> Integer.toString(p.secondaryQuarantineDays())),
            new Parameter("secondary_quarantine_type", p -> p.secondaryQuarantineType().word()),
            new Parameter("include_suspected", p -> Boolean.toString(p.includeSuspected())),
            new Parameter("source", RuleProfile::source));

    @Override
    public Integer call() {
        List<String> columns = new ArrayList<>();
        columns.add("parameter");
        RuleProfiles.ALL.forEach(p -> columns.add(p.name()));
        result.checkedTarget(top.console()).write(w -> {
            boolean table = format == TableFormat.TABLE;
            try (TableWriter t = TableWriter.of(format, columns, w)) {
                for (Parameter param : PARAMETERS) {
                    if (table && param.name().equals("source")) {
                        continue;
                    }
                    List<String> row = new ArrayList<>();
                    row.add(param.name());
                    RuleProfiles.ALL.forEach(p -> row.add(param.value().apply(p)));
                    t.row(row);
                }
            }
            if (table) {
                w.write("\nsources:\n");
                for (RuleProfile p : RuleProfiles.ALL) {
                    w.write("  " + p.name() + ": " + p.source() + "\n");
                }
            }
        });
        return ExitCode.OK;
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.format(Locale.ROOT, "%.0f", d) : String.format(Locale.ROOT, "%s", d);
    }

    private record Parameter(String name, Function<RuleProfile, String> value) {
    }
}
