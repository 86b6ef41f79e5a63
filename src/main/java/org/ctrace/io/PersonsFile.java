package org.ctrace.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ctrace.domain.Area;
import org.ctrace.domain.Person;
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
        List<Person> persons = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (CsvTable table = CsvTable.open(file, COLUMNS, log)) {
            for (Row row = table.next(); row != null; row = table.next()) {
                String id = row.required("person_id");
                if (!id.isEmpty() && !seen.add(id)) {
                    row.error("person_id", id, "a unique id (it is on an earlier row too)", "duplicate id");
                }
                Area area = new Area(row.text("city"), row.text("district"), row.text("town"), row.text("village"));
                Person p = new Person(id, row.text("name"), row.text("phone"), area, row.text("household_id"));
                if (row.accept()) {
                    persons.add(p);
                }
            }
        }
        return PersonRegistry.of(persons);
    }
}
