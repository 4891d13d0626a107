package tutorial.jwt.foundation.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.UnmatchedArgumentException;
import tutorial.jwt.foundation.Launch;
import tutorial.jwt.foundation.Project;
import tutorial.jwt.foundation.db.Database;
import tutorial.jwt.foundation.settings.SettingsException;

/**
 * A project's command line, like Django's {@code manage.py}: {@code runserver} (the default),
 * {@code createsuperuser}, {@code changepassword}, and whatever the project adds.
 */
public final class Cli {

    private Cli() {
    }

    /** Runs {@code args} for {@code app} in this process's terminal; returns the exit code. */
    public static <S extends Project.Built> int run(Project<S> app, String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (Launch<S> launch = new Launch<>(app, System.getenv(), Path.of("").toAbsolutePath(), Clock.systemUTC(),
                in, out, err, System.console() != null)) {
            return execute(launch, args);
        }
    }

    /** Runs {@code args} with everything injected: what the tests call. */
    public static int execute(Launch<?> launch, String... args) {
        CommandLine commandLine = commandLine(launch);
        try {
            return commandLine.execute(withDefaultCommand(args));
        } finally {
            launch.out().flush();
            launch.err().flush();
        }
    }

    static <S extends Project.Built> CommandLine commandLine(Launch<S> launch) {
        CommandLine commandLine = new CommandLine(new Root())
                .setCommandName(launch.runCommand())
                .addSubcommand("runserver", new RunServerCommand<>(launch));
        for (boolean superuser : new boolean[] {true, false}) {
            CreateUserCommand create = new CreateUserCommand(launch, superuser);
            CommandLine sub = new CommandLine(create);
            sub.getCommandSpec().usageMessage().description(create.description());
            commandLine.addSubcommand(superuser ? "createsuperuser" : "createuser", sub);
        }
        commandLine.addSubcommand("changepassword", new ChangePasswordCommand<>(launch));
        launch.app().commands(launch).forEach(commandLine::addSubcommand);
        commandLine.getCommandSpec().usageMessage().header(launch.app().title())
                .footer("", launch.app().settingsHelp());
        commandLine.getCommandSpec().version(launch.app().title());
        commandLine.setOut(launch.out()).setErr(launch.err());
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            launch.err().println(oneLine(e, commandLine));
            return 2;
        });
        commandLine.setExecutionExceptionHandler((e, parsed, result) -> {
            launch.err().println("Error: " + describe(e));
            return 1;
        });
        return commandLine;
    }

    /**
     * {@code ./run 1} and {@code ./run 1 --port 8001} mean runserver, as Django's tutorials run it. Public
     * for the Spark variant, whose command line is its own but means the same.
     */
    public static String[] withDefaultCommand(String[] args) {
        boolean help = args.length > 0 && List.of("-h", "--help", "-V", "--version").contains(args[0]);
        if (args.length == 0 || (args[0].startsWith("-") && !help)) {
            List<String> all = new ArrayList<>(List.of("runserver"));
            all.addAll(List.of(args));
            return all.toArray(String[]::new);
        }
        return args;
    }

    private static String oneLine(CommandLine.ParameterException e, CommandLine root) {
        if (e instanceof UnmatchedArgumentException unmatched && e.getCommandLine() == root
                && !unmatched.getUnmatched().isEmpty()) {
            return "Unknown command '" + unmatched.getUnmatched().get(0) + "'. Valid commands: "
                    + String.join(", ", root.getSubcommands().keySet()) + ".";
        }
        return "Error: " + e.getMessage() + " (see " + e.getCommandLine().getCommandName() + " --help)";
    }

    /** What went wrong, for a person: our own messages as they are, others by kind, never a stack trace. */
    private static String describe(Exception e) {
        if (e instanceof SettingsException || e instanceof CommandFailed) {
            return e.getMessage();
        }
        if (e instanceof Database.DatabaseException) {
            return "the database failed: " + e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Command(mixinStandardHelpOptions = true, description = "Runs this step of the course. Without a command: runserver.")
    static final class Root implements Runnable {
        @Override
        public void run() {
            // never reached: no arguments means runserver
        }
    }

    /** A command that failed for a reason the user can fix; the message says which. */
    public static final class CommandFailed extends RuntimeException {
        public CommandFailed(String message) {
            super(message);
        }
    }

}
