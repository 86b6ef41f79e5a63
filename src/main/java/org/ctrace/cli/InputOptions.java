package org.ctrace.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.ctrace.io.InputException;
import org.ctrace.io.InputFile;
import org.ctrace.io.InputSet;
import org.ctrace.io.OnError;
import org.ctrace.io.OutputTarget;
import org.ctrace.io.RejectsFile;
import picocli.CommandLine.Option;

/** The options of every command that reads inputs (SPEC §4). */
final class InputOptions {

    @Option(names = "--in", paramLabel = "DIR",
            description = "Folder with the inputs under their standard names: cases.csv, contacts.csv, "
                    + "and persons.csv and quarantine.csv when present.")
    Path in;

    @Option(names = "--cases", paramLabel = "FILE", description = "cases.csv ('-' for standard input).")
    String cases;

    @Option(names = "--contacts", paramLabel = "FILE", description = "contacts.csv ('-' for standard input).")
    String contacts;

    @Option(names = "--persons", paramLabel = "FILE", description = "persons.csv, the person registry (optional).")
    String persons;

    @Option(names = "--quarantine", paramLabel = "FILE", description = "quarantine.csv, the status registry (optional).")
    String quarantine;

    @Option(names = "--as-of", paramLabel = "DATE", converter = Converters.Date.class,
            description = "Answer for the end of this day (default: today in --zone).")
    LocalDate asOf;

    @Option(names = "--zone", paramLabel = "ZONE", converter = Converters.Zone.class,
            description = "Time zone that Z and +08:00 offsets are converted to (default: the system zone).")
    ZoneId zone;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8", converter = Converters.Encoding.class,
            description = "Charset of the inputs, such as UTF-8 or GB18030 (default: ${DEFAULT-VALUE}).")
    Charset encoding;

    @Option(names = "--on-error", paramLabel = "fail|skip", defaultValue = "fail",
            description = "fail: a bad row stops the run before any output; skip: bad rows are left out, "
                    + "counted, and the exit code is 3 (default: ${DEFAULT-VALUE}).")
    OnError onError;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "With --on-error skip: write the rejected rows here, with line and reason.")
    Path rejects;

    /** The zone of the run. */
    ZoneId zone() {
        return zone != null ? zone : ZoneId.systemDefault();
    }

    /** The as-of day. */
    LocalDate asOf() {
        return asOf != null ? asOf : LocalDate.now(zone());
    }

    /** The charset of the inputs. */
    Charset charset() {
        return encoding != null ? encoding : StandardCharsets.UTF_8;
    }

    /** Resolves the input files; a usage problem is reported as {@link UsageException}. */
    InputSet.Sources sources(Console console, boolean needsContacts) {
        InputFile casesFile = file(cases, "cases.csv", true, console);
        InputFile contactsFile = file(contacts, "contacts.csv", needsContacts, console);
        InputFile personsFile = file(persons, "persons.csv", false, console);
        InputFile quarantineFile = file(quarantine, "quarantine.csv", false, console);
        int stdin = 0;
        for (InputFile f : new InputFile[] {casesFile, contactsFile, personsFile, quarantineFile}) {
            stdin += f != null && f.isStdin() ? 1 : 0;
        }
        if (stdin > 1) {
            throw new UsageException("'-' (standard input) may stand for one input only");
        }
        if (rejects != null && onError != OnError.SKIP) {
            throw new UsageException("--rejects goes with --on-error skip");
        }
        return new InputSet.Sources(casesFile, contactsFile, personsFile, quarantineFile);
    }

    /**
     * The --rejects file, or null: checked apart from the run's other outputs and its inputs,
     * and writable, before anything is read (it is written at the end, like the other outputs).
     */
    RejectsFile rejectsFile(InputSet.Sources sources, WrittenFiles written) {
        written.add("--rejects", rejects).check(sources.cases(), sources.contacts(), sources.persons(),
                sources.quarantine());
        if (rejects == null) {
            return null;
        }
        if (!written.inSplit(rejects)) {
            OutputTarget.file(rejects, false).check();
        } else if (Files.isDirectory(rejects)) {
            // its folder may be made later, but a folder of that name cannot become a file
            throw new InputException(rejects + ": cannot be written: it is a folder");
        }
        return new RejectsFile(rejects);
    }

    /**
     * The file of this standard name in --in DIR. A file whose name differs only in case
     * (Persons.csv, as some systems save it) is a usage error: left unread, an optional input
     * would silently be missing (no households, no statuses), and read, it would be a guess;
     * so is such a file beside the standard one (which of the two is today's?).
     */
    Path standard(String standardName) {
        Path p = in.resolve(standardName);
        List<String> others;
        try (Stream<Path> files = Files.list(in)) {
            others = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.equalsIgnoreCase(standardName) && !n.equals(standardName)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            // the folder cannot be listed: the file is missing, as said where it is needed
            return p;
        }
        String option = "--" + standardName.substring(0, standardName.indexOf('.'));
        // on a file system blind to case (macOS, Windows) Persons.csv is persons.csv itself
        others = others.stream().filter(n -> !OutputTarget.sameFile(p, in.resolve(n))).toList();
        if (!others.isEmpty() && exists(p)) {
            throw new UsageException("--in " + in + " has both " + standardName + " and " + others.get(0)
                    + ": keep one, or name the one to read with " + option);
        }
        if (!others.isEmpty()) {
            throw new UsageException("--in " + in + " has " + others.get(0) + ", not " + standardName
                    + ": rename it, or name it with " + option);
        }
        return p;
    }

    /** Whether the folder holds this name, even as a link to a file that is gone (which is then read, and missed). */
    static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    private InputFile file(String given, String standardName, boolean required, Console console) {
        if (given != null) {
            return given.equals("-") ? InputFile.stdin(console.in(), charset())
                    : InputFile.of(Path.of(given), charset());
        }
        if (in != null) {
            Path p = standard(standardName);
            if (exists(p) || required) {
                return InputFile.of(p, charset());
            }
            return null;
        }
        if (required) {
            String option = "--" + standardName.substring(0, standardName.indexOf('.'));
            throw new UsageException("no " + standardName + ": give " + option + " FILE or --in DIR");
        }
        return null;
    }
}
