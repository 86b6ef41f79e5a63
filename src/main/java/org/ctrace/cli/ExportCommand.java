package org.ctrace.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.ctrace.domain.RuleProfile;
import org.ctrace.domain.trace.ContactTracer;
import org.ctrace.domain.trace.TraceResult;
import org.ctrace.io.GraphExport;
import org.ctrace.io.InputSet;
import org.ctrace.io.OutputTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code ctrace export}: the exposure graph, or the case-link graph, for graph tools (SPEC §4). */
@Command(name = "export", mixinStandardHelpOptions = true,
        header = "The exposure graph (or, with --chains, the case-link graph) as GraphML, DOT, GEXF or JSON.",
        description = {"Without --chains: traces as 'ctrace trace' does and writes the exposure graph: persons "
                + "(tier, case status, areas) and close pairs from source to exposed person (first and last "
                + "exposure, setting). With --chains: the cases and their links as 'ctrace chains' finds them "
                + "(cluster, generation; kind, backward, serial interval).",
                "For Gephi use gexf, for yEd, Cytoscape or NetworkX graphml, for Graphviz dot."})
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    private Main top;

    @Mixin
    private InputOptions input;

    @Mixin
    private RuleOptions rules;

    @Mixin
    private LinksOption links;

    @Mixin
    private ChainOptions chain;

    @Option(names = "--chains", description = "Export the case-link graph of 'ctrace chains' instead of the exposure graph.")
    boolean chains;

    @Option(names = "--format", paramLabel = "graphml|dot|gexf|json", defaultValue = "graphml",
            description = "Graph format (default: ${DEFAULT-VALUE}).")
    GraphExport.Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the graph to FILE (whole or not at all) instead of standard output.")
    Path output;

    @Option(names = "--quiet", description = "No summary or warnings on standard error (errors still are).")
    boolean quiet;

    @Spec
    private CommandSpec spec;

    /** The options of one graph only: given for the other, they would silently do nothing. */
    private static final List<String> CHAINS_ONLY = List.of("--links", "--infer", "--incubation", "--keep-noncase",
            "--active-days", "--min-size");

    @Override
    public Integer call() {
        if (chains) {
            chain.refuseIdleOptions(spec);
        } else {
            ParseResult given = spec.commandLine().getParseResult();
            CHAINS_ONLY.stream().filter(given::hasMatchedOption).findFirst().ifPresent(option -> {
                throw new UsageException(option + " is for the case-link graph: give --chains, or leave it out");
            });
        }
        RuleProfile profile = rules.profile();
        int depth = rules.depth(profile);
        chain.settings(input);
        if (output != null) {
            OutputTarget.file(output, false).check();
        }
        try (InputSession session = new InputSession(input, top.console(), quiet, !chains || chain.infer,
                new WrittenFiles().add("-o", output).reading(links.file(input, top.console())))) {
            InputSet in = session.inputs();
            GraphExport<?> export;
            if (chains) {
                export = GraphExport.chains(chain.chains(session, input, links, rules, top.console()), in.persons());
            } else {
                TraceResult trace = new ContactTracer(profile, in.cases(), in.persons(), in.quarantine(), in.contacts(),
                        input.asOf(), depth).trace();
                session.checkpoint();
                session.warnEmptyWindows(trace.summary());
                export = GraphExport.exposures(trace, in.cases(), in.persons());
            }
            OutputTarget target = output == null ? OutputTarget.stream(top.console().out(), false)
                    : OutputTarget.file(output, false);
            target.write(w -> export.write(format, w));
            if (!quiet) {
                warnEscaped(export.escaped(format));
                top.console().err().println(String.format(Locale.ROOT, "ctrace export: %s graph, %d vertices, %d edges, %s",
                        chains ? "case-link" : "exposure", export.graph().vertexSet().size(),
                        export.graph().edgeSet().size(), GraphExport.extension(format)));
            }
            return session.finish();
        }
    }

    /**
     * Names the values written with backslash-u escapes, which the format cannot hold as they are
     * (control characters, nearly always a slip in the data; README, Graph export): the file holds
     * them, but not as given.
     */
    private void warnEscaped(List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        String name = switch (format) {
            case GRAPHML -> "GraphML";
            case GEXF -> "GEXF";
            case DOT -> "DOT";
            case JSON -> "JSON";
        };
        String shown = values.stream().limit(SHOWN).map(v -> "'" + GraphExport.shown(v) + "'")
                .collect(Collectors.joining(", "));
        top.console().err().println(String.format(Locale.ROOT,
                "ctrace export: warning: %s characters %s cannot hold, written as \\uXXXX: %s%s",
                values.size() == 1 ? "1 value holds" : values.size() + " values hold", name, shown,
                values.size() > SHOWN ? ", …" : ""));
    }

    /** How many escaped values the warning names. */
    private static final int SHOWN = 5;
}
