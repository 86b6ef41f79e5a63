package org.ctrace.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ctrace.io.OutputTarget;
import org.ctrace.io.StandardOutput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code ctrace} command: lists the subcommands; each does one job. */
@Command(name = "ctrace", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        header = "Contact tracing and close-contact graph analysis for epidemiology teams.",
        description = {"Reads cases, persons, contact events and quarantine status (CSV), builds the exposure "
                + "graph, and lists who must be quarantined, until when, and what each team must do.",
                "Exit codes: 0 success, 1 bad input, 2 usage error, 3 rows rejected (--on-error skip)."})
public final class Main implements Runnable {

    /**
     * The subcommands, in the order help lists them. Only the one a run names is built:
     * picocli reflects over a command's options and mixins as it builds it, and building all of
     * them took ~0.1 s of every run's start.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(TraceCommand.class, CoverageCommand.class,
            ReleaseCommand.class, ValidateCommand.class, ProfilesCommand.class, ChainsCommand.class,
            ExportCommand.class, SimulateCommand.class, CommandLine.HelpCommand.class);

    private final Console console;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print the stack trace of an error.")
    boolean verbose;

    Main(Console console) {
        this.console = console;
    }

    Console console() {
        return console;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required");
    }

    public static void main(String[] args) {
        // not System.out: a PrintStream swallows write failures, and a list cut short by a full
        // disk under "> list.csv" would end with exit 0
        System.exit(run(System.in, StandardOutput.open(), new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), args));
    }

    /** Runs ctrace on the given streams and returns the exit code; tests call this. */
    public static int run(InputStream in, OutputStream out, PrintWriter err, String... args) {
        Main top = new Main(new Console(in, out, err));
        CommandLine cl = new CommandLine(top);
        Class<?> named = named(args);
        for (Class<?> subcommand : SUBCOMMANDS) {
            if (named == null || named == subcommand) {
                cl.addSubcommand(subcommand);
            }
        }
        StandardOutput help = StandardOutput.watching(out);
        cl.setOut(new PrintWriter(new OutputStreamWriter(help, StandardCharsets.UTF_8), true));
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.registerConverter(java.nio.file.Path.class, new Converters.FileName());
        cl.setExecutionExceptionHandler(new ErrorHandler(top));
        cl.setParameterExceptionHandler(ErrorHandler::usage);
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            // the run's data are unreachable by now, so there is room to say so
            if (top.verbose) {
                e.printStackTrace(err);
            }
            err.println(String.format(java.util.Locale.ROOT, "ctrace: out of memory: the run needs more than the "
                    + "%d MiB of heap the JVM was given; give it more, for example JAVA_OPTS=-Xmx8g ./ctrace ... "
                    + "(BENCHMARKS.md lists what cities of 1M to 100M events took)",
                    Runtime.getRuntime().maxMemory() >> 20));
            code = ExitCode.BAD_INPUT;
        }
        cl.getOut().flush();
        if (help.failure() != null && !OutputTarget.isBrokenPipe(help.failure())) {
            // help or version text cut short (a full disk); a reader that went away is no error
            err.println("ctrace: standard output cannot be written: " + help.failure().getMessage());
            code = code == 0 ? ExitCode.BAD_INPUT : code;
        }
        err.flush();
        return code;
    }

    /**
     * The subcommand the arguments run, when they start with its name (after any
     * {@code --verbose}); otherwise null, and every subcommand is built: {@code help}, usage,
     * and an unknown name (whose error suggests the nearest) need them all.
     */
    static Class<?> named(String... args) {
        int first = 0;
        while (first < args.length && args[first].equals("--verbose")) {
            first++;
        }
        for (Class<?> subcommand : SUBCOMMANDS) {
            String name = subcommand.getAnnotation(Command.class).name();
            if (first < args.length && args[first].equals(name) && subcommand != CommandLine.HelpCommand.class) {
                return subcommand;
            }
        }
        return null;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"ctrace " + (v == null ? "(development build)" : v)};
        }
    }
}
