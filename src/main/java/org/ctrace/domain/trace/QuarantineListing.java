package org.ctrace.domain.trace;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;
import java.util.stream.IntStream;
import org.ctrace.domain.Area;
import org.ctrace.domain.Person;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.QuarantineRecord;
import org.ctrace.domain.QuarantineRegistry;
import org.ctrace.domain.QuarantineStatus;
import org.ctrace.domain.QuarantineType;
import org.ctrace.domain.RuleProfile;

/**
 * Turns a trace into the quarantine list of SPEC §5: required quarantine and monitoring
 * dates, the current status, the action, and the basis sentence, sorted by tier, area and
 * person id.
 */
public final class QuarantineListing {

    /** Tier, then city, district, town, village, then person id (String.compareTo on raw values). */
    public static final Comparator<QuarantineOrder> ORDER = Comparator.comparingInt(QuarantineOrder::tier)
            .thenComparing(o -> o.person().area())
            .thenComparing(QuarantineOrder::personId);

    private final TraceResult trace;
    private final RuleProfile rules;
    private final PersonRegistry persons;
    private final QuarantineRegistry quarantine;

    public QuarantineListing(TraceResult trace, RuleProfile rules, PersonRegistry persons,
                             QuarantineRegistry quarantine) {
        this.trace = trace;
        this.rules = rules;
        this.persons = persons;
        this.quarantine = quarantine;
    }

    /**
     * The list, sorted: an immutable list whose rows are made as they are read, so a city's
     * list of millions of rows is never held whole (names, phones and sentences take more
     * room than the trace behind them). Sorting uses each area's rank among the registry's
     * areas, the same order as comparing the names.
     */
    public List<QuarantineOrder> orders() {
        // an unregistered person has empty areas, which sort before every name (with a registered
        // person's empty areas, if any)
        int unknownRank = persons.areas().contains(Area.UNKNOWN) ? 0 : -1;
        // the registry position is found once, here, and serves the sorting and the row; a city's
        // lookups and sort are spread over the cores (the sort is stable, the order total)
        List<TracedPerson> traced = trace.persons();
        int[] positions = persons.indexesOf(traced.stream().map(TracedPerson::personId).toList());
        Key[] keys = IntStream.range(0, traced.size()).parallel().mapToObj(i -> {
            int index = positions[i];
            return new Key(traced.get(i).tier(), index < 0 ? unknownRank : persons.areaRankAt(index), traced.get(i),
                    index);
        }).toArray(Key[]::new);
        Arrays.parallelSort(keys, KEY_ORDER);
        int deepest = Arrays.stream(keys).mapToInt(Key::tier).max().orElse(0);
        String[] ruleTexts = new String[deepest + 1];
        for (int tier = 1; tier <= deepest; tier++) {
            // the same for every row of a tier: made once
            ruleTexts[tier] = ruleText(tier);
        }
        return new Rows(keys, ruleTexts);
    }

    private record Key(int tier, int areaRank, TracedPerson traced, int index) {
    }

    private static final Comparator<Key> KEY_ORDER = Comparator.comparingInt(Key::tier)
            .thenComparingInt(Key::areaRank)
            .thenComparing(k -> k.traced().personId());

    /**
     * The sorted list, each row made when read; unmodifiable, as {@link AbstractList} is
     * without its setters.
     */
    final class Rows extends AbstractList<QuarantineOrder> implements RandomAccess {
        private final Key[] sorted;
        private final String[] ruleTexts;

        Rows(Key[] sorted, String[] ruleTexts) {
            this.sorted = sorted;
            this.ruleTexts = ruleTexts;
        }

        @Override
        public QuarantineOrder get(int index) {
            Key k = sorted[index];
            TracedPerson t = k.traced();
            return order(t, k.index(), t.lastExposureText() + ruleTexts[t.tier()]);
        }

        @Override
        public int size() {
            return sorted.length;
        }

        /** The area of a row, without making the row. */
        Area areaAt(int index) {
            int position = sorted[index].index();
            return position < 0 ? Area.UNKNOWN : persons.areaAt(position);
        }
    }

    /** The order of a traced person at a registry position (−1: not registered). */
    private QuarantineOrder order(TracedPerson t, int index, String basis) {
        Person person = index < 0 ? Person.unregistered(t.personId()) : persons.at(index);
        QuarantineType type = rules.quarantineType(t.tier());
        LocalDate end = t.lastDay().plusDays(rules.quarantineDays(t.tier()));
        int monitoring = rules.monitoringDays(t.tier());
        LocalDate monitoringEnd = monitoring > 0 ? end.plusDays(monitoring) : null;
        QuarantineRecord row = quarantine.find(t.personId(), index).orElse(null);
        String status = row == null ? "none" : row.status().word();
        LocalDate planned = row == null ? null : row.plannedEnd();
        return new QuarantineOrder(person, t, type, end, monitoringEnd, status, planned,
                action(row, type, end), basis);
    }

    /** SPEC §5 action: the first of quarantine, upgrade, extend, ok that applies. */
    static Action action(QuarantineRecord row, QuarantineType required, LocalDate quarantineEnd) {
        if (row == null) {
            return Action.QUARANTINE;
        }
        if (row.status() == QuarantineStatus.RELEASED) {
            return row.plannedEnd() == null || row.endsBefore(quarantineEnd) ? Action.QUARANTINE : Action.OK;
        }
        if (!row.status().satisfies(required)) {
            return Action.UPGRADE;
        }
        return row.endsBefore(quarantineEnd) ? Action.EXTEND : Action.OK;
    }

    /**
     * "; cn-9: 7 days centralized + 3 days home monitoring": the basis after the exposure
     * ("last exposure 2022-03-02 to P17 (household)"), the same for every row of a tier.
     */
    private String ruleText(int tier) {
        StringBuilder b = new StringBuilder("; ")
                .append(rules.label()).append(": ")
                .append(days(rules.quarantineDays(tier))).append(' ')
                .append(rules.quarantineType(tier).word());
        int monitoring = rules.monitoringDays(tier);
        if (monitoring > 0) {
            b.append(" + ").append(days(monitoring)).append(" home monitoring");
        }
        return b.toString();
    }

    private static String days(int n) {
        return n == 1 ? "1 day" : n + " days";
    }
}
