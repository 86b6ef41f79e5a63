package org.ctrace.io;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.ctrace.domain.Area;
import org.ctrace.domain.Person;
import org.ctrace.domain.release.ReleaseRow;
import org.ctrace.domain.trace.QuarantineOrder;
import org.ctrace.domain.trace.TracedPerson;

/** Writes the release list of SPEC §7. */
public final class ReleaseFile {

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("person_id", "name", "tier", "current_status", "planned_end",
            "quarantine_end", "monitoring_end", "decision", "reason", "phone", "city", "district", "town", "village");

    private ReleaseFile() {
    }

    /** Writes the rows (already sorted). */
    public static void write(List<ReleaseRow> rows, TableFormat format, Writer out) throws IOException {
        try (TableWriter w = TableWriter.of(format, COLUMNS, out)) {
            for (ReleaseRow r : rows) {
                w.row(cells(r));
            }
        }
    }

    /** The cells of one row. */
    public static List<String> cells(ReleaseRow r) {
        Person p = r.person();
        Area a = p.area();
        QuarantineOrder o = r.order();
        return List.of(p.id(), p.name(), o == null ? "" : TracedPerson.tierName(o.tier()),
                r.quarantine().status().word(), QuarantineListFile.text(r.quarantine().plannedEnd()),
                o == null ? "" : o.quarantineEnd().toString(), o == null ? "" : QuarantineListFile.text(o.monitoringEnd()),
                r.decision().word(), r.reason(), p.phone(), a.city(), a.district(), a.town(), a.village());
    }
}
