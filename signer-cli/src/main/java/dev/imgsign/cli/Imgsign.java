package dev.imgsign.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code imgsign} command: one subcommand per scheme. Exit status 0 on success, 1 when a
 * verification rejects, 2 on a usage error (bad option, bad URL, unreadable key).
 *
 * @since 0.1.0
 */
@Command(name = "imgsign",
        mixinStandardHelpOptions = true,
        versionProvider = Imgsign.Version.class,
        description = "Sign and verify image-proxy URLs (Camo, imageproxy, weekly, expiring).",
        subcommands = {CamoCommand.class, ImageproxyCommand.class, WeeklyCommand.class, ExpiringCommand.class,
            ImgproxyCommand.class, ThumborCommand.class, KeygenCommand.class})
public final class Imgsign implements Runnable {
    static final int OK = 0;
    static final int REJECTED = 1;
    static final int USAGE = 2;

    final Map<String, String> environment;
    final BufferedReader stdin;
    final PrintWriter out;
    final PrintWriter err;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Imgsign(Map<String, String> environment, BufferedReader stdin, PrintWriter out, PrintWriter err) {
        this.environment = environment;
        this.stdin = stdin;
        this.out = out;
        this.err = err;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a scheme subcommand is required");
    }

    /**
     * Runs the command and exits with its status.
     *
     * @param args the command line, as {@code imgsign --help} describes it
     */
    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, System.getenv()));
    }

    /** Runs the command in-process; what {@link #main} does, with the streams and environment given. */
    static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err, Map<String, String> environment) {
        PrintWriter outWriter = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        CommandLine commandLine = new CommandLine(new Imgsign(environment, in, outWriter, errWriter));
        // '@file' is how keys are named (as imageproxy-sign does), not an argument file to expand.
        commandLine.setExpandAtFiles(false);
        commandLine.setOut(outWriter);
        commandLine.setErr(errWriter);
        commandLine.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
                CommandList::render);
        String singleDash = SingleDashOptions.misuse(commandLine, args);
        if (singleDash != null) {
            errWriter.println("imgsign: " + singleDash);
            errWriter.flush();
            return USAGE;
        }
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof UsageException) {
                cmd.getErr().println("imgsign: " + e.getMessage());
                return USAGE;
            }
            throw e;
        });
        int status = commandLine.execute(args);
        outWriter.flush();
        errWriter.flush();
        return status;
    }

    /** A usage problem found while running (unreadable key file, missing key). */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Reads the version Maven wrote into the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Imgsign.class.getPackage().getImplementationVersion();
            return new String[] {"imgsign " + (version == null ? "development build" : version)};
        }
    }
}
