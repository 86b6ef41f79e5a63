package org.ctrace.domain.chains;

import java.util.Objects;
import org.ctrace.domain.ContactEventSource;
import org.ctrace.domain.RuleProfile;

/**
 * What {@code --infer} needs (SPEC §8): the rule profile (its lookback days make the case
 * windows; its distance, always-close settings and include_suspected make the per-event test
 * of SPEC §3), the contact events and the incubation range.
 *
 * @param rules the rule profile
 * @param events the contact events, read once
 * @param incubation the days between contact and anchor date that make a candidate source
 */
public record Inference(RuleProfile rules, ContactEventSource events, Incubation incubation) {

    public Inference {
        Objects.requireNonNull(rules);
        Objects.requireNonNull(events);
        Objects.requireNonNull(incubation);
    }
}
