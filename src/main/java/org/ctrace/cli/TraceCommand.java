package org.ctrace.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.ctrace.domain.trace.QuarantineList;
import org.ctrace.domain.trace.TraceSummary;
import org.ctrace.io.InputSet;
import org.ctrace.io.QuarantineListFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code ctrace trace}: the quarantine list (SPEC §5). */
@Command(name = "trace", mixinStandardHelpOptions = true,
        header = "The quarantine list: close and secondary contacts, their dates, and what to do.",
        description = {"Traces close contacts of the cases (tier 1) and their contacts (tier 2 and beyond, "
                + "up to --depth) under a rule profile, and writes one row per person who must be quarantined, "
                + "with sources, exposure, required quarantine and monitoring dates, current status, action "
                + "and the basis in words. A one-line summary goes to standard error.",
                "With --split-by, the list goes to one file per area instead (and to -o FILE as well when given)."})
final class TraceCommand implements Callable<Integer> {

    @ParentCommand
    private Main top;

    @Mixin
    private InputOptions input;

    @Mixin
    private RuleOptions rules;

    @Mixin
    private OutputOptions output;

    @Mixin
    private SplitOptions split;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        rules.check();
        split.check();
        output.check(split);
        WrittenFiles written = new WrittenFiles().add("-o", output.output()).splitInto(split);
        try (InputSession session = new InputSession(input, top.console(), output.quiet, true, written)) {
            InputSet in = session.inputs();
            QuarantineList list = rules.quarantineList(in, input.asOf());
            session.checkpoint();
            session.warnEmptyWindows(list.trace().summary());
            split.write(list.orders(), list::areaAt, QuarantineListFile.COLUMNS, QuarantineListFile::cells,
                    in.persons().areas(), output, written);
            if (split.wholeResultToo(output)) {
                output.target(top.console()).write(w -> QuarantineListFile.write(list.orders(), output.format, w));
            }
            if (!output.quiet) {
                top.console().err().println(summary(list.trace().summary(), started));
            }
            return session.finish();
        }
    }

    private String summary(TraceSummary s, long started) {
        return String.format(Locale.ROOT,
                "ctrace trace: %d cases (%d sources), %d events read, %d after %s, %d close, %d secondary, %.1f s",
                s.cases(), s.sources(), s.eventsRead(), s.eventsAfterAsOf(), input.asOf(), s.atTier(1),
                s.beyondClose(), (System.nanoTime() - started) / 1e9);
    }
}
