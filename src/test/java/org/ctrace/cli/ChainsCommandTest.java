package org.ctrace.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ctrace chains} through {@link Main#run} with captured streams: samples, options, errors, real data. */
class ChainsCommandTest {

    record Result(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int exit = Main.run(new ByteArrayInputStream(new byte[0]), out, new PrintWriter(err, true), args);
        return new Result(exit, out.toString(UTF_8), err.toString());
    }

    static Path write(Path dir, String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n", UTF_8);
        return p;
    }

    /** chains on the bundled samples, as the golden files were made. */
    static Result samples(String... more) {
        String[] args = {"chains", "--in", "samples", "--as-of", "2024-03-15", "--zone", "Asia/Shanghai"};
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return run(all);
    }

    @Test
    void contactsGivenByNameWithoutInferAreSaidToBeUnread() throws IOException {
        Result plain = samples();
        Result named = samples("--contacts", "samples/contacts.csv");
        assertEquals(0, named.exit(), named::toString);
        assertEquals(plain.out(), named.out(), "the events change nothing without --infer");
        assertTrue(named.err().contains("samples/contacts.csv: warning: contact events are read only with --infer: "
                + "not read"), named::toString);
        assertFalse(plain.err().contains("not read"), "contacts.csv found in --in DIR is not named: " + plain);
        assertFalse(samples("--contacts", "samples/contacts.csv", "--infer").err().contains("not read"));
        assertFalse(samples("--contacts", "samples/contacts.csv", "--quiet").err().contains("not read"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cluster", "case", "link"})
    void theSamplesMatchTheirGoldenFilesByteForByte(String by) throws IOException {
        Result r = samples("--by", by);
        assertEquals(0, r.exit(), r::toString);
        assertEquals(Files.readString(Path.of("samples", "expected-chains-" + by + ".csv"), UTF_8), r.out());
    }

    @Test
    void clusterIsTheDefaultAndASummaryGoesToStandardError() throws IOException {
        Result r = samples();
        assertEquals(Files.readString(Path.of("samples", "expected-chains-cluster.csv"), UTF_8), r.out());
        assertEquals("ctrace chains: 3 cases (0 after 2024-03-15, not used), 1 link (1 reported, 0 related, "
                + "0 inferred; 0 backward), 2 clusters (2 active)\n", r.err());
        assertEquals("", samples("--quiet").err());
    }

    @Test
    void inferenceOnTheSamplesFindsP20AsACandidateSourceOfP01() {
        // P01 and P20 had dinner on 03-09 18:00, inside P20's window (from 03-09) and one day before
        // P01's onset (03-10); P01 has no reported infector, so P20 -> P01 is inferred, and backward.
        // P20 has a reported infector (P01), so nothing is inferred into P20.
        Result r = samples("--infer", "--by", "link");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("from,to,kind,backward,contact_date,serial_interval_days,cluster_id",
                "P01,P20,reported,false,,3,C1", "P20,P01,inferred,true,2024-03-09 18:00,-3,C1"), r.lines());
    }

    @Test
    void otherFormats() {
        assertEquals(List.of("cluster_id  size  cases    index_cases  first_anchor  last_anchor  generations  active  districts",
                "----------  ----  -------  -----------  ------------  -----------  -----------  ------  -------------",
                "C1             2  P01;P20  P01          2024-03-10    2024-03-13             2  true    Beiyuan;Nanhu",
                "C2             1  P10      P10          2024-03-11    2024-03-11             1  true    Beiyuan"),
                samples("--format", "table").lines());
        assertEquals("person_id\tcluster_id\tgeneration\tinfector\tinfectees\tanchor_date\tdistrict",
                samples("--format", "tsv", "--by", "case").lines().get(0));
        assertTrue(samples("--format", "json", "--by", "link").out().contains("\"kind\": \"reported\""));
    }

    /** An outbreak folder with cases.csv (one non-case infector) and links.csv. */
    static Path outbreak(Path dir) throws IOException {
        write(dir, "cases.csv", "person_id,onset_date,sample_date,infector",
                "A,2024-03-01,,", "B,2024-03-04,,A", "C,2024-03-06,,", "D,,2024-03-07,X9", "E,2024-03-08,,",
                "F,2024-04-02,,E");
        write(dir, "persons.csv", "person_id,city,district", "A,Qinghe,North", "B,Qinghe,South", "C,Qinghe,South");
        write(dir, "links.csv", "from,to,date,kind", "C,B,2024-03-05,related", "E,C,2024-03-07 20:15,",
                "C,A,,reported");
        return dir;
    }

    @Test
    void linksFromAFolderWithWarningsForABackwardLinkAndANonCaseInfector(@TempDir Path dir) throws IOException {
        Result r = run("chains", "--in", outbreak(dir).toString(), "--as-of", "2024-03-10", "--by", "link");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("from,to,kind,backward,contact_date,serial_interval_days,cluster_id",
                "A,B,reported,false,,3,C1", "B,C,related,false,2024-03-05,2,C1", "C,A,reported,true,,-5,C1",
                "E,C,reported,true,2024-03-07 20:15,-2,C1"), r.lines());
        List<String> err = r.err().lines().toList();
        assertEquals("ctrace chains: 6 cases (1 after 2024-03-10, not used), 4 links (3 reported, 1 related, "
                + "0 inferred; 2 backward), 2 clusters (2 active); 1 link naming non-cases left out", err.get(0));
        String cases = dir.resolve("cases.csv").toString();
        String links = dir.resolve("links.csv").toString();
        assertTrue(err.contains(cases + ":5: warning: column 'infector': value 'X9': expected a case: X9 is not in "
                + "the cases, so this reported link is left out (chains --keep-noncase keeps it, with X9 as a "
                + "non-case)"), r::toString);
        assertTrue(err.contains(links + ":3: warning: column 'from': value 'E': a backward link: E (anchor 2024-03-08) "
                + "comes after C (anchor 2024-03-06) in (anchor date, person_id) order; it joins the cluster but is "
                + "not used for generations"), r::toString);
        assertTrue(err.stream().anyMatch(l -> l.startsWith(links + ":4: warning: column 'from': value 'C': a backward")),
                r::toString);
    }

    @Test
    void theClusterAndCaseTablesOfTheFolder(@TempDir Path dir) throws IOException {
        outbreak(dir);
        String[] base = {"chains", "--in", dir.toString(), "--as-of", "2024-03-10", "--quiet"};
        // A and C have only backward incoming reported links, yet they are not index cases: E is the
        // only one. F is anchored after the as-of day and left out.
        assertEquals(List.of("cluster_id,size,cases,index_cases,first_anchor,last_anchor,generations,active,districts",
                "C1,4,A;B;C;E,E,2024-03-01,2024-03-08,2,true,North;South",
                "C2,1,D,D,2024-03-07,2024-03-07,1,true,"), run(base).lines());
        assertEquals(List.of("person_id,cluster_id,generation,infector,infectees,anchor_date,district",
                "A,C1,1,,1,2024-03-01,North", "B,C1,2,A,0,2024-03-04,South", "C,C1,1,,1,2024-03-06,South",
                "E,C1,1,,1,2024-03-08,", "D,C2,1,,0,2024-03-07,"), run(concat(base, "--by", "case")).lines());
        assertEquals(List.of("cluster_id,size,cases,index_cases,first_anchor,last_anchor,generations,active,districts",
                "C1,4,A;B;C;E,E,2024-03-01,2024-03-08,2,true,North;South"),
                run(concat(base, "--min-size", "2")).lines());
        assertEquals(List.of("cluster_id,size,cases,index_cases,first_anchor,last_anchor,generations,active,districts",
                "C1,4,A;B;C;E,E,2024-03-01,2024-03-08,2,true,North;South",
                "C2,1,D,,2024-03-07,2024-03-07,1,true,"), run(concat(base, "--keep-noncase")).lines());
        assertEquals("C1,4,A;B;C;E,E,2024-03-01,2024-03-08,2,false,North;South",
                run(concat(base, "--active-days", "1")).lines().get(1));
    }

    @Test
    void aLinksFileOverridesTheFoldersAndValidateWarnsAboutIt(@TempDir Path dir) throws IOException {
        outbreak(dir);
        Path other = write(dir, "other.csv", "from,to", "A,C");
        Result r = run("chains", "--in", dir.toString(), "--links", other.toString(), "--as-of", "2024-03-10",
                "--by", "link", "--quiet");
        assertEquals(List.of("from,to,kind,backward,contact_date,serial_interval_days,cluster_id",
                "A,B,reported,false,,3,C1", "A,C,reported,false,,5,C1"), r.lines());
        Result v = run("validate", "--in", dir.toString(), "--as-of", "2024-03-10");
        assertEquals(0, v.exit(), v::toString);
        assertTrue(v.out().contains("  warnings: backward link: 2\n"), v::toString);
        assertTrue(v.out().contains("  warnings: non-case in link: 1\n"), v::toString);
    }

    @Test
    void aBadLinksRowStopsTheRunOrIsSkipped(@TempDir Path dir) throws IOException {
        outbreak(dir);
        write(dir, "links.csv", "from,to,kind", "C,B,related", "B,B,reported", "A,C,inferred");
        Result r = run("chains", "--in", dir.toString(), "--as-of", "2024-03-10");
        assertEquals(1, r.exit(), r::toString);
        assertEquals("", r.out());
        String links = dir.resolve("links.csv").toString();
        assertTrue(r.err().contains(links + ":3: column 'to': value 'B': expected a person other than from"), r::toString);
        assertTrue(r.err().contains(links + ":4: column 'kind': value 'inferred': expected reported or related"),
                r::toString);
        Result skip = run("chains", "--in", dir.toString(), "--as-of", "2024-03-10", "--on-error", "skip", "--by", "link");
        assertEquals(3, skip.exit(), skip::toString);
        assertEquals(List.of("from,to,kind,backward,contact_date,serial_interval_days,cluster_id",
                "A,B,reported,false,,3,C1", "B,C,related,false,,2,C1"), skip.lines());
        Result v = run("validate", "--in", dir.toString(), "--as-of", "2024-03-10");
        assertEquals(1, v.exit(), v::toString);
        assertTrue(v.out().contains("self-link: 1"), v::toString);
    }

    @Test
    void usageErrors(@TempDir Path dir) throws IOException {
        outbreak(dir);
        String in = dir.toString();
        assertEquals(2, run("chains", "--cases", dir.resolve("cases.csv").toString(), "--infer").exit(),
                "--infer without contacts");
        Result missing = run("chains", "--in", in, "--infer");
        assertEquals(1, missing.exit(), missing::toString);
        assertTrue(missing.err().contains("contacts.csv: no such file"), missing::toString);
        assertEquals(2, run("chains", "--in", in, "--incubation", "14-1").exit());
        assertEquals(2, run("chains", "--in", in, "--incubation", "seven").exit());
        assertEquals(2, run("chains", "--in", in, "--min-size", "0").exit());
        assertEquals(2, run("chains", "--in", in, "--active-days", "-1").exit());
        assertEquals(2, run("chains", "--in", in, "--by", "district").exit());
        Result r = run("chains", "--in", in, "--min-size", "0");
        assertTrue(r.err().contains("--min-size"), r::toString);
        assertEquals(1, run("chains", "--in", in, "--links", dir.resolve("missing.csv").toString()).exit());
    }

    /** Options that change nothing here were accepted, and a script's author believed them applied. */
    @Test
    void optionsThatWouldDoNothingAreUsageErrors() {
        String notRead = " does not change the chains: inference reads only --always-close-settings, "
                + "--include-suspected, --lookback-days, --max-distance-m, --profile and --incubation";
        String withInfer = " applies to inferred sources only: give --infer, or leave it out";
        Map<List<String>, String> refused = new LinkedHashMap<>();
        refused.put(List.of("--depth", "3"), "--depth" + notRead);
        refused.put(List.of("--infer", "--depth", "3"), "--depth" + notRead);
        refused.put(List.of("--infer", "--min-minutes", "15"), "--min-minutes" + notRead);
        refused.put(List.of("--infer", "--household-rule=false"), "--household-rule" + notRead);
        refused.put(List.of("--close-quarantine-days", "10"), "--close-quarantine-days" + notRead);
        refused.put(List.of("--incubation", "2-5"), "--incubation" + withInfer);
        refused.put(List.of("--profile", "cn-8"), "--profile" + withInfer);
        refused.put(List.of("--lookback-days", "6"), "--lookback-days" + withInfer);
        refused.forEach((args, message) -> {
            Result r = samples(args.toArray(new String[0]));
            assertEquals(2, r.exit(), () -> args + "\n" + r);
            assertEquals("", r.out());
            assertEquals("ctrace chains: " + message, r.err().lines().findFirst().orElse(""), r::toString);
        });
        Result applied = samples("--infer", "--incubation", "2-5", "--profile", "cn-8", "--lookback-days", "6",
                "--max-distance-m", "2", "--always-close-settings", "household", "--include-suspected=false", "--quiet");
        assertEquals(0, applied.exit(), applied::toString);
    }

    @Test
    void outputToAFileAndOneFilePerDistrict(@TempDir Path dir) throws IOException {
        outbreak(dir);
        Path out = dir.resolve("clusters.csv");
        Path teams = dir.resolve("teams");
        Result r = run("chains", "--in", dir.toString(), "--as-of", "2024-03-10", "-o", out.toString(),
                "--split-by", "district", teams.toString(), "--quiet");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.out());
        assertEquals(3, Files.readAllLines(out).size());
        String c1 = "C1,4,A;B;C;E,E,2024-03-01,2024-03-08,2,true,North;South";
        assertEquals(c1, Files.readAllLines(teams.resolve("Qinghe_North.csv")).get(1));
        assertEquals(c1, Files.readAllLines(teams.resolve("Qinghe_South.csv")).get(1));
        assertTrue(Files.readString(teams.resolve("unknown-area.csv")).contains("C2,1,D,D"));
    }

    @Test
    void inferenceFromContacts(@TempDir Path dir) throws IOException {
        write(dir, "cases.csv", "person_id,onset_date", "A,2024-03-08", "B,2024-03-12", "C,2024-03-30");
        write(dir, "contacts.csv", "person_a,person_b,start,end,setting,distance_m,protected",
                "A,B,2024-03-09 10:00,2024-03-09 11:00,work,0.5,no", "B,C,2024-03-10 10:00,,meal,,",
                "A,C,2024-03-09 12:00,2024-03-09 13:00,work,3,no");
        Result r = run("chains", "--in", dir.toString(), "--as-of", "2024-03-31", "--infer", "--by", "link", "--quiet");
        // A-C at 3 m does not qualify; B-C on 03-10 is 20 days before C's onset: outside 1-14.
        assertEquals(List.of("from,to,kind,backward,contact_date,serial_interval_days,cluster_id",
                "A,B,inferred,false,2024-03-09 10:00,4,C1"), r.lines());
        Result wide = run("chains", "--in", dir.toString(), "--as-of", "2024-03-31", "--infer", "--incubation", "1-21",
                "--by", "link", "--quiet");
        assertEquals(List.of("from,to,kind,backward,contact_date,serial_interval_days,cluster_id",
                "A,B,inferred,false,2024-03-09 10:00,4,C1", "B,C,inferred,false,2024-03-10 10:00,18,C1"), wide.lines());
    }

    static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /**
     * The converted real data of samples/real/ (see its README), against what can be counted by
     * hand in the source files.
     */
    @Nested
    class RealData {

        @Test
        void singapore() {
            Result r = run("chains", "--in", "samples/real/singapore", "--as-of", "2020-02-26", "--by", "case");
            assertEquals(0, r.exit(), r::toString);
            assertEquals(1 + 93, r.lines().size(), "93 cases, as Tindale et al. report");
            assertTrue(r.err().startsWith("ctrace chains: 93 cases (0 after 2020-02-26, not used), 92 links "
                    + "(0 reported, 92 related, 0 inferred; 0 backward)"), r::toString);
            // 'Related cases': 1 lists 2,3; 2 lists 1,3; 13 lists 26 and 2; 44 lists 13,26. Nobody else
            // names any of them, so these six are one cluster of their own.
            Result clusters = run("chains", "--in", "samples/real/singapore", "--as-of", "2020-02-26", "--quiet");
            String cluster = clusters.lines().stream().filter(l -> l.contains(",1;2;3;")).findFirst().orElseThrow();
            assertEquals("C3,6,1;2;3;13;44;26,1;2;3;13;44;26,2020-01-20,2020-02-04,1,false,", cluster);
        }

        @Test
        void korea() {
            Result r = run("chains", "--in", "samples/real/korea", "--as-of", "2020-04-30", "--by", "case");
            assertEquals(0, r.exit(), r::toString);
            assertEquals(1 + 3386, r.lines().size(), "3388 patients less the 2 without any date");
            // 51 rows of PatientInfo.csv have infected_by 2000000205; she was infected by 1000000138.
            String row = r.lines().stream().filter(l -> l.startsWith("2000000205,")).findFirst().orElseThrow();
            assertTrue(row.matches("2000000205,C\\d+,\\d+,1000000138,51,2020-03-14,Seongnam-si"), row);
            assertTrue(r.err().contains("5 links naming non-cases left out"), r::toString);
        }

        @Test
        void tianjin() {
            Result r = run("chains", "--in", "samples/real/tianjin", "--as-of", "2020-02-27", "--by", "case",
                    "--quiet");
            assertEquals(0, r.exit(), r::toString);
            assertEquals(1 + 135, r.lines().size());
            // TJ5 is named by TJ12, TJ13, TJ16 ('case TJ5 (family)') and TJ17 ('coworker of case TJ5').
            String row = r.lines().stream().filter(l -> l.startsWith("TJ5,")).findFirst().orElseThrow();
            assertTrue(row.matches("TJ5,C\\d+,1,,4,2020-01-15,"), row);
        }
    }
}
