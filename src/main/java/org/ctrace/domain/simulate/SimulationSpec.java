package org.ctrace.domain.simulate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to simulate. The same spec always gives the same rows.
 *
 * @param persons persons in the registry, at least 2
 * @param cases cases, from 0 to persons
 * @param events contact events, at least 0
 * @param seed the seed of every random choice
 * @param caseShare the fraction of events, 0 to 1, that touch a case or a recent contact of one
 * @param start the first day of the period
 * @param days the length of the period, 1 to 366 days
 * @param asOf the day the data are as of: later isolations are not yet known; null for the
 *             last day of the period
 * @param language the language of names
 * @param circle how many regular acquaintances each case and contact meets in outbreak
 *               events (the same persons again and again, as people do); 0: a new person
 *               each time, so every outbreak event can reach someone new
 * @param farNoise whether the events outside the outbreak are all at a known distance above
 *                 1 m in settings that are not always close (a city's day of check-ins, none
 *                 of which makes a close contact), rather than a mix like the outbreak's
 */
public record SimulationSpec(int persons, int cases, long events, long seed, double caseShare, LocalDate start,
                             int days, LocalDate asOf, Language language, int circle, boolean farNoise) {

    /** A spec in which outbreak events meet a new person each time and the rest are mixed. */
    public SimulationSpec(int persons, int cases, long events, long seed, double caseShare, LocalDate start,
                          int days, LocalDate asOf, Language language) {
        this(persons, cases, events, seed, caseShare, start, days, asOf, language, 0, false);
    }

    /** The longest period: long enough for a season, short enough for the day tables. */
    public static final int MAX_DAYS = 366;

    /** Checks every value; a bad one throws {@link IllegalArgumentException} saying what was expected. */
    public SimulationSpec {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(language, "language");
        if (persons < 2) {
            throw new IllegalArgumentException("persons must be at least 2, not " + persons);
        }
        if (cases < 0 || cases > persons) {
            throw new IllegalArgumentException("cases must be from 0 to the number of persons (" + persons
                    + "), not " + cases);
        }
        if (events < 0) {
            throw new IllegalArgumentException("events must be at least 0, not " + events);
        }
        if (!(caseShare >= 0 && caseShare <= 1)) {
            throw new IllegalArgumentException("case share must be from 0 to 1, not " + caseShare);
        }
        if (circle < 0) {
            throw new IllegalArgumentException("circle must be at least 0, not " + circle);
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be from 1 to " + MAX_DAYS + ", not " + days);
        }
        // Four-digit years keep every date form readable back.
        if (start.getYear() < 1971 || start.getYear() > 9000) {
            throw new IllegalArgumentException("start must be a date from 1971 to 9000, not " + start);
        }
        if (asOf == null) {
            asOf = start.plusDays(days - 1L);
        } else if (asOf.isBefore(start) || asOf.getYear() > 9000) {
            throw new IllegalArgumentException("as-of must be on or after start " + start + ", not " + asOf);
        }
    }
}
