package org.ctrace.io;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ctrace.domain.Case;
import org.ctrace.domain.Classification;
import org.ctrace.domain.Moment;
import org.ctrace.domain.PersonRegistry;

/** Reads cases.csv (SPEC §2). */
public final class CasesFile {

    /** The columns of cases.csv. */
    public static final List<Column> COLUMNS = List.of(Column.required("person_id"),
            Column.optional("classification"), Column.optional("onset_date"), Column.optional("sample_date"),
            Column.optional("isolation_date"), Column.optional("infector"));

    private CasesFile() {
    }

    /** Reads the cases; bad rows are logged and left out; unknown persons are warnings. */
    public static List<Case> read(InputFile file, TimeParser parser, ProblemLog log, PersonRegistry persons) {
        return readWithLines(file, parser, log, persons).cases();
    }

    /**
     * The cases read, and the line of each case's row, for what is found about a case after
     * the reading (its empty infectious window).
     */
    public record Read(List<Case> cases, Map<String, Long> lines) {
        public Read {
            cases = List.copyOf(cases);
            lines = Map.copyOf(lines);
        }
    }

    /** {@link #read}, with the line each case was read from. */
    public static Read readWithLines(InputFile file, TimeParser parser, ProblemLog log, PersonRegistry persons) {
        List<Case> cases = new ArrayList<>();
        Map<String, Long> lines = new HashMap<>();
        // the ids on rows read so far, and whether a row of each was kept
        Map<String, Boolean> seen = new HashMap<>();
        try (CsvTable table = CsvTable.open(file, COLUMNS, log)) {
            if (!table.has("onset_date") && !table.has("sample_date")) {
                InputProblem p = new InputProblem(file.label(), 1, "onset_date", null,
                        "expected in the header: a case needs an onset_date or a sample_date column",
                        "missing column", InputProblem.Severity.ERROR);
                throw log.stop(p);
            }
            for (Row row = table.next(); row != null; row = table.next()) {
                String id = row.required("person_id");
                Boolean earlierKept = id.isEmpty() ? null : seen.get(id);
                if (Boolean.TRUE.equals(earlierKept)) {
                    row.error("person_id", id, "expected a unique id; this case is on an earlier row too", "duplicate id");
                }
                Classification cls = row.word("classification", Classification.class, Classification.CONFIRMED);
                LocalDate onset = row.date("onset_date", parser);
                LocalDate sample = row.date("sample_date", parser);
                if (row.text("onset_date").isEmpty() && row.text("sample_date").isEmpty()) {
                    row.error("onset_date", "", "expected an onset_date or a sample_date (a case needs an anchor date)",
                            "missing value");
                }
                Moment isolation = row.moment("isolation_date", parser);
                String infector = row.text("infector");
                if (!id.isEmpty() && id.equals(infector)) {
                    row.error("infector", infector, "expected another person's id (a case cannot infect itself)",
                            "self-link");
                }
                boolean kept = row.accept();
                if (!id.isEmpty() && !Boolean.TRUE.equals(earlierKept)) {
                    seen.put(id, kept);
                }
                if (kept) {
                    cases.add(new Case(id, cls, onset, sample, isolation, infector));
                    lines.put(id, row.line());
                    if (Boolean.FALSE.equals(earlierKept)) {
                        // under --on-error skip: a case left out for its earlier row's mistake would
                        // leave every one of its contacts untraced
                        row.warn("person_id", id, "expected a unique id; this case is on an earlier row too, which "
                                + "has an error: this row is used when bad rows are skipped", "duplicate id");
                    }
                    if (persons.isGiven() && !persons.contains(id)) {
                        row.warn("person_id", id, "not in persons.csv", "unknown person");
                    }
                }
            }
        }
        return new Read(cases, lines);
    }
}
