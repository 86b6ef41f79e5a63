package org.ctrace.domain.trace;

import static org.ctrace.domain.trace.Fixture.asOf;
import static org.ctrace.domain.trace.Fixture.at;
import static org.ctrace.domain.trace.Fixture.confirmed;
import static org.ctrace.domain.trace.Fixture.date;
import static org.ctrace.domain.trace.Fixture.describe;
import static org.ctrace.domain.trace.Fixture.describeOrders;
import static org.ctrace.domain.trace.Fixture.on;
import static org.ctrace.domain.trace.Fixture.point;
import static org.ctrace.domain.trace.Fixture.row;
import static org.ctrace.domain.trace.Fixture.span;
import static org.ctrace.domain.trace.Fixture.time;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ctrace.domain.InfectiousWindow;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.QuarantineRecord;
import org.ctrace.domain.QuarantineRegistry;
import org.ctrace.domain.QuarantineStatus;
import org.ctrace.domain.RuleProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §3 "Windows" for a close contact as a tier-2 source: it opens at its first_exposure and
 * closes at its quarantine start (a date alone: 24:00 of that day), or at 24:00 of the as-of
 * day when it has no quarantine row, or when its row is released with an end_date before the
 * date of its first_exposure; when that closing instant is not after first_exposure the
 * window is empty. Quarantine rows starting after the as-of day are treated as absent.
 *
 * <p>Profile cn-9, as of 2024-03-12. Case A (onset 2024-03-10) meets B at a meal on
 * 2024-03-08 10:00–11:00, so B's first_exposure is 2024-03-08 10:00. B then meets C…I at
 * single instants ("work", minutes unknown), before, at and after the possible closings.
 */
class SecondaryWindowTest {

    /** Each of B's contacts and the instant they met. */
    private static final Map<String, String> MET = Map.of(
            "C", "2024-03-08 09:59",
            "D", "2024-03-08 10:00",
            "E", "2024-03-09 11:59",
            "F", "2024-03-09 12:00",
            "G", "2024-03-09 23:59",
            "H", "2024-03-10 00:00",
            "I", "2024-03-12 23:59");

    private static final String B = "B|close|A|2024-03-08 10:00|2024-03-08 11:00|2024-03-08|A|meal";

    private static Fixture.Run run(QuarantineRecord bRow) {
        Fixture.Run run = asOf("2024-03-12").cases(confirmed("A", "2024-03-10"))
                .events(span("A", "B", "2024-03-08 10:00", "2024-03-08 11:00", "meal"));
        MET.forEach((person, instant) -> run.events(point("B", person, instant, "work")));
        if (bRow != null) {
            run.rows(bRow);
        }
        return run;
    }

    /** What tracing should list: B, then B's secondary contacts among {@code ids}. */
    private static List<String> expected(String... ids) {
        List<String> out = new ArrayList<>();
        out.add(B);
        for (String id : ids) {
            String t = MET.get(id);
            out.add(id + "|secondary|B|" + t + "|" + t + "|" + t.substring(0, 10) + "|B|work");
        }
        return out;
    }

    static Stream<Arguments> closings() {
        return Stream.of(
                Arguments.of("no quarantine row: to 24:00 of the as-of day", null,
                        List.of("D", "E", "F", "G", "H", "I")),
                Arguments.of("quarantine start as a date: 24:00 of that day",
                        row("B", QuarantineStatus.HOME, on("2024-03-09"), null),
                        List.of("D", "E", "F", "G")),
                Arguments.of("quarantine start with a time: that instant",
                        row("B", QuarantineStatus.CENTRALIZED, time("2024-03-09 12:00"), null),
                        List.of("D", "E")),
                Arguments.of("quarantine start on the day of the first exposure",
                        row("B", QuarantineStatus.CENTRALIZED, on("2024-03-08"), null),
                        List.of("D")),
                Arguments.of("released before the first exposure's date: an earlier episode",
                        row("B", QuarantineStatus.RELEASED, on("2024-02-20"), "2024-03-07"),
                        List.of("D", "E", "F", "G", "H", "I")),
                Arguments.of("released on the first exposure's date: not an earlier episode, window empty",
                        row("B", QuarantineStatus.RELEASED, on("2024-02-20"), "2024-03-08"),
                        List.of()),
                Arguments.of("released without end_date: closes at its start, window empty",
                        row("B", QuarantineStatus.RELEASED, on("2024-02-20"), null),
                        List.of()),
                Arguments.of("quarantine row starting after the as-of day: absent",
                        row("B", QuarantineStatus.CENTRALIZED, on("2024-03-13"), "2024-03-20"),
                        List.of("D", "E", "F", "G", "H", "I")),
                Arguments.of("quarantine started before the first exposure: window empty",
                        row("B", QuarantineStatus.HOME, on("2024-03-01"), null),
                        List.of()),
                Arguments.of("quarantine started at the first exposure's instant: window empty",
                        row("B", QuarantineStatus.CENTRALIZED, time("2024-03-08 10:00"), null),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closings")
    void theCloseContactsWindowDecidesItsSecondaryContacts(String label, QuarantineRecord bRow, List<String> ids) {
        TraceResult r = run(bRow).trace();

        assertEquals(expected(ids.toArray(String[]::new)), describe(r));
        assertEquals(1, r.summary().atTier(1));
        assertEquals(ids.size(), r.summary().atTier(2));
    }

    @Test
    void aQuarantineRowStartingAfterTheAsOfDayIsAbsentFromTheListToo() {
        List<QuarantineOrder> orders = run(row("B", QuarantineStatus.CENTRALIZED, on("2024-03-13"), "2024-03-20"))
                .orders();

        assertEquals(List.of(
                "B|close|A|2024-03-08 10:00|2024-03-08 11:00|centralized|2024-03-15|2024-03-18|none||quarantine",
                "D|secondary|B|2024-03-08 10:00|2024-03-08 10:00|home|2024-03-15||none||quarantine",
                "E|secondary|B|2024-03-09 11:59|2024-03-09 11:59|home|2024-03-16||none||quarantine",
                "F|secondary|B|2024-03-09 12:00|2024-03-09 12:00|home|2024-03-16||none||quarantine",
                "G|secondary|B|2024-03-09 23:59|2024-03-09 23:59|home|2024-03-16||none||quarantine",
                "H|secondary|B|2024-03-10 00:00|2024-03-10 00:00|home|2024-03-17||none||quarantine",
                "I|secondary|B|2024-03-12 23:59|2024-03-12 23:59|home|2024-03-19||none||quarantine"),
                describeOrders(orders));
    }

    @Test
    void aContactWindowOpensAtTheFirstExposureAndClosesAt24OfTheAsOfDayWhenItsRowStartsLater() {
        TraceResult r = run(null).trace();
        QuarantineRegistry later = new QuarantineRegistry(
                List.of(row("B", QuarantineStatus.HOME, on("2024-03-20"), null)), date("2024-03-12"));
        ContactTracer tracer = new ContactTracer(RuleProfiles.CN_9, List.of(), PersonRegistry.none(), later,
                sink -> { }, date("2024-03-12"), 2);

        InfectiousWindow w = tracer.contactWindow(r.find("B").orElseThrow());
        assertEquals("B", w.sourceId());
        assertEquals(at("2024-03-08 10:00"), w.opens());
        assertEquals(at("2024-03-13 00:00"), w.closes());
    }
}
