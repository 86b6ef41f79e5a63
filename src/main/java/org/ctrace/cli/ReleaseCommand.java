package org.ctrace.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ctrace.domain.release.ReleaseDecision;
import org.ctrace.domain.release.ReleaseReview;
import org.ctrace.domain.release.ReleaseRow;
import org.ctrace.domain.trace.QuarantineList;
import org.ctrace.io.InputSet;
import org.ctrace.io.ReleaseFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code ctrace release}: who may be released at the end of the as-of day (SPEC §7). */
@Command(name = "release", mixinStandardHelpOptions = true,
        header = "Who may be released on --as-of, who must be held, and who to review.",
        description = {"For every person in quarantine (a row that is not released and started by --as-of): "
                + "release when the required quarantine is complete at the end of the day; hold when the planned "
                + "end says go but the exposure says stay; review when no exposure in the data requires the "
                + "quarantine (never released automatically). Persons still in quarantine as planned are not printed."})
final class ReleaseCommand implements Callable<Integer> {

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
        rules.check();
        split.check();
        output.check(split);
        WrittenFiles written = new WrittenFiles().add("-o", output.output()).splitInto(split);
        try (InputSession session = new InputSession(input, top.console(), output.quiet, true, written)) {
            InputSet in = session.inputs();
            QuarantineList list = rules.quarantineList(in, input.asOf());
            session.checkpoint();
            session.warnEmptyWindows(list.trace().summary());
            List<ReleaseRow> rows = new ReleaseReview(list.orders(), in.quarantine(), in.persons(), input.asOf())
                    .decisions();
            split.write(rows, i -> rows.get(i).person().area(), ReleaseFile.COLUMNS, ReleaseFile::cells,
                    in.persons().areas(), output, written);
            if (split.wholeResultToo(output)) {
                output.target(top.console()).write(w -> ReleaseFile.write(rows, output.format, w));
            }
            if (!output.quiet) {
                top.console().err().println(String.format(Locale.ROOT, "ctrace release: %d release, %d hold, %d review",
                        count(rows, ReleaseDecision.RELEASE), count(rows, ReleaseDecision.HOLD),
                        count(rows, ReleaseDecision.REVIEW)));
            }
            return session.finish();
        }
    }

    private static long count(List<ReleaseRow> rows, ReleaseDecision d) {
        return rows.stream().filter(r -> r.decision() == d).count();
    }
}
