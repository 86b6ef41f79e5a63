package org.ctrace.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ctrace.domain.Case;
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
import org.ctrace.io.QuarantineFile;
import org.ctrace.io.RejectsFile;
import org.ctrace.io.TimeParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code ctrace validate}: every problem of every input, with file, line and column. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Checks the inputs and reports every problem found.",
        description = {"Reads every given input to the end and lists each problem as FILE:LINE: column 'X': "
                + "value 'V': expected ..., then the counts by kind. Exit 1 when there is any error, 0 when "
                + "there are warnings only."})
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    private Main top;

    @Mixin
    private InputOptions input;

    @Mixin
    private LinksOption links;

    @Override
    public Integer call() {
        InputSet.Sources files = input.sources(top.console(), false);
        RejectsFile file = input.rejectsFile(files, new WrittenFiles());
        if (file == null) {
            return validate(files, new ProblemLog(), null);
        }
        // the rows with errors, for whoever fixes them
        try (RejectsFile rejects = file) {
            int code = validate(files, new ProblemLog(rejects), input.rejects);
            rejects.commit();
            return code;
        }
    }

    private int validate(InputSet.Sources files, ProblemLog log, java.nio.file.Path rejects) {
        TimeParser parser = new TimeParser(input.zone());
        PersonRegistry persons = files.persons() == null ? PersonRegistry.none()
                : read(files.persons(), log, () -> PersonsFile.read(files.persons(), log), PersonRegistry.none());
        List<Case> cases = read(files.cases(), log, () -> CasesFile.read(files.cases(), parser, log, persons), null);
        if (cases != null) {
            InputFile linksFile = links.file(input, top.console());
            List<CaseLink> given = new ArrayList<>(LinksFile.infectors(cases, files.cases()));
            if (linksFile != null) {
                given.addAll(read(linksFile, log, () -> LinksFile.read(linksFile, parser, log), List.of()));
            }
            LinksFile.warn(TransmissionChains.check(cases, given, input.asOf()), log);
        }
        if (files.quarantine() != null) {
            read(files.quarantine(), log, () -> QuarantineFile.read(files.quarantine(), parser, log, persons), null);
        }
        if (files.contacts() != null) {
            ContactsFile contacts = new ContactsFile(files.contacts(), parser, log, persons, OnError.SKIP);
            read(files.contacts(), log, contacts::readForProblems, null);
        }
        List<String> report = new ArrayList<>();
        log.errors().forEach(p -> report.add(p.toString()));
        log.warnings().forEach(p -> report.add(p.toString()));
        if (log.errorCount() > ProblemLog.KEPT || log.warningCount() > ProblemLog.KEPT) {
            report.add("(only the first " + ProblemLog.KEPT + " errors and warnings are listed)");
        }
        report.add(ProblemLog.plural(log.errorCount(), "error") + ", " + ProblemLog.plural(log.warningCount(), "warning"));
        kinds(report, "error", log.errorKinds());
        kinds(report, "warning", log.warningKinds());
        if (rejects != null) {
            report.add(ProblemLog.plural(log.rejectedRows(), "row") + " with errors written to " + rejects);
        }
        OutputTarget.stream(top.console().out(), false).write(w -> {
            for (String line : report) {
                w.write(line);
                w.write(System.lineSeparator());
            }
        });
        return log.hasErrors() ? ExitCode.BAD_INPUT : ExitCode.OK;
    }

    /** Reads one file; a problem that stops reading the file is logged and the next file is read. */
    private static <T> T read(InputFile file, ProblemLog log, java.util.function.Supplier<T> reader, T fallback) {
        try {
            return reader.get();
        } catch (InputException e) {
            if (e.problems().isEmpty()) {
                log.add(new InputProblem(file.label(), 0, null, null, e.getMessage().replaceFirst("^\\Q"
                        + file.label() + "\\E: ", ""), "unreadable file", InputProblem.Severity.ERROR));
            } else if (e.problems().stream().noneMatch(p -> log.errors().contains(p))) {
                e.problems().forEach(log::add);
            }
            return fallback;
        }
    }

    private static void kinds(List<String> report, String what, Map<String, Long> kinds) {
        kinds.forEach((kind, n) -> report.add("  " + what + "s: " + kind + ": " + n));
    }
}
