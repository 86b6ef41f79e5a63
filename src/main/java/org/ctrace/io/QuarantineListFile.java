package org.ctrace.io;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import org.ctrace.domain.Area;
import org.ctrace.domain.Person;
import org.ctrace.domain.trace.QuarantineOrder;
import org.ctrace.domain.trace.TracedPerson;

/** Writes the quarantine list in the columns and order of SPEC §5. */
public final class QuarantineListFile {

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("person_id", "name", "tier", "sources", "first_exposure",
            "last_exposure", "quarantine_type", "quarantine_end", "monitoring_end", "phone", "city", "district",
            "town", "village", "current_status", "action", "basis");

    private QuarantineListFile() {
    }

    /** Writes the orders (already sorted) in the given format. */
    public static void write(List<QuarantineOrder> orders, TableFormat format, Writer out) throws IOException {
        try (TableWriter w = TableWriter.of(format, COLUMNS, out)) {
            w.rows(orders, QuarantineListFile::cells);
        }
    }

    /** The cells of one order, in column order. */
    public static List<String> cells(QuarantineOrder o) {
        Person p = o.person();
        Area a = p.area();
        TracedPerson t = o.traced();
        return List.of(p.id(), p.name(), TracedPerson.tierName(t.tier()), String.join(";", t.sources()),
                t.firstText(), t.lastText(), o.quarantineType().word(), o.quarantineEnd().toString(),
                text(o.monitoringEnd()), p.phone(), a.city(), a.district(), a.town(), a.village(),
                o.currentStatus(), o.action().word(), o.basis());
    }

    static String text(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
