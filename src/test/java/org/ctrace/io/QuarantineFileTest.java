package org.ctrace.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ctrace.domain.Area;
import org.ctrace.domain.Person;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.QuarantineRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * quarantine.csv is read while persons.csv is, its unknown-person warnings put among its
 * other problems when the registry is there: the problems must read as if found in file order.
 */
class QuarantineFileTest {

    private static final TimeParser PARSER = new TimeParser(ZoneId.of("UTC"));

    @TempDir
    Path dir;

    private InputFile file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return InputFile.of(p, StandardCharsets.UTF_8);
    }

    private static PersonRegistry registered(String... ids) {
        List<Person> persons = new ArrayList<>();
        for (String id : ids) {
            persons.add(new Person(id, "", "", Area.UNKNOWN, ""));
        }
        return PersonRegistry.of(persons);
    }

    private static List<String> shown(List<InputProblem> problems) {
        return problems.stream().map(p -> p.line() + " " + p.column() + " " + p.kind()).toList();
    }

    @Test
    void unknownPersonWarningsComeInFileOrderAmongTheOtherProblems() throws IOException {
        InputFile q = file("quarantine.csv", "person_id,status,start_date,end_date\n"
                + "P1,home,2024-03-05,2024-03-01\n"      // line 2: end before start
                + "X1,home,2024-03-05,2024-03-01\n"      // line 3: unknown, then end before start
                + "P2,nowhere,2024-03-05,\n"             // line 4: bad status (rejected, no warning)
                + "X2,centralized,2024-03-05,\n"         // line 5: unknown
                + "P1,home,2024-03-06,\n"                // line 6: duplicate (rejected)
                + "P3,hospital,2024-03-05,2024-03-04\n"  // line 7: end before start
                + "X3,released,2024-03-01,2024-03-09\n"); // line 8: unknown
        List<RejectedRow> rejected = new ArrayList<>();
        ProblemLog log = new ProblemLog(rejected::add);

        List<QuarantineRecord> rows = QuarantineFile.read(q, PARSER, log, registered("P1", "P2", "P3"));

        assertEquals(List.of("P1", "X1", "X2", "P3", "X3"), rows.stream().map(QuarantineRecord::personId).toList());
        assertEquals(List.of("2 end_date end before start", "3 person_id unknown person", "3 end_date end before start",
                "5 person_id unknown person", "7 end_date end before start", "8 person_id unknown person"),
                shown(log.warnings()));
        assertEquals(List.of("4 status bad word", "6 person_id duplicate id"), shown(log.errors()));
        assertEquals(Map.of("end before start", 3L, "unknown person", 3L), log.warningKinds());
        assertEquals(6, log.warningCount());
        assertEquals(2, log.errorCount());
        assertEquals(List.of(4L, 6L), rejected.stream().map(RejectedRow::line).toList());
    }

    @Test
    void withoutPersonsNoOneIsUnknown() throws IOException {
        InputFile q = file("quarantine.csv", "person_id,status,start_date\nX1,home,2024-03-05\nX2,home,2024-03-06\n");
        ProblemLog log = new ProblemLog();
        assertEquals(2, QuarantineFile.read(q, PARSER, log, PersonRegistry.none()).size());
        assertEquals(0, log.warningCount());
    }

    @Test
    void pastTheKeptWarningsTheRestAreCountedInOrder() throws IOException {
        StringBuilder b = new StringBuilder("person_id,status,start_date,end_date\n");
        int n = ProblemLog.KEPT;
        for (int i = 0; i < n; i++) {
            // every row warns twice: an unknown person, then an end before the start
            b.append("X").append(i).append(",home,2024-03-05,2024-03-01\n");
        }
        ProblemLog log = new ProblemLog();
        QuarantineFile.read(file("quarantine.csv", b.toString()), PARSER, log, registered("P1"));

        List<String> expected = new ArrayList<>();
        for (int line = 2; expected.size() < ProblemLog.KEPT; line++) {
            expected.add(line + " person_id unknown person");
            expected.add(line + " end_date end before start");
        }
        assertEquals(expected, shown(log.warnings()));
        assertEquals(2L * n, log.warningCount());
        assertEquals(Map.of("end before start", (long) n, "unknown person", (long) n), log.warningKinds());
    }

    @Test
    void theRunsLogTakesPersonsCasesThenQuarantineProblems() throws IOException {
        InputFile persons = file("persons.csv", "person_id,name\nP1,a\nP1,b\n");
        InputFile cases = file("cases.csv", "person_id,classification,onset_date\nC9,confirmed,2024-03-01\n");
        InputFile quarantine = file("quarantine.csv", "person_id,status,start_date\nX1,home,2024-03-05\nP1,,2024-03-05\n");
        ProblemLog log = new ProblemLog();
        try (InputSet in = InputSet.read(new InputSet.Sources(cases, null, persons, quarantine), PARSER,
                LocalDate.parse("2024-03-10"), log, OnError.SKIP)) {
            assertEquals(1, in.quarantineRows().size());
        }
        assertEquals(List.of("persons.csv 3 person_id duplicate id", "quarantine.csv 3 status missing value"),
                log.errors().stream().map(p -> Path.of(p.file()).getFileName() + " " + p.line() + " " + p.column()
                        + " " + p.kind()).toList());
        assertEquals(List.of("cases.csv 2 person_id unknown person", "quarantine.csv 2 person_id unknown person"),
                log.warnings().stream().map(p -> Path.of(p.file()).getFileName() + " " + p.line() + " "
                        + p.column() + " " + p.kind()).toList());
    }

    @Test
    void aQuarantineFileThatCannotBeReadStopsTheRunAsBefore() throws IOException {
        InputFile persons = file("persons.csv", "person_id\nP1\n");
        InputFile cases = file("cases.csv", "person_id,classification,onset_date\nP1,confirmed,2024-03-01\n");
        InputFile quarantine = file("quarantine.csv", "person_id,start_date\nP1,2024-03-05\n");
        InputException e = assertThrows(InputException.class, () -> InputSet.read(
                new InputSet.Sources(cases, null, persons, quarantine), PARSER, LocalDate.parse("2024-03-10"),
                new ProblemLog(), OnError.SKIP));
        assertEquals(true, e.getMessage().contains("status"), e.getMessage());
    }

    @Test
    void problemsBeforeARowThatIsNotCsvAreReportedBeforeItStopsTheReading() throws IOException {
        InputFile q = file("quarantine.csv", "person_id,status,start_date,end_date\n"
                + "X1,home,2024-03-05,2024-03-01\n"   // line 2: unknown, then end before start
                + "P1,bogus,2024-03-05,\n"            // line 3: bad status (rejected)
                + "\"x,home,2024-03-05,\n");         // line 4: a quote never closed
        List<RejectedRow> rejected = new ArrayList<>();
        ProblemLog log = new ProblemLog(rejected::add);

        assertThrows(InputException.class, () -> QuarantineFile.read(q, PARSER, log, registered("P1")));

        assertEquals(List.of("3 status bad word"), shown(log.errors()));
        assertEquals(List.of("2 person_id unknown person", "2 end_date end before start"), shown(log.warnings()));
        assertEquals(List.of(3L), rejected.stream().map(RejectedRow::line).toList());
    }
}
