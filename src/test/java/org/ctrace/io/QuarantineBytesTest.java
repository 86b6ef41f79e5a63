package org.ctrace.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ctrace.domain.Area;
import org.ctrace.domain.Person;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.QuarantineRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * quarantine.csv on disk in UTF-8 is read from bytes; from standard input by the ordinary
 * reader. Both must give the same rows, problems and rejected rows, whatever the windows the
 * byte reader reads the file through.
 */
class QuarantineBytesTest {

    private static final TimeParser PARSER = new TimeParser(ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;

    private record Read(List<QuarantineRecord> rows, List<String> errors, List<String> warnings,
                        List<String> rejects, String failure) {
    }

    private static Read read(InputFile file, int windowBytes) {
        List<String> rejects = new ArrayList<>();
        ProblemLog log = new ProblemLog(r -> rejects.add(r.line() + " " + r.reason() + " " + r.cells()));
        List<QuarantineRecord> rows = List.of();
        String failure = null;
        try {
            rows = QuarantineFile.stage(file, PARSER, windowBytes).finish(log, registered());
        } catch (InputException e) {
            failure = e.getMessage();
        }
        return new Read(rows, show(log.errors()), show(log.warnings()), rejects, failure);
    }

    /** P1 to P9 are registered, the others not. */
    private static PersonRegistry registered() {
        List<Person> persons = new ArrayList<>();
        for (int i = 1; i < 10; i++) {
            persons.add(new Person("P" + i, "", "", Area.UNKNOWN, ""));
        }
        return PersonRegistry.of(persons);
    }

    private static List<String> show(List<InputProblem> problems) {
        return problems.stream().map(InputProblem::toString).toList();
    }

    private void same(String text) throws IOException {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("quarantine.csv");
        Files.write(file, content);
        Read ordinary = read(new InputFile(file.toString(), null, new ByteArrayInputStream(content),
                StandardCharsets.UTF_8), 1 << 20);
        // the file in one window, and through windows so small that rows and cells cross them
        for (int window : new int[] {1 << 20, 1, 5, 64}) {
            Read bytes = read(InputFile.of(file, StandardCharsets.UTF_8), window);
            assertEquals(ordinary, bytes, () -> "windows of " + window + " bytes:\n" + text);
        }
    }

    @Test
    void commonRowsAndEveryKindOfBadRowReadAsTheOrdinaryReaderReadsThem() throws IOException {
        same("person_id,status,start_date,end_date,site_id\n"
                + "P1,home,2024/3/4,2024/3/11,\n"
                + "P2,centralized,20240321,20240404,S04\n"
                + "P3,hospital,2024-03-05 08:30,2024-03-19,\"Ward, 3\"\n"
                + "P1,home,2024-03-05,,\n"                // a duplicate
                + "P4,Home,2024-03-05,,\n"                // the status in another case
                + "P5,bogus,2024-03-05,,\n"
                + "P6,released,2024-03-10,2024-03-01,\n"  // end before start: a warning
                + "P7,home,2024-02-30,,\n"                // no such day
                + "P8,home,2024-03-05T10:00+08:00,2024-03-12 10:00,\n" // an end with a time
                + "X1,home,2024-03-05,,\n"                // not registered: a warning
                + ",home,2024-03-05,,\n"
                + "P9,,,,\n"
                + "\n"
                + "  P10 , home , 2024-03-06 , 2024-03-13 , 张\n"
                + "P11,home\n"
                + "P12,\"home\",\"2024-03-07\",,\"S\"\"1\"\n"
                + "P13,home,2024-03-08,2024-03-08");
    }

    @Test
    void headersInAnyOrderWithUnknownAndMissingColumns() throws IOException {
        same("\uFEFFStart_Date ,extra,PERSON_ID,status\n2024-03-05,x,P1,home\n20240306,,P2,released\n");
        same("person_id,status,start_date\r\nP1,home,2024-03-05\r\nP2,home,2024-03-06\rP3,home,2024/3/7");
        same("person_id,status,start_date\n");
        same("person_id,status\nP1,home\n");
    }

    @Test
    void aFileThatIsNotCsvStopsAsTheOrdinaryReaderStops() throws IOException {
        same("person_id,status,start_date\nP1,bogus,2024-03-05\nP2,home,\"2024\n");
        same("person_id,status,start_date\nP1,home,\"2024\"-03-05\nP2,home,2024-03-06\n");
    }

    @Test
    void randomFilesReadAlike() throws IOException {
        Random r = new Random(17);
        String[] statuses = {"home", "centralized", "hospital", "released", "HOME", " home", "bogus", "", "\"home\""};
        String[] dates = {"2024-03-05", "20240306", "2024/3/7", "2024-03-08 09:15", "2024-03-09T23:59:59Z",
            "2024-02-30", "", "x", "2024-3-5", "\"2024-03-10\"", "2024/03/11 7:05", "20240312 10:00"};
        String[] sites = {"", "S1", "\"a,b\"", "张", "\"x\ny\""};
        for (int round = 0; round < 300; round++) {
            StringBuilder b = new StringBuilder("person_id,status,start_date,end_date,site_id\n");
            int rows = r.nextInt(round % 3 == 0 ? 200 : 20);
            for (int i = 0; i < rows; i++) {
                if (r.nextInt(15) == 0) {
                    b.append("P").append(r.nextInt(15)).append(",home\n");
                    continue;
                }
                b.append(r.nextInt(20) == 0 ? "" : "P" + r.nextInt(15)).append(',')
                        .append(statuses[r.nextInt(statuses.length)]).append(',')
                        .append(dates[r.nextInt(dates.length)]).append(',')
                        .append(dates[r.nextInt(dates.length)]).append(',')
                        .append(sites[r.nextInt(sites.length)]).append(r.nextInt(8) == 0 ? "\r\n" : "\n");
            }
            same(b.toString());
        }
    }
}
