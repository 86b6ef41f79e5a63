package org.ctrace.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.ctrace.domain.Case;
import org.ctrace.domain.Moment;
import org.ctrace.domain.WallClock;
import org.ctrace.domain.chains.CaseLink;
import org.ctrace.domain.chains.LinkKind;
import org.ctrace.domain.chains.LinkOrigin;
import org.ctrace.domain.chains.LinkProblem;

/**
 * The case-to-case links of SPEC §8: links.csv ({@code from, to, date, kind}, the layout of
 * epicontacts' contact lists and Go.Data's relationships) and the cases' {@code infector}
 * column, each link carrying the file, line and column it came from; and the warnings about
 * links, in the problem log.
 */
public final class LinksFile {

    /** The columns of links.csv. */
    public static final List<Column> COLUMNS = List.of(Column.required("from"), Column.required("to"),
            Column.optional("date"), Column.optional("kind"));

    private LinksFile() {
    }

    /**
     * Reads links.csv: an empty kind is {@code reported}; a self-link, a kind {@code inferred}
     * (ctrace infers those itself) or any other word is a bad row.
     */
    public static List<CaseLink> read(InputFile file, TimeParser parser, ProblemLog log) {
        List<CaseLink> links = new ArrayList<>();
        try (CsvTable table = CsvTable.open(file, COLUMNS, log)) {
            for (Row row = table.next(); row != null; row = table.next()) {
                String from = row.required("from");
                String to = row.required("to");
                if (!from.isEmpty() && from.equals(to)) {
                    row.error("to", to, "expected a person other than from (a case cannot infect itself)", "self-link");
                }
                Moment date = row.moment("date", parser);
                LinkKind kind = kind(row);
                if (row.accept()) {
                    links.add(new CaseLink(from, to, kind, date, new LinkOrigin(file.label(), row.line(), "from", "to")));
                }
            }
        }
        return links;
    }

    private static LinkKind kind(Row row) {
        String v = row.text("kind").toLowerCase(Locale.ROOT);
        switch (v) {
            case "":
            case "reported":
                return LinkKind.REPORTED;
            case "related":
                return LinkKind.RELATED;
            case "inferred":
                row.error("kind", row.text("kind"), "expected reported or related (inferred links are made by "
                        + "chains --infer, not read)", "bad word");
                return null;
            default:
                row.error("kind", row.text("kind"), "expected reported or related", "bad word");
                return null;
        }
    }

    /**
     * The reported links of the cases' infector column, each at the line of the row its case
     * was read from ({@link CasesFile.Read#lines}: under --on-error skip, not an earlier
     * rejected row of the same case; and from standard input too, which cannot be read again).
     */
    public static List<CaseLink> infectors(List<Case> cases, String casesLabel, ToLongFunction<String> lineOf) {
        List<CaseLink> links = new ArrayList<>();
        for (Case c : cases) {
            if (!c.infector().isEmpty() && !c.infector().equals(c.personId())) {
                links.add(new CaseLink(c.infector(), c.personId(), LinkKind.REPORTED, null,
                        new LinkOrigin(casesLabel, lineOf.applyAsLong(c.personId()), "infector", "person_id")));
            }
        }
        return links;
    }

    /** The infector links and the links of links.csv (when given), in that order. */
    public static List<CaseLink> readAll(List<Case> cases, String casesLabel, ToLongFunction<String> lineOf,
                                         InputFile linksFile, TimeParser parser, ProblemLog log) {
        List<CaseLink> links = new ArrayList<>(infectors(cases, casesLabel, lineOf));
        if (linksFile != null) {
            links.addAll(read(linksFile, parser, log));
        }
        return links;
    }

    /** Logs the problems found in the links as warnings, each at the file, line and column of its link. */
    public static void warn(List<LinkProblem> problems, ProblemLog log) {
        for (LinkProblem p : problems) {
            CaseLink l = p.link();
            if (l.origin() == null) {
                continue;
            }
            String column = p.atFrom() ? l.origin().fromColumn() : l.origin().toColumn();
            String value = p.person();
            String message;
            String kind;
            if (p.kind() == LinkProblem.Kind.AFTER_AS_OF) {
                column = "date";
                value = text(l.date());
                message = "dated after the as-of day: the contact had not happened by then, so the link is not used";
                kind = "link after as-of";
            } else if (p.kind() == LinkProblem.Kind.NONCASE) {
                message = "expected a case: " + p.person() + " is not in the cases, so this " + l.kind().word()
                        + " link is left out (chains --keep-noncase keeps it, with " + p.person() + " as a non-case)";
                kind = "non-case in link";
            } else {
                message = "a backward link: " + l.from() + " (anchor " + p.fromAnchor() + ") comes after " + l.to()
                        + " (anchor " + p.toAnchor() + ") in (anchor date, person_id) order; it joins the cluster "
                        + "but is not used for generations";
                kind = "backward link";
            }
            log.add(new InputProblem(l.origin().file(), l.origin().line(), column, value, message, kind,
                    InputProblem.Severity.WARNING));
        }
    }

    /** {@code yyyy-MM-dd} for a date alone, {@code yyyy-MM-dd HH:mm} for a date-time, empty for none. */
    public static String text(Moment m) {
        if (m == null) {
            return "";
        }
        return m.hasTime() ? WallClock.minutes(m.instant()) : m.date().toString();
    }
}
