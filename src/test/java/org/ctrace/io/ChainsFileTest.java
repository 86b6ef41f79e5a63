package org.ctrace.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.ctrace.domain.Area;
import org.ctrace.domain.AreaLevel;
import org.ctrace.domain.Case;
import org.ctrace.domain.Classification;
import org.ctrace.domain.Moment;
import org.ctrace.domain.Person;
import org.ctrace.domain.PersonRegistry;
import org.ctrace.domain.WallClock;
import org.ctrace.domain.chains.CaseLink;
import org.ctrace.domain.chains.ChainResult;
import org.ctrace.domain.chains.ChainSettings;
import org.ctrace.domain.chains.LinkKind;
import org.ctrace.domain.chains.TransmissionChains;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three tables of {@code chains} (SPEC §8) and their per-area split. */
class ChainsFileTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 3, 15);

    private static Case onset(String id, int day, String infector) {
        return new Case(id, Classification.CONFIRMED, LocalDate.of(2024, 3, day), null, null, infector);
    }

    /** =A (a formula-looking id) infects B; B infects C (dated 03-09 18:30); D is alone. */
    private static final List<Case> CASES = List.of(onset("=A", 2, ""), onset("B", 5, "=A"), onset("C", 8, ""),
            onset("D", 1, ""));

    private static final PersonRegistry PERSONS = PersonRegistry.of(List.of(
            new Person("=A", "", "", new Area("City", "North", "", ""), ""),
            new Person("B", "", "", new Area("City", "South", "", ""), ""),
            new Person("C", "", "", new Area("City", "South", "", ""), ""),
            new Person("D", "", "", new Area("City", "East", "", ""), "")));

    private static ChainResult result() {
        List<CaseLink> links = new ArrayList<>();
        links.add(new CaseLink("=A", "B", LinkKind.REPORTED, null, null));
        links.add(new CaseLink("B", "C", LinkKind.REPORTED,
                new Moment(WallClock.of(LocalDateTime.of(2024, 3, 4, 18, 30)), true), null));
        return new TransmissionChains(CASES, links, PERSONS, ChainSettings.of(AS_OF)).chains();
    }

    private static String write(ChainsFile.Table table, TableFormat format) throws IOException {
        StringWriter out = new StringWriter();
        ChainsFile.write(result(), table, format, out);
        return out.toString();
    }

    @Test
    void theClusterTable() throws IOException {
        assertEquals("""
                cluster_id,size,cases,index_cases,first_anchor,last_anchor,generations,active,districts
                C1,3,'=A;B;C,'=A,2024-03-02,2024-03-08,3,true,North;South
                C2,1,D,D,2024-03-01,2024-03-01,1,true,East
                """, write(ChainsFile.Table.CLUSTER, TableFormat.CSV));
    }

    @Test
    void theCaseTable() throws IOException {
        assertEquals("""
                person_id,cluster_id,generation,infector,infectees,anchor_date,district
                '=A,C1,1,,1,2024-03-02,North
                B,C1,2,'=A,1,2024-03-05,South
                C,C1,3,B,0,2024-03-08,South
                D,C2,1,,0,2024-03-01,East
                """, write(ChainsFile.Table.CASE, TableFormat.CSV));
    }

    @Test
    void theLinkTable() throws IOException {
        assertEquals("""
                from,to,kind,backward,contact_date,serial_interval_days,cluster_id
                '=A,B,reported,false,,3,C1
                B,C,reported,false,2024-03-04 18:30,3,C1
                """, write(ChainsFile.Table.LINK, TableFormat.CSV));
    }

    @Test
    void jsonKeepsEveryValueAsAString() throws IOException {
        assertEquals("""
                [
                  {"cluster_id": "C1", "size": "3", "cases": "=A;B;C", "index_cases": "=A", "first_anchor": "2024-03-02", \
                "last_anchor": "2024-03-08", "generations": "3", "active": "true", "districts": "North;South"},
                  {"cluster_id": "C2", "size": "1", "cases": "D", "index_cases": "D", "first_anchor": "2024-03-01", \
                "last_anchor": "2024-03-01", "generations": "1", "active": "true", "districts": "East"}
                ]
                """, write(ChainsFile.Table.CLUSTER, TableFormat.JSON));
    }

    @Test
    void aSplitSendsEachClusterToEveryDistrictItReaches(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("teams");
        ChainsFile.split(result(), ChainsFile.Table.CLUSTER, PERSONS, AreaLevel.DISTRICT, out, TableFormat.CSV, false,
                files -> { });
        String header = String.join(",", ChainsFile.Table.CLUSTER.columns()) + "\n";
        String c1 = "C1,3,'=A;B;C,'=A,2024-03-02,2024-03-08,3,true,North;South\n";
        assertEquals(header + c1, Files.readString(out.resolve("City_North.csv"), UTF_8));
        assertEquals(header + c1, Files.readString(out.resolve("City_South.csv"), UTF_8));
        assertEquals(header + "C2,1,D,D,2024-03-01,2024-03-01,1,true,East\n",
                Files.readString(out.resolve("City_East.csv"), UTF_8));
    }

    @Test
    void aLinkGoesToTheDistrictsOfBothEnds(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("teams");
        ChainsFile.split(result(), ChainsFile.Table.LINK, PERSONS, AreaLevel.DISTRICT, out, TableFormat.CSV, false,
                files -> { });
        String header = String.join(",", ChainsFile.Table.LINK.columns()) + "\n";
        assertEquals(header + "'=A,B,reported,false,,3,C1\n", Files.readString(out.resolve("City_North.csv"), UTF_8));
        assertEquals(header + "'=A,B,reported,false,,3,C1\nB,C,reported,false,2024-03-04 18:30,3,C1\n",
                Files.readString(out.resolve("City_South.csv"), UTF_8));
        assertEquals(header, Files.readString(out.resolve("City_East.csv"), UTF_8));
    }
}
