package org.ctrace.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.chains.CaseLink;
import org.ctrace.domain.chains.LinkKind;
import org.ctrace.domain.chains.LinkOrigin;
import org.ctrace.domain.chains.LinkProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** links.csv and the infector column as links (SPEC §8), with file, line and column in every message. */
class LinksFileTest {

    private static final TimeParser PARSER = new TimeParser(ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;

    private InputFile file(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n", UTF_8);
        return new InputFile(name, p, null, UTF_8);
    }

    private static String describe(CaseLink l) {
        return l.from() + ">" + l.to() + "|" + l.kind().word() + "|" + LinksFile.text(l.date()) + "|"
                + l.origin().file() + ":" + l.origin().line();
    }

    @Test
    void readsTheLinksWithTheirKindDateAndLine() throws IOException {
        ProblemLog log = new ProblemLog();
        List<CaseLink> links = LinksFile.read(file("links.csv", " From,TO ,date,Kind,note", "P1,P2,,,index family",
                "P2,P3,2024-03-05,related,", "", "P3,P4,2024-03-06 08:30,REPORTED,"), PARSER, log);
        assertEquals(List.of("P1>P2|reported||links.csv:2", "P2>P3|related|2024-03-05|links.csv:3",
                "P3>P4|reported|2024-03-06 08:30|links.csv:5"), links.stream().map(LinksFileTest::describe).toList());
        assertEquals(new LinkOrigin("links.csv", 2, "from", "to"), links.get(0).origin());
        assertEquals(0, log.errorCount());
    }

    @Test
    void aSelfLinkAnInferredRowAndAnUnknownKindAreBadRows() throws IOException {
        ProblemLog log = new ProblemLog();
        List<CaseLink> links = LinksFile.read(file("links.csv", "from,to,date,kind", "P4,P4,,", "P5,P6,,inferred",
                "P5,P6,,maybe", ",P6,,", "P5,P6,2024-02-30,", "P7,P8,,related"), PARSER, log);
        assertEquals(List.of("P7>P8|related||links.csv:7"), links.stream().map(LinksFileTest::describe).toList());
        assertEquals(List.of(
                "links.csv:2: column 'to': value 'P4': expected a person other than from (a case cannot infect itself)",
                "links.csv:3: column 'kind': value 'inferred': expected reported or related (inferred links are made "
                        + "by chains --infer, not read)",
                "links.csv:4: column 'kind': value 'maybe': expected reported or related",
                "links.csv:5: column 'from': value '': " + log.errors().get(3).expected(),
                "links.csv:6: column 'date': value '2024-02-30': " + log.errors().get(4).expected()),
                log.errors().stream().map(InputProblem::toString).toList());
        assertEquals(List.of("self-link", "bad word", "bad word", "missing value", "bad date"),
                log.errors().stream().map(InputProblem::kind).toList());
        assertEquals(5, log.rejectedRows());
    }

    @Test
    void aMissingColumnStopsTheFileAndNamesIt() throws IOException {
        InputFile f = file("links.csv", "source,target", "P1,P2");
        InputException e = assertThrows(InputException.class, () -> LinksFile.read(f, PARSER, new ProblemLog()));
        assertTrue(e.getMessage().startsWith("links.csv:1: column 'from': "), e.getMessage());
    }

    @Test
    void theInfectorColumnGivesReportedLinksAtTheLinesOfTheirCases() throws IOException {
        InputFile cases = file("cases.csv", "person_id,onset_date,infector", "P1,2024-03-01,", "",
                "\"P2\",2024-03-05,P1", "P3,2024-03-06,X9");
        List<CaseLink> links = infectors(cases);
        assertEquals(List.of("P1>P2|reported||cases.csv:4", "X9>P3|reported||cases.csv:5"),
                links.stream().map(LinksFileTest::describe).toList());
        assertEquals(new LinkOrigin("cases.csv", 4, "infector", "person_id"), links.get(0).origin());
    }

    @Test
    void aCaseReadFromTheRowAfterARejectedOneLinksFromThatRow() throws IOException {
        // under --on-error skip, P2's first row is rejected (a bad date) and its second is used
        assertEquals(List.of("P9>P2|reported||cases.csv:4"), infectorsOf("P1,2024-03-01,", "P2,2024-03-40,P1",
                "P2,2024-03-05,P9"));
    }

    @Test
    void aRejectedRowNamingTheSameInfectorIsNotTheLinksLine() throws IOException {
        // a second reader's find: the link was placed at the first row naming (P2, P1), the rejected one
        assertEquals(List.of("P1>P2|reported||cases.csv:4"), infectorsOf("P1,2024-03-01,", "P2,,P1",
                "P2,2024-03-05,P1"));
    }

    /** The links of a cases.csv of these rows (person_id, onset_date, infector), described. */
    private List<String> infectorsOf(String... rows) throws IOException {
        String[] lines = new String[rows.length + 1];
        lines[0] = "person_id,onset_date,infector";
        System.arraycopy(rows, 0, lines, 1, rows.length);
        return infectors(file("cases.csv", lines)).stream().map(LinksFileTest::describe).toList();
    }

    @Test
    void casesFromStandardInputHaveTheirLinesToo() {
        byte[] text = "person_id,onset_date,infector\nP1,2024-03-01,\nP2,2024-03-05,P1\n".getBytes(UTF_8);
        InputFile stdin = InputFile.stdin(new ByteArrayInputStream(text), UTF_8);
        List<CaseLink> links = infectors(stdin);
        assertEquals(new LinkOrigin(InputFile.STDIN, 3, "infector", "person_id"), links.get(0).origin());
    }

    private static List<CaseLink> infectors(InputFile cases) {
        CasesFile.Read read = CasesFile.readWithLines(cases, PARSER, new ProblemLog(), PersonRegistry.none());
        return LinksFile.infectors(read.cases(), cases.label(), id -> read.lines().getOrDefault(id, 0L));
    }

    @Test
    void problemsBecomeWarningsAtTheLinksPlace() {
        CaseLink backward = new CaseLink("P20", "P01", LinkKind.REPORTED, null,
                new LinkOrigin("cases.csv", 2, "infector", "person_id"));
        CaseLink noncase = new CaseLink("P1", "X9", LinkKind.RELATED, null, new LinkOrigin("links.csv", 7, "from", "to"));
        CaseLink inferred = new CaseLink("P1", "X9", LinkKind.INFERRED, null, null);
        ProblemLog log = new ProblemLog();
        LinksFile.warn(List.of(
                new LinkProblem(backward, LinkProblem.Kind.BACKWARD, true, LocalDate.of(2024, 3, 13),
                        LocalDate.of(2024, 3, 10)),
                new LinkProblem(noncase, LinkProblem.Kind.NONCASE, false, null, null),
                new LinkProblem(inferred, LinkProblem.Kind.NONCASE, false, null, null)), log);
        assertEquals(List.of("cases.csv:2: warning: column 'infector': value 'P20': a backward link: P20 (anchor "
                        + "2024-03-13) comes after P01 (anchor 2024-03-10) in (anchor date, person_id) order; it joins "
                        + "the cluster but is not used for generations",
                "links.csv:7: warning: column 'to': value 'X9': expected a case: X9 is not in the cases, so this "
                        + "related link is left out (chains --keep-noncase keeps it, with X9 as a non-case)"),
                log.warnings().stream().map(InputProblem::toString).toList());
        assertEquals(List.of("backward link", "non-case in link"),
                log.warnings().stream().map(InputProblem::kind).toList());
    }
}
