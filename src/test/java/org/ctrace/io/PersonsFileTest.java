package org.ctrace.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.ctrace.domain.Person;
import org.ctrace.domain.PersonRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * persons.csv on disk in UTF-8 is read from bytes; from standard input it is read by the
 * ordinary reader. Both must give the same registry, problems and rejected rows, whatever
 * the blocks the byte reader cuts the file into.
 */
class PersonsFileTest {

    @TempDir
    Path dir;

    private record Read(List<Person> persons, List<String> errors, List<String> warnings, List<String> rejects,
                        String failure) {
    }

    private static Read read(InputFile file) {
        return read(file, 8 << 20);
    }

    private static Read read(InputFile file, int blockBytes) {
        List<String> rejects = new ArrayList<>();
        ProblemLog log = new ProblemLog(r -> rejects.add(r.line() + " " + r.reason() + " " + r.cells()));
        List<Person> persons = List.of();
        String failure = null;
        try {
            PersonRegistry registry = PersonsFile.read(file, log, blockBytes);
            persons = List.copyOf(registry.all());
            for (Person p : persons) {
                assertEquals(p.id(), registry.idAt(registry.indexOf(p.id())));
                assertEquals(registry.housemates(p.id()), registry.housemates(p.id()));
            }
        } catch (InputException e) {
            failure = e.getMessage();
        }
        return new Read(persons, show(log.errors()), show(log.warnings()), rejects, failure);
    }

    private static List<String> show(List<InputProblem> problems) {
        return problems.stream().map(InputProblem::toString).collect(Collectors.toList());
    }

    private void same(String text) throws IOException {
        same(text.getBytes(StandardCharsets.UTF_8));
    }

    private void same(byte[] content) throws IOException {
        Path file = dir.resolve("persons.csv");
        Files.write(file, content);
        Read ordinary = read(new InputFile(file.toString(), null, new ByteArrayInputStream(content),
                StandardCharsets.UTF_8));
        // the file in one block, and cut into blocks so small that rows and cells cross them
        for (int block : new int[] {8 << 20, 1, 5, 64}) {
            Read bytes = read(InputFile.of(file, StandardCharsets.UTF_8), block);
            assertEquals(ordinary, bytes, () -> "blocks of " + block + " bytes:\n" + new String(content, StandardCharsets.UTF_8));
        }
    }

    @Test
    void commonRowsAndEveryKindOfBadRowReadAsTheOrdinaryReaderReadsThem() throws IOException {
        same("person_id,name,phone,city,district,town,village,household_id\n"
                + "P1,Li Na,138,City,D1,T1,V1,H1\n"
                + "P2,\"Wang, Wei\",139,City,D1,T1,V1,H1\n"
                + "P3,张三,140,City,D1,T1,V2,H2\n"
                + "\n"
                + "P1,Again,141,City,D1,T1,V1,H9\n"
                + ",No Id,142,City,D1,T1,V1,H3\n"
                + "P4,Short,143\n"
                + "P5,\"two\nlines\",144,City,D2,T2,V3,\n"
                + "P6,Bad \u00ff,145,City,D2,T2,V3,H4\n"
                + "  P7  , spaced ,146,City,D2,T2,V3,H4");
    }

    @Test
    void bytesThatAreNotUtf8AreReportedAsTheOrdinaryReaderReportsThem() throws IOException {
        byte[] head = "person_id,name,city\nP1,ok,C\nP2,".getBytes(StandardCharsets.UTF_8);
        byte[] tail = ",C\nP3,x,C\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xC3;
        all[head.length + 1] = (byte) 0x28;
        System.arraycopy(tail, 0, all, head.length + 2, tail.length);
        same(all);
    }

    @Test
    void aFileThatIsNotCsvFailsAsTheOrdinaryReaderFails() throws IOException {
        same("person_id,name\nP1,ok\nP2,\"open\nP3,x\n");
        same("person_id,name\nP1,\"a\"b\n");
    }

    @Test
    void headersInAnyOrderWithUnknownAndMissingColumns() throws IOException {
        same("\uFEFFvillage,Person_ID ,extra,household_id\nV1,P1,x,H1\nV1,P2,y,H1\nV2,P3,z,\n");
        same("person_id\nP1\nP2\nP1\n");
        same("person_id,name\n");
        same("person_id,name\r\nP1,a\r\nP2,b\rP3,c");
    }

    @Test
    void randomFilesReadAlike() throws IOException {
        Random r = new Random(31);
        String[] cells = {"P1", "P2", "P10", "", " P3 ", "\"P4\"", "\"a,b\"", "\"x\ny\"", "张", "\"q\"\"q\"", "C1",
            "D1", "=1+1", "T1", "H1", "H2"};
        for (int round = 0; round < 300; round++) {
            StringBuilder b = new StringBuilder("person_id,name,phone,city,district,town,village,household_id\n");
            // some files longer than the byte reader's batch of rows
            int rows = r.nextInt(round % 3 == 0 ? 300 : 30);
            for (int i = 0; i < rows; i++) {
                int width = r.nextInt(10) == 0 ? 1 + r.nextInt(10) : 8;
                for (int c = 0; c < width; c++) {
                    if (c > 0) {
                        b.append(',');
                    }
                    b.append(c == 0 && r.nextInt(3) > 0 ? "P" + r.nextInt(40) : cells[r.nextInt(cells.length)]);
                }
                b.append(r.nextInt(8) == 0 ? "\r\n" : "\n");
            }
            same(b.toString());
        }
    }

    @Test
    void aLongFileWithProblemsFarApartReadsAlike() throws IOException {
        // more rows than a block first makes room for, and problems in late blocks
        StringBuilder b = new StringBuilder("person_id,name,phone,city,district,town,village,household_id\n");
        for (int i = 0; i < 5000; i++) {
            String id = i % 1700 == 1699 ? "P" + (i / 2) : "P" + i;
            String name = i % 2300 == 17 ? "\"Ma\nHong\"" : "Name " + i;
            b.append(id).append(',').append(name).append(",1").append(i).append(",C,D").append(i / 1000)
                    .append(",T,V").append(i / 100).append(",H").append(i / 3).append(i == 4321 ? ",extra" : "")
                    .append('\n');
        }
        same(b.toString());
    }

    @Test
    void neighbouringRowsShareTheirAreaAndHousehold() throws IOException {
        Path file = dir.resolve("persons.csv");
        Files.writeString(file, "person_id,city,district,town,village,household_id\n"
                + "P1,C,D,T,V,H1\nP2,C,D,T,V,H1\nP3,C,D,T,W,H2\n", StandardCharsets.UTF_8);
        PersonRegistry registry = PersonsFile.read(InputFile.of(file, StandardCharsets.UTF_8), new ProblemLog());
        assertEquals(List.of("P2"), registry.housemates("P1"));
        assertEquals(List.of(), registry.housemates("P3"));
        assertEquals(registry.areaOf("P1"), registry.areaOf("P2"));
        assertEquals("W", registry.areaOf("P3").village());
        assertTrue(registry.areas().size() == 2);
    }
}
