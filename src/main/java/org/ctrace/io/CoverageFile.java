package org.ctrace.io;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.ctrace.domain.Area;
import org.ctrace.domain.coverage.CoverageRow;
import org.ctrace.domain.coverage.Gap;
import org.ctrace.domain.trace.QuarantineOrder;

/** Writes the coverage table and the gap list of SPEC §6. */
public final class CoverageFile {

    /** The coverage columns, in order. */
    public static final List<String> COLUMNS = List.of("city", "district", "town", "village", "required_close",
            "required_secondary", "centralized", "home", "hospital", "not_quarantined", "wrong_type",
            "early_release", "coverage_pct");

    /** The gap list's columns: the quarantine list's and a reason. */
    public static final List<String> GAP_COLUMNS;

    static {
        List<String> c = new ArrayList<>(QuarantineListFile.COLUMNS);
        c.add("reason");
        GAP_COLUMNS = List.copyOf(c);
    }

    private CoverageFile() {
    }

    /** Writes the coverage rows. */
    public static void write(List<CoverageRow> rows, TableFormat format, Writer out) throws IOException {
        try (TableWriter w = TableWriter.of(format, COLUMNS, out)) {
            for (CoverageRow r : rows) {
                w.row(cells(r));
            }
        }
    }

    /** The cells of one coverage row. */
    public static List<String> cells(CoverageRow r) {
        Area a = r.area();
        BigDecimal pct = r.coveragePct();
        return List.of(a.city(), a.district(), a.town(), a.village(), num(r.requiredClose()),
                num(r.requiredSecondary()), num(r.centralized()), num(r.home()), num(r.hospital()),
                num(r.notQuarantined()), num(r.wrongType()), num(r.earlyRelease()),
                pct == null ? "" : pct.toPlainString());
    }

    /** The cells of one gap: the quarantine-list row and the reason. */
    public static List<String> cells(Gap g) {
        List<String> c = new ArrayList<>(QuarantineListFile.cells(g.order()));
        c.add(g.reason());
        return c;
    }

    /** Writes the gap list. */
    public static void writeGaps(List<Gap> gaps, TableFormat format, Writer out) throws IOException {
        try (TableWriter w = TableWriter.of(format, GAP_COLUMNS, out)) {
            for (Gap g : gaps) {
                w.row(cells(g));
            }
        }
    }

    /** The area of a gap's person, for splitting. */
    public static Area area(Gap g) {
        return area(g.order());
    }

    static Area area(QuarantineOrder o) {
        return o.person().area();
    }

    private static String num(int n) {
        return Integer.toString(n);
    }
}
