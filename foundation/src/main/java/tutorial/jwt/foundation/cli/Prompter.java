package tutorial.jwt.foundation.cli;

import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import tutorial.jwt.foundation.Launch;

/**
 * Asks questions the way Django's management commands do. At a terminal a password is read without
 * echo; from a pipe each answer is one line (handy for scripts and tests).
 */
public final class Prompter {

    private final Launch<?> launch;

    public Prompter(Launch<?> launch) {
        this.launch = launch;
    }

    public String ask(String prompt) {
        launch.out().print(prompt);
        launch.out().flush();
        return line();
    }

    public String askHidden(String prompt) {
        Console console = System.console();
        if (launch.console() && console != null) {
            char[] typed = console.readPassword("%s", prompt);
            if (typed == null) {
                throw cancelled();
            }
            return new String(typed);
        }
        return ask(prompt);
    }

    private String line() {
        try {
            String line = launch.in().readLine();
            if (line == null) {
                throw cancelled();
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Cli.CommandFailed cancelled() {
        return new Cli.CommandFailed("Operation cancelled.");
    }
}
