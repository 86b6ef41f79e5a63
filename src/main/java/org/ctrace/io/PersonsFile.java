package org.ctrace.io;

import java.util.List;
import org.ctrace.domain.Area;
import org.ctrace.domain.PersonRegistry;

/** Reads persons.csv (SPEC §2) into a {@link PersonRegistry}. */
public final class PersonsFile {

    /** The columns of persons.csv. */
    public static final List<Column> COLUMNS = List.of(Column.required("person_id"), Column.optional("name"),
            Column.optional("phone"), Column.optional("city"), Column.optional("district"),
            Column.optional("town"), Column.optional("village"), Column.optional("household_id"));

    private PersonsFile() {
    }

    /** Reads the registry; bad rows are logged and left out. */
    public static PersonRegistry read(InputFile file, ProblemLog log) {
        PersonRegistry.Builder registry = PersonRegistry.builder();
        try (CsvTable table = CsvTable.open(file, COLUMNS, log)) {
            for (Row row = table.next(); row != null; row = table.next()) {
                String id = row.required("person_id");
                Area area = new Area(row.text("city"), row.text("district"), row.text("town"), row.text("village"));
                if (!id.isEmpty() && registry.contains(id)) {
                    row.error("person_id", id, "expected a unique id; it is on an earlier row too", "duplicate id");
                }
                if (row.accept()) {
                    registry.add(id, row.text("name"), row.text("phone"), area, row.text("household_id"));
                }
            }
        }
        return registry.build();
    }
}
