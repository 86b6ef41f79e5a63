package org.ctrace.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctrace.domain.chains.ChainResult;
import org.ctrace.domain.chains.ChainSettings;
import org.ctrace.domain.chains.CaseLink;
import org.ctrace.domain.chains.Incubation;
import org.ctrace.domain.chains.Inference;
import org.ctrace.domain.chains.TransmissionChains;
import org.ctrace.io.InputFile;
import org.ctrace.io.InputProblem;
import org.ctrace.io.InputSet;
import org.ctrace.io.LinksFile;
import org.ctrace.io.TimeParser;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/** The options of source tracing (SPEC §8), shared by {@code chains} and {@code export --chains}. */
final class ChainOptions {

    @Option(names = "--infer", description = "Infer candidate sources from the contact events for cases "
            + "without a reported infector (needs contacts.csv).")
    boolean infer;

    @Option(names = "--incubation", paramLabel = "A-B", converter = IncubationConverter.class,
            defaultValue = "1-14", description = "With --infer: a contact A to B days before the case's anchor "
            + "date makes a candidate source, both bounds included (default: ${DEFAULT-VALUE}).")
    Incubation incubation;

    @Option(names = "--keep-noncase", description = "Keep links naming a person who is not a case (the person is "
            + "then a node of its cluster); without it such links are left out with a warning.")
    boolean keepNoncase;

    @Option(names = "--active-days", paramLabel = "N", defaultValue = "14",
            description = "A cluster is active when a case's anchor date is on or after --as-of minus N days "
                    + "(default: ${DEFAULT-VALUE}).")
    int activeDays;

    @Option(names = "--min-size", paramLabel = "N", defaultValue = "1",
            description = "Report only clusters of at least N cases (default: ${DEFAULT-VALUE}).")
    int minSize;

    /**
     * Reads the links (the cases' infector column and links.csv), then builds the chains,
     * inferring sources from the contact events with --infer. Warnings about links go to the
     * session's problem log.
     */
    ChainResult chains(InputSession session, InputOptions input, LinksOption links, RuleOptions rules, Console console) {
        ChainSettings settings = settings(input);
        InputSet in = session.inputs();
        if (!infer && input.contacts != null) {
            // given by name and not read: said, so that no one thinks its events were used
            session.log().add(new InputProblem(input.contacts.equals("-") ? InputFile.STDIN : input.contacts, 0, null,
                    null, "contact events are read only with --infer: not read", "unread input",
                    InputProblem.Severity.WARNING));
        }
        List<CaseLink> given = LinksFile.readAll(in.cases(), input.sources(console, false).cases().label(),
                in::caseLine, links.file(input, console), new TimeParser(input.zone()), session.log());
        session.checkpoint();
        Inference inference = infer ? new Inference(rules.profile(), in.contacts(), incubation) : null;
        ChainResult result = TransmissionChains.of(in.cases(), given, in.persons(), settings, inference);
        session.checkpoint();
        LinksFile.warn(result.problems(), session.log());
        return result;
    }

    /**
     * The rule options inference reads: which cases are sources, their windows, and the
     * per-event test of SPEC §3 (minutes, tiers and quarantines are not part of it).
     */
    private static final Set<String> USED_BY_INFERENCE = Set.of("--profile", "--lookback-days", "--max-distance-m",
            "--always-close-settings", "--include-suspected");

    /**
     * Refuses the options that would do nothing here, so that no one believes them applied: the
     * rule options (the mixin named {@code rules} of the command) that inference does not read,
     * {@code --depth} among them, and without {@code --infer} {@code --incubation} and the rest.
     */
    void refuseIdleOptions(CommandSpec command) {
        ParseResult given = command.commandLine().getParseResult();
        List<OptionSpec> options = new ArrayList<>(command.mixins().get("rules").options());
        options.add(command.findOption("--incubation"));
        for (OptionSpec option : options) {
            if (!given.hasMatchedOption(option)) {
                continue;
            }
            String name = option.longestName();
            if (!USED_BY_INFERENCE.contains(name) && !name.equals("--incubation")) {
                throw new UsageException(name + " does not change the chains: inference reads only "
                        + String.join(", ", new TreeSet<>(USED_BY_INFERENCE)) + " and --incubation");
            }
            if (!infer) {
                throw new UsageException(name + " applies to inferred sources only: give --infer, or leave it out");
            }
        }
    }

    /** The settings of the run; a bad value is a usage error (call it before reading, to fail early). */
    ChainSettings settings(InputOptions input) {
        try {
            return new ChainSettings(input.asOf(), activeDays, keepNoncase, minSize);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage().replace("active days", "--active-days")
                    .replace("the minimum cluster size", "--min-size"));
        }
    }

    /** {@code A-B}, such as 1-14. */
    static final class IncubationConverter implements ITypeConverter<Incubation> {
        private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,4})\\s*-\\s*(\\d{1,4})\\s*");

        @Override
        public Incubation convert(String value) {
            Matcher m = FORM.matcher(value);
            try {
                if (m.matches()) {
                    return new Incubation(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                }
            } catch (IllegalArgumentException e) {
                // falls through to the message below
            }
            throw new TypeConversionException("'" + value + "' is not a range of days A-B with 0 <= A <= B, such as 1-14");
        }
    }
}
