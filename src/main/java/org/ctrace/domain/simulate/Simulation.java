package org.ctrace.domain.simulate;

import java.util.Objects;
import java.util.SplittableRandom;
import org.ctrace.domain.Area;

/**
 * A synthetic outbreak (SPEC §4, {@code ctrace simulate}): persons, cases, contact events and
 * quarantine rows, valid under SPEC §2, for drills, demos and benchmarks.
 *
 * <p>Deterministic: every choice comes from a {@link SplittableRandom} seeded by the spec, with
 * one stream per file, so the persons and cases of a seed do not change when only the number
 * of events does. Nothing depends on the clock or on hash order.
 *
 * <p>Cost: time linear in persons + cases + events; memory linear in persons (a few ints
 * each) and cases, and constant in events: rows are handed to the sink one by one, as they
 * are made.
 */
public final class Simulation {

    private final SimulationSpec spec;

    /** A simulation of the spec (which checked itself). */
    public Simulation(SimulationSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** The spec simulated. */
    public SimulationSpec spec() {
        return spec;
    }

    /** Makes every row, in {@link SimulationSink}'s order, and says how many of each. */
    public SimulationSummary run(SimulationSink sink) {
        SplittableRandom root = new SplittableRandom(spec.seed());
        SplittableRandom places = root.split();
        SplittableRandom people = root.split();
        SplittableRandom outbreak = root.split();
        SplittableRandom meetings = root.split();
        SplittableRandom registry = root.split();

        Names names = new Names(spec.language());
        Population population = new Population(spec.persons(), places, names);
        persons(population, names, people, sink);

        CasePlan cases = new CasePlan(spec, population, outbreak);
        cases.rows().forEach(sink::caseRow);

        ContactGenerator contacts = new ContactGenerator(spec, population, cases, meetings);
        contacts.run(sink);

        int quarantine = new QuarantinePlan(spec, population, cases, contacts.firstMeetings(), registry).write(sink);

        return new SimulationSummary(population.persons(), population.households(), population.villages(),
                cases.size(), spec.events(), contacts.caseEvents(), contacts.contactEvents(), quarantine);
    }

    /** Housemates share an area and mostly a family name (spouses keep their own, as in China). */
    private static void persons(Population population, Names names, SplittableRandom r, SimulationSink sink) {
        for (int h = 0; h < population.households(); h++) {
            int start = population.householdStart(h);
            Area area = population.area(population.village(start));
            int family = names.family(r);
            for (int p = start; p < population.householdEnd(h); p++) {
                int own = r.nextInt(4) == 0 ? names.family(r) : family;
                sink.person(new PersonRow(p, h, area, names.person(own, r), Names.phone(r)));
            }
        }
    }
}
