package org.ctrace.domain.simulate;

import java.util.SplittableRandom;

/**
 * The settings of SPEC §2 with what a field epidemiologist expects of each: when encounters
 * start, how long they last (a venue check-in is minutes, an evening at home is hours), how
 * close people stand, how often they wear a mask.
 */
enum Setting {
    HOUSEHOLD("household", 60, 720, new int[] {17 * 60, 23 * 60 + 30, 6 * 60, 8 * 60}, 80, 0, 10, 2),
    MEAL("meal", 30, 150, new int[] {11 * 60, 13 * 60 + 30, 17 * 60, 20 * 60 + 30}, 10, 3, 15, 2),
    VEHICLE("vehicle", 10, 90, new int[] {6 * 60 + 30, 9 * 60 + 30, 16 * 60 + 30, 20 * 60}, 20, 3, 20, 30),
    /** Mostly day shifts; one start window in four is a night shift, which crosses midnight. */
    WORK("work", 60, 540, new int[] {7 * 60 + 30, 10 * 60, 7 * 60 + 30, 10 * 60, 7 * 60 + 30, 10 * 60,
        20 * 60, 23 * 60}, 25, 5, 40, 20),
    SCHOOL("school", 40, 420, new int[] {7 * 60, 9 * 60, 13 * 60, 15 * 60}, 20, 5, 30, 25),
    HEALTHCARE("healthcare", 10, 120, new int[] {8 * 60, 17 * 60}, 20, 3, 20, 70),
    VENUE("venue", 1, 30, new int[] {8 * 60, 23 * 60 + 30}, 60, 5, 50, 30),
    OTHER("other", 5, 120, new int[] {6 * 60, 23 * 60 + 30}, 40, 5, 50, 15);

    private final String word;
    private final int minMinutes;
    private final int maxMinutes;
    private final int[] startWindows;
    private final int unknownDistancePct;
    private final int minDm;
    private final int maxDm;
    private final int protectedPct;

    Setting(String word, int minMinutes, int maxMinutes, int[] startWindows, int unknownDistancePct, int minDm,
            int maxDm, int protectedPct) {
        this.word = word;
        this.minMinutes = minMinutes;
        this.maxMinutes = maxMinutes;
        this.startWindows = startWindows;
        this.unknownDistancePct = unknownDistancePct;
        this.minDm = minDm;
        this.maxDm = maxDm;
        this.protectedPct = protectedPct;
    }

    String word() {
        return word;
    }

    /** A duration in whole minutes, short ones more often. */
    int minutes(SplittableRandom r) {
        double u = r.nextDouble();
        return minMinutes + (int) ((maxMinutes - minMinutes) * u * u);
    }

    /** A start time, in minutes after midnight, inside one of the setting's start windows. */
    int startMinute(SplittableRandom r) {
        int w = 2 * r.nextInt(startWindows.length / 2);
        return startWindows[w] + r.nextInt(startWindows[w + 1] - startWindows[w]);
    }

    /** The closest distance in tenths of a metre, or -1 when not recorded. */
    int distanceDm(SplittableRandom r) {
        return r.nextInt(100) < unknownDistancePct ? -1 : minDm + r.nextInt(maxDm - minDm + 1);
    }

    /** Whether effective protection was worn. */
    boolean isProtected(SplittableRandom r) {
        return r.nextInt(100) < protectedPct;
    }
}
