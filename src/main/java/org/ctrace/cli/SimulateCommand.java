package org.ctrace.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ctrace.domain.simulate.Language;
import org.ctrace.domain.simulate.Simulation;
import org.ctrace.domain.simulate.SimulationSpec;
import org.ctrace.domain.simulate.SimulationSummary;
import org.ctrace.io.SimulationFiles;
import org.ctrace.io.TimeParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ctrace simulate}: a synthetic outbreak for drills, demos and benchmarks (SPEC §4). */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        header = "Writes a synthetic outbreak of a given size: persons, cases, contacts, quarantine.",
        description = {"Writes persons.csv, cases.csv, contacts.csv and quarantine.csv into --out: one city of "
                + "districts, towns, villages and households; cases with infectious windows and infectors; exactly "
                + "--events contact events in the mixed forms real exports use, of which --case-share touch a case "
                + "or a recent contact of one; and quarantine rows in every state. The same arguments give the "
                + "same bytes. A one-line summary goes to standard error."})
final class SimulateCommand implements Callable<Integer> {

    @ParentCommand
    private Main top;

    @Option(names = "--persons", paramLabel = "N", required = true, description = "Persons in the registry (at least 2).")
    int persons;

    @Option(names = "--cases", paramLabel = "N", required = true, description = "Cases, chosen among the persons.")
    int cases;

    @Option(names = "--events", paramLabel = "N", required = true, description = "Contact events: exactly this many rows.")
    long events;

    @Option(names = "--seed", paramLabel = "S", required = true,
            description = "Seed of every random choice: the same arguments give the same files.")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder for the four files (created when missing; files there are replaced).")
    Path out;

    @Option(names = "--circle", paramLabel = "N", defaultValue = "0",
            description = "Each case and contact meets the same N regular acquaintances in outbreak events "
                    + "(0, the default: someone new each time). A small circle keeps a haystack's outbreak the "
                    + "size of a real one.")
    int circle;

    /** What the events outside the outbreak are like. */
    enum Noise { MIXED, FAR }

    @Option(names = "--noise", paramLabel = "mixed|far", defaultValue = "mixed",
            description = "The events outside the outbreak: mixed like the outbreak's (default), or far: "
                    + "at a known distance above 1 m in settings that are not always close, as in a city's day "
                    + "of check-ins in which only the outbreak's events make close contacts.")
    Noise noise;

    @Option(names = "--case-share", paramLabel = "F", defaultValue = "0.7",
            description = "Fraction of events, 0 to 1, that touch a case or a recent contact of one; the rest are "
                    + "between random persons (default: ${DEFAULT-VALUE}; 0.01 makes a haystack).")
    double caseShare;

    @Option(names = "--start", paramLabel = "DATE", defaultValue = "2024-03-01", converter = Converters.Date.class,
            description = "First day of the period (default: ${DEFAULT-VALUE}).")
    LocalDate start;

    @Option(names = "--days", paramLabel = "N", defaultValue = "21",
            description = "Length of the period in days, 1 to 366 (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--as-of", paramLabel = "DATE", converter = Converters.Date.class,
            description = "The day the data are as of: later isolations are not yet known, and some quarantine "
                    + "rows start after it (default: the last day of the period).")
    LocalDate asOf;

    @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en",
            description = "Names in pinyin (en) or Chinese characters (zh) (default: ${DEFAULT-VALUE}).")
    Language language;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        SimulationSpec spec;
        try {
            spec = new SimulationSpec(persons, cases, events, seed, caseShare, start, days, asOf, language, circle,
                    noise == Noise.FAR);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (start.minusYears(1).getYear() < TimeParser.FIRST_YEAR
                || start.plusDays(days).plusYears(1).getYear() > TimeParser.LAST_YEAR) {
            // onsets, samples and quarantine ends fall around the period: all must read back
            throw new UsageException("--start " + start + ": the period, and a year either side of it, must lie in "
                    + "the years " + TimeParser.FIRST_YEAR + " to " + TimeParser.LAST_YEAR + " that ctrace reads");
        }
        SimulationSummary s = SimulationFiles.write(out, new Simulation(spec));
        top.console().err().println(String.format(Locale.ROOT,
                "ctrace simulate: %d persons (%d households, %d villages), %d cases, %d events (%d with a case, "
                        + "%d with a recent contact), %d quarantine rows, %s to %s, into %s, %.1f s",
                s.persons(), s.households(), s.villages(), s.cases(), s.events(), s.caseEvents(),
                s.contactEvents(), s.quarantineRows(), spec.start(), spec.start().plusDays(spec.days() - 1L),
                out, (System.nanoTime() - started) / 1e9));
        return ExitCode.OK;
    }
}
