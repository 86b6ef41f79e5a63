package org.ctrace.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How a problem reads on standard error: a value is shown whole up to a point, and never acts on the terminal. */
class InputProblemTest {

    private static String message(String value) {
        return new InputProblem("contacts.csv", 7, "start", value, "expected a date", "bad date",
                InputProblem.Severity.ERROR).toString();
    }

    @Test
    void aValueIsShownWholeUpTo200Characters() {
        String fits = "日".repeat(199) + "\uD83D\uDE00";
        assertEquals("contacts.csv:7: column 'start': value '" + fits + "': expected a date", message(fits));
    }

    /** A quote left open swallows the rest of the file into one cell: a 2 MB value made a 2 MB line. */
    @Test
    void aLongerValueIsCutAndItsLengthGiven() {
        String cell = "\uD83D\uDE00".repeat(150) + "x".repeat(2_000_000);
        assertEquals("contacts.csv:7: column 'start': value '" + "\uD83D\uDE00".repeat(150) + "x".repeat(50)
                + "… (2000150 characters)': expected a date", message(cell));
    }

    /** An infector's id or a header's name reaches the words of a problem, not only its value. */
    @Test
    void controlCharactersInTheColumnAndTheWordsAreShownToo() {
        assertEquals("cases.csv:3: warning: column 'infector\u200B<U+001B>': P9<U+001B>[2J is not in the cases",
                new InputProblem("cases.csv", 3, "infector\u200B\u001b", null, "P9\u001b[2J is not in the cases",
                        "unknown infector", InputProblem.Severity.WARNING).toString());
    }

    @Test
    void controlCharactersAreShownByTheirNumbers() {
        assertEquals("contacts.csv:7: column 'start': value 'a<U+0000>b<U+001B>[2J<U+0085>': expected a date",
                message("a\u0000b\u001b[2J\u0085"));
    }
}
