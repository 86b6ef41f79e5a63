package org.ctrace.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ctrace.domain.Area;
import org.ctrace.domain.WallClock;
import org.ctrace.domain.simulate.CaseRow;
import org.ctrace.domain.simulate.ContactRow;
import org.ctrace.domain.simulate.PersonRow;
import org.ctrace.domain.simulate.QuarantineRow;
import org.ctrace.domain.simulate.Simulation;
import org.ctrace.domain.simulate.SimulationSink;
import org.ctrace.domain.simulate.SimulationSummary;
import org.ctrace.domain.simulate.Stamp;
import org.ctrace.domain.simulate.TimeForm;

/**
 * Writes a {@link Simulation} as the four inputs of SPEC §2 in a folder: persons.csv,
 * cases.csv, contacts.csv and quarantine.csv, in UTF-8 with LF line ends and the canonical
 * lower-case headers. Person number n is named {@code P} + n + 1, zero-padded to the width of
 * the number of persons (P0001…P2000), so ids sort as numbers; households are {@code H…} alike.
 *
 * <p>Each file goes to a temporary file in the folder, and the four are moved into place only
 * once all are complete: a failed run leaves no partial file. Rows are formatted by hand into a
 * large byte buffer: a benchmark's contacts.csv has hundreds of millions of rows.
 */
public final class SimulationFiles {

    /** The files written, in the order they are made. */
    public static final List<String> FILES = List.of("persons.csv", "cases.csv", "contacts.csv", "quarantine.csv");

    private static final String[] HEADERS = {
        "person_id,name,phone,city,district,town,village,household_id\n",
        "person_id,classification,onset_date,sample_date,isolation_date,infector\n",
        "person_a,person_b,start,end,duration_min,setting,distance_m,protected\n",
        "person_id,status,start_date,end_date,site_id\n"};

    private SimulationFiles() {
    }

