package org.ctrace.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ctrace.domain.InfectiousWindow;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.chains.CaseLink;
import org.ctrace.domain.chains.TransmissionChains;
import org.ctrace.io.CasesFile;
import org.ctrace.io.ContactsFile;
import org.ctrace.io.InputException;
import org.ctrace.io.InputFile;
import org.ctrace.io.InputProblem;
import org.ctrace.io.InputSet;
import org.ctrace.io.LinksFile;
import org.ctrace.io.OnError;
import org.ctrace.io.OutputTarget;
import org.ctrace.io.PersonsFile;
import org.ctrace.io.ProblemLog;
import org.ctrace.io.ProblemReport;
import org.ctrace.io.QuarantineFile;
import org.ctrace.io.RejectsFile;
import org.ctrace.io.TableFormat;
import org.ctrace.io.TimeParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ctrace validate}: every problem of every input, with file, line and column. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Checks the inputs and reports every problem found.",
        description = {"Reads every given input to the end and lists each problem as FILE:LINE: column 'X': "
                + "value 'V': expected ..., then the counts by kind. Exit 1 when there is any error, 0 when "
                + "there are warnings only. The rule options (--profile and its overrides, as for trace) "
                + "decide one check: a source case whose infectious window is empty traces no one."})
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    private Main top;

    @Mixin
    private InputOptions input;

    @Mixin
    private LinksOption links;

    @Mixin
    private RuleOptions rules;

    @Mixin
    private ResultFile result;

    @Option(names = "--format", paramLabel = "csv|tsv|json|table",
            description = "Instead of the report, the problems as a table in this format (severity, file, line, "
                    + "column, value, problem, kind); the counts then go to standard error.")
    private TableFormat format;

    @Option(names = "--quiet", description = "No progress on standard error, nor the counts that follow a --format table.")
    private boolean quiet;

    @Override
    public Integer call() {
        rules.check();
        OutputTarget target = result.checkedTarget(top.console());
        InputSet.Sources files = input.sources(top.console(), false);
        InputFile linksFile = links.file(input, top.console());
        RejectsFile file = input.rejectsFile(files, new WrittenFiles().add("-o", result.output).reading(linksFile));
        if (file == null) {
            return validate(files, linksFile, new ProblemLog(), target);
        }
        // the rows with errors, for whoever fixes them
        try (RejectsFile rejects = file) {
            int code = validate(files, linksFile, new ProblemLog(rejects), target);
            rejects.commit();
            return code;
        }
    }

    private int validate(InputSet.Sources files, InputFile linksFile, ProblemLog log, OutputTarget target) {
        TimeParser parser = new TimeParser(input.zone());
        PersonRegistry persons = files.persons() == null ? PersonRegistry.none()
                : read(files.persons(), log, () -> PersonsFile.read(files.persons(), log), PersonRegistry.none());
        CasesFile.Read read = read(files.cases(), log,
                () -> CasesFile.readWithLines(files.cases(), parser, log, persons), null);
        // links.csv's own rows are checked whether or not the cases could be read
        List<CaseLink> links = linksFile == null ? List.of()
                : read(linksFile, log, () -> LinksFile.read(linksFile, parser, log), List.of());
        if (read != null) {
            checkCases(read, files.cases().label(), links, log);
        }
        if (files.quarantine() != null) {
            read(files.quarantine(), log, () -> QuarantineFile.read(files.quarantine(), parser, log, persons), null);
        }
        if (files.contacts() != null) {
            ContactsFile contacts = new ContactsFile(files.contacts(), parser, log, persons, OnError.SKIP);
            if (!quiet) {
                contacts.progress(ProgressMeter.forStandardError(top.console().err()));
            }
            read(files.contacts(), log, contacts::readForProblems, null);
        }
        ProblemReport report = new ProblemReport(log, input.rejects);
        if (format == null) {
            target.write(report::writeText);
        } else {
            target.write(w -> report.writeTable(format, w));
            PrintWriter err = top.console().err();
            if (!quiet) {
                report.counts().forEach(err::println);
            } else if (report.leftOut() != null) {
                err.println(report.leftOut());
            }
            err.flush();
        }
        return log.hasErrors() ? ExitCode.BAD_INPUT : ExitCode.OK;
    }

    /**
     * What trace and chains would warn of: a source case that traces no one (under the rule
     * options), a link naming a person who is not a case, a backward link.
     */
    private void checkCases(CasesFile.Read read, String label, List<CaseLink> links, ProblemLog log) {
        for (InfectiousWindow w : InfectiousWindow.ofSources(read.cases(), rules.profile(), input.asOf())) {
            if (w.isEmpty()) {
                log.add(InputSession.emptyWindow(w, input.asOf(), label, read.lines().getOrDefault(w.sourceId(), 0L)));
            }
        }
        List<CaseLink> given = new ArrayList<>(LinksFile.infectors(read.cases(), label,
                id -> read.lines().getOrDefault(id, 0L)));
        given.addAll(links);
        LinksFile.warn(TransmissionChains.check(read.cases(), given, input.asOf()), log);
    }

    /** Reads one file; a problem that stops reading the file is logged and the next file is read. */
    private static <T> T read(InputFile file, ProblemLog log, java.util.function.Supplier<T> reader, T fallback) {
        try {
            return reader.get();
        } catch (InputException e) {
            if (e.problems().isEmpty()) {
                log.add(new InputProblem(file.label(), 0, null, null, e.getMessage().replaceFirst("^\\Q"
                        + file.label() + "\\E: ", ""), "unreadable file", InputProblem.Severity.ERROR));
            } else if (!e.isLogged()) {
                // those the log holds already (the rows before a syntax error) are not told twice
                List<InputProblem> known = log.errors();
                e.problems().stream().filter(p -> !known.contains(p)).forEach(log::add);
            }
            return fallback;
        }
    }
}
