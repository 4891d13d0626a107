package tutorial.jwt.foundation.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tutorial.jwt.foundation.Launch;
import tutorial.jwt.foundation.Project;
import tutorial.jwt.foundation.Site;

/** Django's {@code changepassword}: a new password for a user, typed twice. */
@Command(name = "changepassword", mixinStandardHelpOptions = true,
        description = "Changes a user's password.")
final class ChangePasswordCommand<S extends Project.Built> implements Callable<Integer> {

    private static final int ATTEMPTS = 3;

    private final Launch<S> launch;

    @Parameters(paramLabel = "USERNAME", description = "Whose password to change.")
    String username;

    ChangePasswordCommand(Launch<S> launch) {
        this.launch = launch;
    }

    @Override
    public Integer call() {
        Site site = launch.site();
        if (site.users().findByUsername(username).isEmpty()) {
            throw new Cli.CommandFailed("user '" + username + "' does not exist");
        }
        Prompter prompter = new Prompter(launch);
        launch.out().println("Changing password for user '" + username + "'");
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                String password = Passwords.check(prompter.askHidden("Password: "),
                        prompter.askHidden("Password (again): "));
                site.users().setPasswordHash(username, site.passwords().hash(password));
                launch.out().println("Password changed successfully for user '" + username + "'");
                launch.app().passwordChanged(launch, site.users().findByUsername(username).orElseThrow());
                return 0;
            } catch (Cli.CommandFailed e) {
                if (e.getMessage().equals("Operation cancelled.")) {
                    throw e;
                }
                launch.err().println("Error: " + e.getMessage());
            }
        }
        throw new Cli.CommandFailed("Aborting password change for user '" + username + "' after " + ATTEMPTS + " attempts");
    }
}