    /** Runs the simulation into DIR (created when missing); a file that cannot be written is an {@link InputException}. */
    public static SimulationSummary write(Path dir, Simulation simulation) {
        List<Path> temps = new ArrayList<>();
        List<Bytes> outs = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < FILES.size(); i++) {
                Path tmp = Siblings.file(dir.resolve(FILES.get(i)));
                temps.add(tmp);
                Bytes out = new Bytes(Files.newOutputStream(tmp));
                outs.add(out);
                out.ascii(HEADERS[i]);
            }
            SimulationSummary summary = simulation.run(new Rows(simulation.spec().persons(), outs));
            for (Bytes out : outs) {
                out.close();
            }
            outs.clear();
            for (int i = 0; i < FILES.size(); i++) {
                OutputTarget.moveIntoPlace(temps.get(i), dir.resolve(FILES.get(i)));
            }
            temps.clear();
            return summary;
        } catch (IOException e) {
            throw new InputException(dir + ": cannot be written: " + OutputTarget.reason(e));
        } catch (UncheckedIOException e) {
            throw new InputException(dir + ": cannot be written: " + OutputTarget.reason(e.getCause()));
        } finally {
            for (Bytes out : outs) {
                out.closeQuietly();
            }
            for (Path tmp : temps) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the failure that brought us here is the one to report
                }
            }
        }
    }

    /** The sink that formats each row into its file. */
    private static final class Rows implements SimulationSink {
        private final int width;
        private final Bytes persons;
        private final Bytes cases;
        private final Bytes contacts;
        private final Bytes quarantine;
        private Area lastArea;
        private byte[] lastAreaCells;

        Rows(int personCount, List<Bytes> outs) {
            this.width = Integer.toString(personCount).length();
            this.persons = outs.get(0);
            this.cases = outs.get(1);
            this.contacts = outs.get(2);
            this.quarantine = outs.get(3);
        }

        @Override
        public void person(PersonRow row) {
            Bytes o = persons;
            o.id('P', row.person(), width);
            o.comma();
            o.text(row.name());
            o.comma();
            o.text(row.phone());
            o.comma();
            // Persons come village by village: one encoding per village.
            if (row.area() != lastArea) {
                lastArea = row.area();
                lastAreaCells = String.join(",", Bytes.cell(lastArea.city()), Bytes.cell(lastArea.district()),
                        Bytes.cell(lastArea.town()), Bytes.cell(lastArea.village())).getBytes(StandardCharsets.UTF_8);
            }
            o.bytes(lastAreaCells);
            o.comma();
            o.id('H', row.household(), width);
            o.newline();
        }

        @Override
        public void caseRow(CaseRow row) {
            Bytes o = cases;
            o.id('P', row.person(), width);
            o.comma();
            o.ascii(row.classification().word());
            o.comma();
            o.stamp(row.onset());
            o.comma();
            o.stamp(row.sample());
            o.comma();
            o.stamp(row.isolation());
            o.comma();
            if (row.infector() >= 0) {
                o.id('P', row.infector(), width);
            }
            o.newline();
        }

        @Override
        public void contact(ContactRow row) {
            Bytes o = contacts;
            o.id('P', row.personA(), width);
            o.comma();
            o.id('P', row.personB(), width);
            o.comma();
            o.stamp(row.start(), row.form());
            o.comma();
            if (row.end() != ContactRow.NONE) {
                o.stamp(row.end(), row.form());
            }
            o.comma();
            if (row.durationMin() >= 0) {
                o.number(row.durationMin());
            }
            o.comma();
            o.ascii(row.setting());
            o.comma();
            if (row.distanceDm() >= 0) {
                o.number(row.distanceDm() / 10);
                if (row.distanceDm() % 10 != 0) {
                    o.put('.');
                    o.put('0' + row.distanceDm() % 10);
                }
            }
            o.comma();
            o.ascii(row.protectedWord());
            o.newline();
        }

        @Override
        public void quarantine(QuarantineRow row) {
            Bytes o = quarantine;
            o.id('P', row.person(), width);
            o.comma();
            o.ascii(row.status().word());
            o.comma();
            o.stamp(row.start());
            o.comma();
            o.stamp(row.end());
            o.comma();
            o.text(row.siteId());
            o.newline();
        }
    }

    /** A file written through a buffer of its own, with the few formats the rows need. */
    private static final class Bytes {
        /** Room for the longest cell formatted in place (a date-time, a number). */
        private static final int CELL = 32;

        private final OutputStream os;
        private final byte[] buf = new byte[1 << 20];
        private int n;
        private boolean closed;

        Bytes(OutputStream os) {
            this.os = os;
        }

        void put(int b) {
            room(1);
            buf[n++] = (byte) b;
        }

        void comma() {
            put(',');
        }

        void newline() {
            put('\n');
        }

        /** A string known to be ASCII without separators (words, headers). */
        void ascii(String s) {
            room(s.length());
            for (int i = 0; i < s.length(); i++) {
                buf[n++] = (byte) s.charAt(i);
            }
        }

        /** Any text, as a CSV cell in UTF-8. */
        void text(String s) {
            bytes(cell(s).getBytes(StandardCharsets.UTF_8));
        }

        void bytes(byte[] b) {
            if (b.length > buf.length - n) {
                flush();
                if (b.length > buf.length) {
                    write(b, b.length);
                    return;
                }
            }
            System.arraycopy(b, 0, buf, n, b.length);
            n += b.length;
        }

        /** A number at least 0. */
        void number(long v) {
            room(CELL);
            if (v == 0) {
                buf[n++] = '0';
                return;
            }
            int digits = 0;
            for (long x = v; x > 0; x /= 10) {
                digits++;
            }
            for (int i = n + digits - 1; i >= n; i--) {
                buf[i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            n += digits;
        }

        /** A prefix and a number from 1, zero-padded to the width. */
        void id(char prefix, int index, int width) {
            room(CELL);
            buf[n++] = (byte) prefix;
            digits(index + 1, width);
        }

        void stamp(Stamp s) {
            if (s != null) {
                stamp(s.instant(), s.form());
            }
        }

        /** A date or date-time in the form; the date from the day number without java.time objects. */
        void stamp(long instant, TimeForm form) {
            room(CELL);
            long day = Math.floorDiv(instant, WallClock.DAY);
            int secondOfDay = (int) (instant - day * WallClock.DAY);
            // Civil date from a day number (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
            long z = day + 719_468;
            long era = Math.floorDiv(z, 146_097);
            long doe = z - era * 146_097;
            long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
            long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            long mp = (5 * doy + 2) / 153;
            int d = (int) (doy - (153 * mp + 2) / 5 + 1);
            int m = (int) (mp < 10 ? mp + 3 : mp - 9);
            int y = (int) (yoe + era * 400 + (m <= 2 ? 1 : 0));
            boolean slash = form == TimeForm.DATE_SLASH || form == TimeForm.MINUTES_SLASH;
            digits(y, 4);
            if (form == TimeForm.DATE_COMPACT) {
                digits(m, 2);
                digits(d, 2);
                return;
            }
            buf[n++] = (byte) (slash ? '/' : '-');
            digits(m, slash ? 1 : 2);
            buf[n++] = (byte) (slash ? '/' : '-');
            digits(d, slash ? 1 : 2);
            if (!form.hasTime()) {
                return;
            }
            buf[n++] = (byte) (form == TimeForm.ISO_SECONDS ? 'T' : ' ');
            digits(secondOfDay / 3600, slash ? 1 : 2);
            buf[n++] = ':';
            digits(secondOfDay / 60 % 60, 2);
            if (form == TimeForm.ISO_SECONDS) {
                buf[n++] = ':';
                digits(secondOfDay % 60, 2);
            }
        }

        /** At least {@code width} digits; the caller made room. */
        private void digits(int v, int width) {
            int len = 1;
            for (int x = v; x >= 10; x /= 10) {
                len++;
            }
            len = Math.max(len, width);
            for (int i = n + len - 1; i >= n; i--) {
                buf[i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            n += len;
        }

        /** The text as a CSV cell: quoted only when it holds a separator or a quote. */
        static String cell(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                    return '"' + s.replace("\"", "\"\"") + '"';
                }
            }
            return s;
        }

        private void room(int k) {
            if (n + k > buf.length) {
                flush();
            }
        }

        private void flush() {
            write(buf, n);
            n = 0;
        }

        private void write(byte[] b, int len) {
            try {
                os.write(b, 0, len);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void close() throws IOException {
            flush();
            closed = true;
            os.close();
        }

        void closeQuietly() {
            if (!closed) {
                try {
                    os.close();
                } catch (IOException ignored) {
                    // already failing: the first error is the one reported
                }
            }
        }
    }
}
