package org.ctrace.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The published rule profiles of SPEC §3. Sources disagree on some numbers, so each value
 * can be overridden; the texts are cited in {@link RuleProfile#source()} and the README.
 */
public final class RuleProfiles {

    /** China, 9th edition (June 2022): the default. */
    public static final RuleProfile CN_9 = china("cn-9",
            "NHC/Joint Prevention and Control Mechanism of the State Council, COVID-19 Prevention and "
                    + "Control Protocol, 9th edition (2022-06-27)",
            4, 7, 3, true, 7, QuarantineType.HOME);

    /** China, 8th edition (May 2021). */
    public static final RuleProfile CN_8 = china("cn-8",
            "NHC/Joint Prevention and Control Mechanism of the State Council, COVID-19 Prevention and "
                    + "Control Protocol, 8th edition (2021-05-11)",
            4, 14, 7, true, 7, QuarantineType.CENTRALIZED);

    /** China, 5th edition (February 2020). */
    public static final RuleProfile CN_5 = china("cn-5",
            "NHC, Novel Coronavirus Pneumonia Prevention and Control Protocol, 5th edition (2020-02-21)",
            2, 14, 0, false, 14, QuarantineType.CENTRALIZED);

    /** US CDC (October 2020): 15 minutes within 6 feet, from 2 days before onset. */
    public static final RuleProfile CDC_2020 = western("cdc-2020",
            "US CDC, Contact Tracing for COVID-19, appendix 'close contact' definition (2020-10-21)", 1.83);

    /** ECDC (November 2020): 15 minutes within 2 metres, from 2 days before onset. */
    public static final RuleProfile ECDC_2020 = western("ecdc-2020",
            "ECDC, Contact tracing: public health management of persons, including healthcare workers, "
                    + "who have had contact with COVID-19 cases in the EU, third update (2020-11-18)", 2.0);

    /** All profiles, in the order `ctrace profiles` prints them. */
    public static final List<RuleProfile> ALL = List.of(CN_9, CN_8, CN_5, CDC_2020, ECDC_2020);

    private RuleProfiles() {
    }

    /** The profile with this name. */
    public static Optional<RuleProfile> named(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static RuleProfile china(String name, String source, int lookback, int closeDays, int monitoring,
                                     boolean secondary, int secondaryDays, QuarantineType secondaryType) {
        return new RuleProfile(name, source, lookback, 0, 1.0, Set.of("household", "meal", "vehicle"),
                UnknownDuration.CLOSE, true, closeDays, QuarantineType.CENTRALIZED, monitoring, secondary,
                secondaryDays, secondaryType, true, false);
    }

    private static RuleProfile western(String name, String source, double maxDistance) {
        return new RuleProfile(name, source, 2, 15, maxDistance, Set.of("household"), UnknownDuration.CLOSE,
                true, 14, QuarantineType.HOME, 0, false, 14, QuarantineType.HOME, false, false);
    }
}
