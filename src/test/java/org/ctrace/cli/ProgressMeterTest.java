package org.ctrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The progress bar is drawn in place on a terminal, so it must be wiped before anything else
 * is printed, also when a pass stops part way (a report glued to a half-drawn bar, found by a
 * second reader).
 */
class ProgressMeterTest {

    @Test
    void aBarStoppedPartWayIsWipedAndLeavesTheLineEmpty() {
        StringWriter out = new StringWriter();
        ProgressMeter meter = new ProgressMeter(new PrintWriter(out), true);
        meter.read("contacts.csv", 1, 50, 100);
        assertTrue(out.toString().startsWith("\rcontacts.csv, pass 1 [###############---------------]  50%"), out::toString);
        int drawn = out.toString().length();
        meter.stopped();
        String wipe = out.toString().substring(drawn);
        assertTrue(wipe.matches("\r +\r") && wipe.length() - 2 >= drawn, () -> "'" + wipe + "'");
        meter.stopped();
        assertEquals(drawn + wipe.length(), out.toString().length(), "nothing more to wipe");
    }

    @Test
    void linesForALogAreLeftAsTheyAre() {
        StringWriter out = new StringWriter();
        ProgressMeter meter = new ProgressMeter(new PrintWriter(out), false);
        meter.read("contacts.csv", 1, 50, 100);
        meter.stopped();
        assertEquals("", out.toString());
    }
}
