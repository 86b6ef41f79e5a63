package org.ctrace.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.ctrace.domain.Case;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.QuarantineRecord;
import org.ctrace.domain.QuarantineRegistry;

/**
 * The inputs of a run, read and checked: persons, cases and quarantine rows in memory (they
 * are small), contact events as a stream. Problems go to the run's {@link ProblemLog}.
 */
public final class InputSet implements AutoCloseable {

    /**
     * Where the inputs are.
     *
     * @param cases cases.csv
     * @param contacts contacts.csv
     * @param persons persons.csv, or null
     * @param quarantine quarantine.csv, or null
     */
    public record Sources(InputFile cases, InputFile contacts, InputFile persons, InputFile quarantine) {
    }

    private final PersonRegistry persons;
    private final CasesFile.Read cases;
    private final List<QuarantineRecord> quarantineRows;
    private final QuarantineRegistry quarantine;
    private final ContactsFile contacts;
    private final Path spool;

    private InputSet(PersonRegistry persons, CasesFile.Read cases, List<QuarantineRecord> quarantineRows,
                     QuarantineRegistry quarantine, ContactsFile contacts, Path spool) {
        this.persons = persons;
        this.cases = cases;
        this.quarantineRows = quarantineRows;
        this.quarantine = quarantine;
        this.contacts = contacts;
        this.spool = spool;
    }

    /**
     * Reads persons, cases and quarantine rows, and prepares contacts for streaming (standard
     * input is copied to a temporary file first, since tracing reads contacts once per tier).
     */
    public static InputSet read(Sources files, TimeParser parser, LocalDate asOf, ProblemLog log, OnError onError) {
        // quarantine.csv is read on another core while persons.csv is (a city's registry takes one
        // core for a second or more); its problems are staged and logged after those of cases.csv
        // (on a thread of its own: a daemon, so a run that stops on persons.csv does not wait for it)
        CompletableFuture<QuarantineFile.Staged> quarantine = files.quarantine() == null ? null
                : CompletableFuture.supplyAsync(() -> QuarantineFile.stage(files.quarantine(), parser),
                        task -> Background.threads("ctrace-quarantine").newThread(task).start());
        PersonRegistry persons = files.persons() == null ? PersonRegistry.none() : PersonsFile.read(files.persons(), log);
        CasesFile.Read cases = CasesFile.readWithLines(files.cases(), parser, log, persons);
        QuarantineFile.Staged staged = quarantine == null ? null : Background.join(quarantine);
        List<QuarantineRecord> rows = staged == null ? List.of() : staged.finish(log, persons);
        InputFile contactsFile = files.contacts();
        Path spool = null;
        if (contactsFile != null && !contactsFile.isRegularFile()) {
            // a pass per tier: what can be read only once is copied to a temporary file first
            spool = spool(contactsFile);
            contactsFile = contactsFile.withPath(spool);
        }
        ContactsFile contacts = contactsFile == null ? null
                : new ContactsFile(contactsFile, parser, log, persons, onError);
        QuarantineRegistry registry = staged == null ? QuarantineRegistry.none() : staged.registry(asOf);
        return new InputSet(persons, cases, rows, registry, contacts, spool);
    }

    private static Path spool(InputFile file) {
        try (InputStream in = file.isStdin() ? file.stdin() : Files.newInputStream(file.path())) {
            Path tmp = Files.createTempFile("ctrace-contacts-", ".csv");
            tmp.toFile().deleteOnExit();
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return tmp;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(file.label() + ": no such file");
        } catch (IOException e) {
            throw new InputException(file.label() + ": cannot be read: " + e.getMessage());
        }
    }

    public PersonRegistry persons() {
        return persons;
    }

    public List<Case> cases() {
        return cases.cases();
    }

    /** The line of a case's row in cases.csv (0 when not read from there). */
    public long caseLine(String personId) {
        return cases.lines().getOrDefault(personId, 0L);
    }

    /** Every quarantine row read, including rows that start after the as-of day. */
    public List<QuarantineRecord> quarantineRows() {
        return quarantineRows;
    }

    /** The quarantine registry as of the as-of day. */
    public QuarantineRegistry quarantine() {
        return quarantine;
    }

    /** The contact events, or null when no contacts file was given. */
    public ContactsFile contacts() {
        return contacts;
    }

    @Override
    public void close() {
        if (spool != null) {
            try {
                Files.deleteIfExists(spool);
            } catch (IOException e) {
                // a temporary file left behind is deleted at exit anyway
            }
        }
    }
}
