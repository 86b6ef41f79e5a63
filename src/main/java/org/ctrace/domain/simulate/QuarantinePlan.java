package org.ctrace.domain.simulate;

import java.util.SplittableRandom;
import org.ctrace.domain.QuarantineStatus;
import org.ctrace.domain.WallClock;

/**
 * The quarantine registry: rows for most of the persons who met a case (the cases'
 * housemates and every planned contact), in every state a field team meets, plus about one
 * in twenty unrelated to the outbreak; at most one row per person, cases excluded (their
 * isolation is in cases.csv). Rows are made in person order, so nothing is kept.
 *
 * <p>Most rows start 0 to 3 days after the exposure (tracing takes time) and no later than
 * the as-of day; some started before the exposure (an earlier episode, mostly released);
 * some start after the as-of day (planned, not yet in force). Planned ends are usually a week
 * or two after the start, sometimes early, sometimes open.
 */
final class QuarantinePlan {

    /** The share of the persons who met a case that have a row. */
    private static final int LISTED_PCT = 70;

    /** An open end (no end_date). */
    private static final long OPEN = Long.MIN_VALUE;

    private final SimulationSpec spec;
    private final Population population;
    private final CasePlan cases;
    private final int[] firstMeeting;
    private final SplittableRandom r;
    private final long periodStart;
    private final int districts;
    private final int sites;

    /**
     * @param firstMeeting by person, minutes from the period's start to the first meeting with a
     *                     case, as {@link ContactGenerator#firstMeetings()} gives them; the
     *                     plan adds the cases' housemates to it
     */
    QuarantinePlan(SimulationSpec spec, Population population, CasePlan cases, int[] firstMeeting,
                   SplittableRandom r) {
        this.spec = spec;
        this.population = population;
        this.cases = cases;
        this.firstMeeting = firstMeeting;
        this.r = r;
        this.periodStart = WallClock.startOf(spec.start());
        this.districts = population.districts();
        this.sites = Math.min(99, 2 * districts + 1);
    }

    /** Hands the rows to the sink by person number, one person at a time, and says how many. */
    int write(SimulationSink sink) {
        addHousemates();
        int met = 0;
        for (int p = 0; p < firstMeeting.length; p++) {
            met += firstMeeting[p] != ContactGenerator.NEVER && !cases.isCase(p) ? 1 : 0;
        }
        int others = population.persons() - met - cases.size();
        double unrelated = others <= 0 ? 0 : Math.min(1, Math.max(1, met * LISTED_PCT / 100.0 / 20) / others);
        long periodMinutes = spec.days() * WallClock.DAY / 60;
        int rows = 0;
        for (int p = 0; p < firstMeeting.length; p++) {
            if (cases.isCase(p)) {
                continue;
            }
            if (firstMeeting[p] != ContactGenerator.NEVER) {
                if (r.nextInt(100) < LISTED_PCT) {
                    sink.quarantine(row(p, periodStart + firstMeeting[p] * 60L));
                    rows++;
                }
            } else if (r.nextDouble() < unrelated) {
                sink.quarantine(row(p, periodStart + r.nextLong(periodMinutes) * 60));
                rows++;
            }
        }
        return rows;
    }

    /** Housemates of a case are exposed from the opening of its window (the household rule). */
    private void addHousemates() {
        for (int c = 0; c < cases.size(); c++) {
            int h = population.household(cases.person(c));
            int minute = (int) ((cases.windowOpen(c) - periodStart) / 60);
            for (int p = population.householdStart(h); p < population.householdEnd(h); p++) {
                firstMeeting[p] = Math.min(firstMeeting[p], minute);
            }
        }
    }

    private QuarantineRow row(int person, long exposure) {
        long exposureDay = WallClock.day(exposure);
        long asOf = spec.asOf().toEpochDay();
        int kind = r.nextInt(100);
        QuarantineStatus status;
        long start;
        long end;
        if (kind < 8) {
            start = exposureDay - 1 - r.nextInt(6);
            if (r.nextInt(10) < 7) {
                status = QuarantineStatus.RELEASED;
                end = start + r.nextInt((int) (exposureDay - start));
            } else {
                status = r.nextBoolean() ? QuarantineStatus.CENTRALIZED : QuarantineStatus.HOME;
                end = plannedEnd(start);
            }
        } else if (kind < 20) {
            start = asOf + 1 + r.nextInt(3);
            status = r.nextInt(10) < 6 ? QuarantineStatus.CENTRALIZED : QuarantineStatus.HOME;
            end = plannedEnd(start);
        } else {
            start = exposureDay + r.nextInt(4);
            if (start > asOf) {
                start = Math.max(exposureDay, asOf);
            }
            int u = r.nextInt(100);
            status = u < 50 ? QuarantineStatus.CENTRALIZED : u < 75 ? QuarantineStatus.HOME
                    : u < 82 ? QuarantineStatus.HOSPITAL : QuarantineStatus.RELEASED;
            end = switch (status) {
                case HOSPITAL -> r.nextInt(10) < 6 ? start + 7 + r.nextInt(15) : OPEN;
                case RELEASED -> r.nextInt(10) < 9 ? start + 1 + r.nextInt(7) : OPEN;
                default -> plannedEnd(start);
            };
        }
        TimeForm form = CasePlan.dateForm(r);
        Stamp startStamp = r.nextInt(100) < 15
                ? new Stamp(start * WallClock.DAY + (8 * 60 + r.nextInt(14 * 60)) * 60L, TimeForm.MINUTES)
                : Stamp.ofDay(start, form);
        Stamp endStamp = end == OPEN ? null : Stamp.ofDay(end, form);
        return new QuarantineRow(person, status, startStamp, endStamp, site(status));
    }

    /** A week or two; one in five planned to end early; some open-ended. */
    private long plannedEnd(long start) {
        int u = r.nextInt(100);
        return u < 50 ? start + 7 : u < 65 ? start + 14 : u < 85 ? start + 2 + r.nextInt(4) : OPEN;
    }

    private String site(QuarantineStatus status) {
        return switch (status) {
            case CENTRALIZED -> centralSite();
            case HOSPITAL -> "HOSP" + (1 + r.nextInt(districts));
            case RELEASED -> r.nextBoolean() ? centralSite() : "";
            case HOME -> "";
        };
    }

    private String centralSite() {
        int n = 1 + r.nextInt(sites);
        return n < 10 ? "S0" + n : "S" + n;
    }
}
