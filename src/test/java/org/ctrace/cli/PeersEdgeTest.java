package org.ctrace.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * ctrace against the DuckDB peer (an independent implementation of SPEC for cn-9, in ../shared/peers)
 * on the peers' hand-written edge input; see src/test/resources/peers-edge/README.md. Every column
 * but {@code basis}, which the peer leaves empty, must match, row for row in the same order.
 */
class PeersEdgeTest {

    private static final String AS_OF = "2024-03-14";

    @Test
    void traceMatchesTheDuckDbPeerOnTheEdgeInput() throws IOException, URISyntaxException {
        URL url = Objects.requireNonNull(PeersEdgeTest.class.getResource("/peers-edge/cases.csv"),
                "test resource peers-edge/cases.csv");
        Path dir = Path.of(url.toURI()).getParent();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int exit = Main.run(new ByteArrayInputStream(new byte[0]), out, new PrintWriter(err, true),
                "trace", "--in", dir.toString(), "--as-of", AS_OF, "--zone", "UTC");
        assertEquals(0, exit, () -> "exit code; stderr:\n" + err);

        List<List<String>> actual = parseCsv(out.toString(UTF_8));
        List<List<String>> expected = parseCsv(Files.readString(dir.resolve("expected-duckdb.csv"), UTF_8));

        assertEquals(expected.get(0), actual.get(0), "header");
        List<String> header = expected.get(0);
        int basis = header.indexOf("basis");
        assertEquals(header.size() - 1, basis, "basis is the last column");
        assertEquals(expected.size(), actual.size(),
                () -> "row count; ctrace wrote:\n" + out.toString(UTF_8));
        for (int r = 1; r < expected.size(); r++) {
            List<String> e = expected.get(r);
            List<String> a = actual.get(r);
            assertEquals(header.size(), a.size(), "cells in ctrace row " + r + ": " + a);
            assertEquals(e.subList(0, basis), a.subList(0, basis),
                    "row " + r + " (" + e.get(0) + "), every column but basis; columns "
                            + header.subList(0, basis));
        }
    }

    /** RFC 4180 CSV: quoted cells with doubled quotes, LF or CRLF line ends; a final line end is optional. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                rows.add(row);
                row = new ArrayList<>();
                cell.setLength(0);
                any = false;
            } else {
                cell.append(c);
                any = true;
            }
        }
        if (any) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
