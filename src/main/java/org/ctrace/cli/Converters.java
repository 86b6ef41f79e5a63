package org.ctrace.cli;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import org.ctrace.io.TimeParser;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option value converters with messages that say what was expected. */
final class Converters {

    private Converters() {
    }

    /** A date in any of the SPEC §2 date forms. */
    static final class Date implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            TimeParser parser = new TimeParser(ZoneId.of("UTC"));
            LocalDate d = parser.date(value.trim());
            if (d == null) {
                String expected = parser.expected(value.trim(), TimeParser.DATE_FORMS);
                throw new TypeConversionException("'" + value + "' is not " + (expected.equals(TimeParser.YEARS)
                        ? "a date of " + TimeParser.YEARS : expected));
            }
            return d;
        }
    }

    /** A Java charset name, such as UTF-8 or GB18030. */
    static final class Encoding implements ITypeConverter<java.nio.charset.Charset> {
        @Override
        public java.nio.charset.Charset convert(String value) {
            try {
                return java.nio.charset.Charset.forName(value.trim());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a charset this Java knows "
                        + "(such as UTF-8, GB18030, GBK)");
            }
        }
    }

    /**
     * A file or folder name. Java turns a name into a path in the encoding of the machine's
     * locale; without one (no LANG, as under cron) that is ASCII, which cannot hold 病例.csv.
     */
    static final class FileName implements ITypeConverter<java.nio.file.Path> {
        @Override
        public java.nio.file.Path convert(String value) {
            // "" is the folder one is in (simulate --out "" wrote there); "-" made a file named -
            if (value.isBlank()) {
                throw new TypeConversionException("an empty name is no file or folder");
            }
            if (value.equals("-")) {
                throw new TypeConversionException("'-' names standard input only, for one of the input files; "
                        + "a result goes to standard output when -o is left out");
            }
            try {
                return java.nio.file.Path.of(value);
            } catch (java.nio.file.InvalidPathException e) {
                throw new TypeConversionException(notAFileName(e));
            }
        }
    }

    /** Why a name cannot be a path here, and what to do. */
    static String notAFileName(java.nio.file.InvalidPathException e) {
        return "'" + e.getInput() + "' cannot be a file name (" + e.getReason() + "); a name beyond ASCII needs a "
                + "UTF-8 locale, such as LC_ALL=C.UTF-8, which the ctrace launcher sets (file names are in "
                + System.getProperty("sun.jnu.encoding", "an unknown encoding") + " here)";
    }

    /** A time zone: a region such as Asia/Shanghai, or an offset such as +08:00. */
    static final class Zone implements ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            try {
                return ZoneId.of(value.trim());
            } catch (DateTimeException e) {
                throw new TypeConversionException("'" + value + "' is not a time zone (such as Asia/Shanghai or +08:00)");
            }
        }
    }
}
