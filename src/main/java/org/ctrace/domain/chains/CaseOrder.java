package org.ctrace.domain.chains;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ctrace.domain.Case;

/**
 * The order of SPEC §8: the cases used (anchor date on or before the as-of day) by (anchor date,
 * person_id); persons who are not cases come after them, by id. A reported or inferred link
 * against this order is backward.
 */
final class CaseOrder implements Comparator<String> {

    /** (anchor date, person_id). */
    static final Comparator<Case> CASES = Comparator.comparing(Case::anchor).thenComparing(Case::personId);

    private final List<Case> used;
    private final Map<String, Integer> rank = new HashMap<>();
    private final Map<String, Case> all = new HashMap<>();

    CaseOrder(List<Case> cases, LocalDate asOf) {
        List<Case> kept = new ArrayList<>();
        for (Case c : cases) {
            all.put(c.personId(), c);
            if (!c.anchor().isAfter(asOf)) {
                kept.add(c);
            }
        }
        kept.sort(CASES);
        for (int i = 0; i < kept.size(); i++) {
            rank.put(kept.get(i).personId(), i);
        }
        this.used = List.copyOf(kept);
    }

    /** The cases used, in order. */
    List<Case> used() {
        return used;
    }

    /** The number of cases, used or not. */
    int size() {
        return all.size();
    }

    /** Whether the person is a case that is used. */
    boolean isUsed(String id) {
        return rank.containsKey(id);
    }

    /** Whether the person is in cases.csv at all (used or anchored after the as-of day). */
    boolean isCase(String id) {
        return all.containsKey(id);
    }

    /** The case, used or not, or null. */
    Case get(String id) {
        return all.get(id);
    }

    /** Whether a directed link between two used cases runs from a later case to an earlier one. */
    boolean isBackward(String from, String to) {
        Integer f = rank.get(from);
        Integer t = rank.get(to);
        return f != null && t != null && f > t;
    }

    @Override
    public int compare(String a, String b) {
        Integer ra = rank.get(a);
        Integer rb = rank.get(b);
        if (ra != null && rb != null) {
            return Integer.compare(ra, rb);
        }
        if (ra != null || rb != null) {
            return ra != null ? -1 : 1;
        }
        return a.compareTo(b);
    }
}
