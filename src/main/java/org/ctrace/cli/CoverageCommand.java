package org.ctrace.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ctrace.domain.AreaLevel;
import org.ctrace.domain.coverage.CoverageReport;
import org.ctrace.domain.coverage.CoverageRow;
import org.ctrace.domain.coverage.Gap;
import org.ctrace.domain.trace.QuarantineList;
import org.ctrace.io.CoverageFile;
import org.ctrace.io.InputSet;
import org.ctrace.io.OutputTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ctrace coverage}: coverage by area and the gap list (SPEC §6). */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        header = "Coverage by area: how many who must be quarantined are, and the gap list.",
        description = {"One row per area at the --by level, every area of persons.csv included even at zero, "
                + "then a row for listed persons without a known area, then TOTAL. --gaps writes the persons behind "
                + "not_quarantined, wrong_type and early_release: the list that must reach zero."})
final class CoverageCommand implements Callable<Integer> {

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

    @Option(names = "--by", paramLabel = "LEVEL", defaultValue = "district",
            description = "city, district, town or village (default: ${DEFAULT-VALUE}).")
    AreaLevel by;

    @Option(names = "--gaps", paramLabel = "FILE",
            description = "Write the gap list (quarantine-list rows with a reason) to FILE; --split-by splits it by area.")
    Path gaps;

    @Override
    public Integer call() {
        rules.check();
        split.check();
        output.check(gaps, split);
        output.check(split);
        WrittenFiles written = new WrittenFiles().add("-o", output.output()).add("--gaps", gaps).splitInto(split);
        try (InputSession session = new InputSession(input, top.console(), output.quiet, true, written)) {
            InputSet in = session.inputs();
            QuarantineList list = rules.quarantineList(in, input.asOf());
            session.checkpoint();
            session.warnEmptyWindows(list.trace().summary());
            CoverageReport report = new CoverageReport(list.orders(), in.persons().areas(), by);
            List<CoverageRow> rows = report.rows();
            // a city's gap list holds most of its list's rows: made only when written
            List<Gap> gapList = gaps != null || split.given() ? report.gaps() : List.of();
            // the split first: only there can a file be refused once the run is done (one of DIR's
            // own files with the name of one of the set's)
            split.write(gapList, i -> CoverageFile.area(gapList.get(i)), CoverageFile.GAP_COLUMNS, CoverageFile::cells,
                    in.persons().areas(), output, written);
            if (gaps != null) {
                OutputTarget.file(gaps, output.bom()).write(w -> CoverageFile.writeGaps(gapList, output.format, w));
            }
            output.target(top.console()).write(w -> CoverageFile.write(rows, output.format, w));
            if (!output.quiet) {
                CoverageRow total = rows.get(rows.size() - 1);
                top.console().err().println(String.format(Locale.ROOT,
                        "ctrace coverage: %d required, %d not quarantined, %d wrong type, %d early release, coverage %s%%",
                        total.required(), total.notQuarantined(), total.wrongType(), total.earlyRelease(),
                        total.coveragePct() == null ? "-" : total.coveragePct().toPlainString()));
            }
            return session.finish();
        }
    }
}
