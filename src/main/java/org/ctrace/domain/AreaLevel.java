package org.ctrace.domain;

import java.util.Locale;

/** An administrative level (SPEC §6): areas are counted and lists are split at one of them. */
public enum AreaLevel {
    CITY, DISTRICT, TOWN, VILLAGE;

    /** The area cut to this level: the levels below it emptied. */
    public Area of(Area a) {
        return switch (this) {
            case CITY -> new Area(a.city(), "", "", "");
            case DISTRICT -> new Area(a.city(), a.district(), "", "");
            case TOWN -> new Area(a.city(), a.district(), a.town(), "");
            case VILLAGE -> a;
        };
    }

    /** Whether the area, cut to this level, names nothing at all. */
    public boolean isUnknown(Area a) {
        return of(a).equals(Area.UNKNOWN);
    }

    /** The word used in options. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
