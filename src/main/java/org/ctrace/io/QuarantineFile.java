package org.ctrace.io;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ctrace.domain.Moment;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.QuarantineRecord;
import org.ctrace.domain.QuarantineStatus;

/** Reads quarantine.csv (SPEC §2): at most one row per person. */
public final class QuarantineFile {

    /** The columns of quarantine.csv. */
    public static final List<Column> COLUMNS = List.of(Column.required("person_id"), Column.required("status"),
            Column.required("start_date"), Column.optional("end_date"), Column.optional("site_id"));

    private QuarantineFile() {
    }

    /** Reads the rows; bad rows are logged and left out; unknown persons are warnings. */
    public static List<QuarantineRecord> read(InputFile file, TimeParser parser, ProblemLog log,
                                              PersonRegistry persons) {
        List<QuarantineRecord> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (CsvTable table = CsvTable.open(file, COLUMNS, log)) {
            for (Row row = table.next(); row != null; row = table.next()) {
                String id = row.required("person_id");
                if (!id.isEmpty() && !seen.add(id)) {
                    row.error("person_id", id, "expected at most one row per person; this person is on an earlier row too",
                            "duplicate id");
                }
                QuarantineStatus status = row.word("status", QuarantineStatus.class, null);
                if (row.text("status").isEmpty()) {
                    row.error("status", "", "expected one of centralized, home, hospital, released", "missing value");
                }
                Moment start = row.moment("start_date", parser);
                if (row.text("start_date").isEmpty()) {
                    row.error("start_date", "", "expected the date quarantine began (the column is required)", "missing value");
                }
                LocalDate end = row.date("end_date", parser);
                if (row.accept()) {
                    rows.add(new QuarantineRecord(id, status, start, end, row.text("site_id")));
                    if (persons.isGiven() && !persons.contains(id)) {
                        row.warn("person_id", id, "not in persons.csv", "unknown person");
                    }
                    if (end != null && end.isBefore(start.date())) {
                        row.warn("end_date", row.text("end_date"), "before start_date " + start.date(),
                                "end before start");
                    }
                }
            }
        }
        return List.copyOf(rows);
    }
}
