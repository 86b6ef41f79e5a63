package org.ctrace.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.ctrace.domain.chains.ChainResult;
import org.ctrace.domain.chains.ChainSummary;
import org.ctrace.io.ChainsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ctrace chains}: transmission clusters, generations and inferred sources (SPEC §8). */
@Command(name = "chains", mixinStandardHelpOptions = true,
        header = "Transmission clusters and chains: who belongs together, who infected whom, what is active.",
        description = {"Links cases by their infector column, by --links (reported or related links) and, with "
                + "--infer, by candidate sources found in the contact events (a qualifying contact 1 to 14 days "
                + "before the case's anchor date, for cases without a reported infector). Clusters are the "
                + "connected groups of linked cases, numbered C1, C2… by size; generations follow the links "
                + "forward in time; a link against the order of anchor dates is flagged backward.",
                "--by cluster (default) writes one row per cluster, --by case one per case, --by link one per link."})
final class ChainsCommand implements Callable<Integer> {

    @ParentCommand
    private Main top;

    @Mixin
    private InputOptions input;

    @Mixin
    private LinksOption links;

    @Mixin
    private ChainOptions chain;

    @Mixin
    private RuleOptions rules;

    @Mixin
    private OutputOptions output;

    @Mixin
    private SplitOptions split;

    @Option(names = "--by", paramLabel = "cluster|case|link", defaultValue = "cluster",
            description = "One row per cluster, case or link (default: ${DEFAULT-VALUE}).")
    ChainsFile.Table by;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        chain.refuseIdleOptions(spec);
        chain.settings(input);
        rules.profile(); // a bad value is a usage error before anything is read
        split.check();
        output.check(split);
        WrittenFiles written = new WrittenFiles().add("-o", output.output()).splitInto(split)
                .reading(links.file(input, top.console()));
        try (InputSession session = new InputSession(input, top.console(), output.quiet, chain.infer, written)) {
            ChainResult result = chain.chains(session, input, links, rules, top.console());
            if (split.given()) {
                ChainsFile.split(result, by, session.inputs().persons(), split.level(), split.dir(), output.format,
                        output.bom(), written::checkSplit);
            }
            if (!split.given() || output.output() != null) {
                output.target(top.console()).write(w -> ChainsFile.write(result, by, output.format, w));
            }
            if (!output.quiet) {
                top.console().err().println(summary(result.summary()));
            }
            return session.finish();
        }
    }

    private String summary(ChainSummary s) {
        return String.format(Locale.ROOT, "ctrace chains: %s (%d after %s, not used), %s (%d reported, %d related, "
                        + "%d inferred; %d backward), %s (%d active)%s",
                plural(s.cases(), "case"), s.afterAsOf(), input.asOf(), plural(s.links(), "link"), s.reported(),
                s.related(), s.inferred(), s.backward(), plural(s.clusters(), "cluster"), s.active(),
                s.noncaseLeftOut() > 0 ? "; " + plural(s.noncaseLeftOut(), "link") + " naming non-cases left out" : "")
                + (s.linksAfterAsOf() > 0 ? "; " + plural(s.linksAfterAsOf(), "link") + " dated after " + input.asOf()
                        + ", not used" : "");
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
