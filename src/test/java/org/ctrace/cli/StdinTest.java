package org.ctrace.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §2: "'-' as a file name means standard input (for at most one input)". */
class StdinTest {

    @TempDir
    Path dir;

    private static String[] args(SmallSet.Files set, String contacts, String cases) {
        return new String[] {"trace", "--as-of", Ctrace.AS_OF, "--zone", "UTC", "--quiet",
            "--persons", set.persons().toString(), "--quarantine", set.quarantine().toString(),
            "--cases", cases, "--contacts", contacts};
    }

    @Test
    void contactsFromStandardInputGiveTheSameListAsTheFile() throws IOException {
        SmallSet.Files set = SmallSet.write(dir);
        Ctrace.Result fromFile = Ctrace.run(args(set, set.contacts().toString(), set.cases().toString()));
        Ctrace.Result fromStdin = Ctrace.runWithStdin(Files.readAllBytes(set.contacts()),
                args(set, "-", set.cases().toString()));
        assertEquals(0, fromFile.exit(), fromFile::toString);
        assertEquals(0, fromStdin.exit(), fromStdin::toString);
        assertEquals(SmallSet.LIST_CSV, fromFile.out());
        assertEquals(fromFile.out(), fromStdin.out());
    }

    @Test
    void casesFromStandardInput() throws IOException {
        SmallSet.Files set = SmallSet.write(dir);
        Ctrace.Result r = Ctrace.runWithStdin(Files.readAllBytes(set.cases()), args(set, set.contacts().toString(), "-"));
        assertEquals(0, r.exit(), r::toString);
        assertEquals(SmallSet.LIST_CSV, r.out());
    }

    @Test
    void gb18030OnStandardInput() throws IOException {
        SmallSet.Files set = SmallSet.write(dir);
        byte[] gb = String.join("\n", SmallSet.CONTACTS).replace("meal", "聚餐").concat("\n")
                .getBytes(java.nio.charset.Charset.forName("GB18030"));
        Ctrace.Result r = Ctrace.runWithStdin(gb, Ctrace.concat(args(set, "-", set.cases().toString()),
                "--encoding", "GB18030"));
        assertEquals(0, r.exit(), r::toString);
        assertEquals(SmallSet.LIST_CSV.replace("(meal)", "(聚餐)"), r.out());
    }

    @Test
    void problemOnStandardInputIsLabelledStdin() {
        SmallSet.Files set = SmallSet.write(dir);
        byte[] contacts = (String.join("\n", SmallSet.CONTACTS) + "\nC1,P1,2024-03-09 10:00,,-3,meal,,\n").getBytes(UTF_8);
        Ctrace.Result r = Ctrace.runWithStdin(contacts, args(set, "-", set.cases().toString()));
        assertEquals(1, r.exit(), r::toString);
        assertEquals("<stdin>:6: column 'duration_min': value '-3': expected a number of at least 0", r.errLines().get(0));
        assertEquals("", r.out());
    }

    @Test
    void twoStandardInputsAreAUsageError() {
        SmallSet.Files set = SmallSet.write(dir);
        Ctrace.Result r = Ctrace.runWithStdin(new byte[0], args(set, "-", "-"));
        assertEquals(2, r.exit(), r::toString);
        assertEquals("ctrace trace: '-' (standard input) may stand for one input only", r.errLines().get(0));
        assertEquals("", r.out());
    }

    @Test
    void standardInputForPersonsAndQuarantineIsAUsageError() {
        SmallSet.Files set = SmallSet.write(dir);
        Ctrace.Result r = Ctrace.run("trace", "--as-of", Ctrace.AS_OF, "--zone", "UTC", "--persons", "-",
                "--quarantine", "-", "--cases", set.cases().toString(), "--contacts", set.contacts().toString());
        assertEquals(2, r.exit(), r::toString);
        assertEquals("ctrace trace: '-' (standard input) may stand for one input only", r.errLines().get(0));
    }

    @Test
    void validateReadsStandardInputToo() {
        SmallSet.Files set = SmallSet.write(dir);
        byte[] contacts = (String.join("\n", SmallSet.CONTACTS) + "\n").getBytes(UTF_8);
        Ctrace.Result r = Ctrace.runWithStdin(contacts, "validate", "--as-of", Ctrace.AS_OF, "--zone", "UTC",
                "--persons", set.persons().toString(), "--cases", set.cases().toString(), "--contacts", "-");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("0 errors, 0 warnings\n", r.out());
    }
}
