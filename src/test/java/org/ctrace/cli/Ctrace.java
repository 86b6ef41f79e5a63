package org.ctrace.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs ctrace in-process through {@link Main#run} with captured streams (STYLE: "the CLI is
 * tested through execute with captured streams"), and writes small input files.
 */
final class Ctrace {

    /** The as-of day every CLI test pins. */
    static final String AS_OF = "2024-03-15";

    private Ctrace() {
    }

    /** What one run left behind. */
    record Result(int exit, byte[] outBytes, String err) {

        /** Standard output decoded as UTF-8. */
        String out() {
            return new String(outBytes, UTF_8);
        }

        /** Standard error split into lines. */
        List<String> errLines() {
            return lines(err);
        }

        /** Standard output split into lines. */
        List<String> outLines() {
            return lines(out());
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out() + "--- stderr\n" + err;
        }
    }

    /** Text split into lines, without the empty string after a final line end. */
    static List<String> lines(String s) {
        List<String> l = new ArrayList<>(List.of(s.split("\r?\n", -1)));
        if (l.get(l.size() - 1).isEmpty()) {
            l.remove(l.size() - 1);
        }
        return l;
    }

    /** Runs with empty standard input. */
    static Result run(String... args) {
        return runWithStdin(new byte[0], args);
    }

    /** Runs with the given bytes on standard input. */
    static Result runWithStdin(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int exit = Main.run(new ByteArrayInputStream(stdin), out, new PrintWriter(err, true), args);
        return new Result(exit, out.toByteArray(), err.toString());
    }

    /** {@code trace} with --as-of and --zone UTC pinned, then the given arguments. */
    static Result trace(String... args) {
        return run(concat(new String[] {"trace", "--as-of", AS_OF, "--zone", "UTC"}, args));
    }

    static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Writes lines, each ended by LF, as UTF-8. */
    static Path write(Path dir, String name, String... lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append(l).append('\n');
        }
        return writeBytes(dir, name, b.toString().getBytes(UTF_8));
    }

    static Path writeBytes(Path dir, String name, byte[] bytes) {
        try {
            Path p = dir.resolve(name);
            Files.write(p, bytes);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the files in a directory, sorted. */
    static List<String> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = new ArrayList<>();
            s.forEach(p -> names.add(p.getFileName().toString()));
            names.sort(null);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header of the quarantine list (SPEC §5). */
    static final String LIST_HEADER = "person_id,name,tier,sources,first_exposure,last_exposure,quarantine_type,"
            + "quarantine_end,monitoring_end,phone,city,district,town,village,current_status,action,basis";

    /** The cn-9 basis of a close contact whose last exposure is on the given day. */
    static String cn9Basis(String day, String source, String setting) {
        return "last exposure " + day + " to " + source + " (" + setting + "); cn-9: 7 days centralized"
                + " + 3 days home monitoring";
    }
}
