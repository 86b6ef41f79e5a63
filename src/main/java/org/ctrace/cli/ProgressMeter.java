package org.ctrace.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.ctrace.io.ReadProgress;

/**
 * Progress of the passes over contacts.csv on standard error: a bar redrawn in place when
 * standard error is a terminal (the launcher says so with {@code -Dctrace.tty=true}), else a
 * line every few seconds, so batch logs stay short.
 */
final class ProgressMeter implements ReadProgress {

    private static final long LINE_EVERY_NANOS = 5_000_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean bar;
    private final long started = System.nanoTime();
    private long lastLine = started;
    private boolean drawn;

    ProgressMeter(PrintWriter err, boolean bar) {
        this.err = err;
        this.bar = bar;
    }

    /** The meter for this process: a bar on a terminal, lines otherwise. */
    static ProgressMeter forStandardError(PrintWriter err) {
        return new ProgressMeter(err, Boolean.getBoolean("ctrace.tty"));
    }

    @Override
    public synchronized void read(String file, int pass, long done, long total) {
        double share = total <= 0 ? 1 : Math.min(1, (double) done / total);
        if (bar) {
            int filled = (int) Math.round(share * WIDTH);
            err.printf(Locale.ROOT, "\r%s, pass %d [%s%s] %3.0f%%", file, pass, "#".repeat(filled),
                    "-".repeat(WIDTH - filled), share * 100);
            err.flush();
            drawn = true;
            if (done >= total) {
                clear();
            }
            return;
        }
        long now = System.nanoTime();
        if (now - lastLine >= LINE_EVERY_NANOS || done >= total && now - started >= LINE_EVERY_NANOS) {
            lastLine = now;
            err.printf(Locale.ROOT, "ctrace: %s, pass %d: %.0f%% (%s of %s)%n", file, pass, share * 100, size(done),
                    size(total));
            err.flush();
        }
    }

    @Override
    public void stopped() {
        clear();
    }

    /** Removes the bar, so that what follows starts on a clean line. */
    synchronized void clear() {
        if (drawn) {
            err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
            err.flush();
            drawn = false;
        }
    }

    private static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
    }
}
