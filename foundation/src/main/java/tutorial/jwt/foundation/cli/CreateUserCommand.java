package tutorial.jwt.foundation.cli;

import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tutorial.jwt.foundation.Launch;
import tutorial.jwt.foundation.Site;
import tutorial.jwt.foundation.users.UserStore;

/**
 * Django's {@code createsuperuser}: asks for a username, an email and a password typed twice. As
 * {@code createuser} it makes a regular user (not staff), to see a permission refused in step 3.
 */
@Command(mixinStandardHelpOptions = true)
final class CreateUserCommand implements Callable<Integer> {

    /** Django's {@code UnicodeUsernameValidator}. */
    private static final Pattern USERNAME = Pattern.compile("[\\w.@+-]{1,150}", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Launch<?> launch;
    private final boolean superuser;

    @Option(names = "--username", description = "The username; asked for when missing.")
    String username;

    @Option(names = "--email", description = "The email address (may be blank).")
    String email;

    @Option(names = "--noinput", description = "Ask nothing: needs --username and SUPERUSER_PASSWORD.")
    boolean noInput;

    CreateUserCommand(Launch<?> launch, boolean superuser) {
        this.launch = launch;
        this.superuser = superuser;
    }

    /** The help text, which depends on the kind of user made. */
    String[] description() {
        return new String[] {superuser ? "Creates a superuser (staff, active) to log in with."
                : "Creates a regular user (active, not staff) to log in with.",
                "With --noinput the password comes from the SUPERUSER_PASSWORD environment variable."};
    }

    @Override
    public Integer call() {
        if (noInput) {
            return createWithoutQuestions();
        }
        Prompter prompter = new Prompter(launch);
        Site site = launch.site();
        String name = username;
        while (true) {
            if (name == null) {
                String fallback = System.getProperty("user.name", "admin");
                name = prompter.ask("Username (leave blank to use '" + fallback + "'): ").strip();
                name = name.isEmpty() ? fallback : name;
            }
            String problem = usernameProblem(site, name);
            if (problem == null) {
                break;
            }
            launch.err().println("Error: " + problem);
            name = null;
        }
        String address = email;
        while (address == null) {
            address = prompter.ask("Email address: ").strip();
            if (!address.isEmpty() && !EMAIL.matcher(address).matches()) {
                launch.err().println("Error: Enter a valid email address.");
                address = null;
            }
        }
        while (true) {
            try {
                String password = Passwords.check(prompter.askHidden("Password: "),
                        prompter.askHidden("Password (again): "));
                return create(site, name, address, password);
            } catch (Cli.CommandFailed e) {
                if (e.getMessage().equals("Operation cancelled.")) {
                    throw e;
                }
                launch.err().println("Error: " + e.getMessage());
            }
        }
    }

    private int createWithoutQuestions() {
        if (username == null) {
            throw new Cli.CommandFailed("You must use --username with --noinput.");
        }
        String password = launch.environment().get("SUPERUSER_PASSWORD");
        if (password == null || password.isBlank()) {
            throw new Cli.CommandFailed("Set SUPERUSER_PASSWORD to the new superuser's password when using --noinput.");
        }
        String address = email == null ? "" : email.strip();
        if (!address.isEmpty() && !EMAIL.matcher(address).matches()) {
            throw new Cli.CommandFailed("Enter a valid email address.");
        }
        Site site = launch.site();
        String problem = usernameProblem(site, username);
        if (problem != null) {
            throw new Cli.CommandFailed(problem);
        }
        return create(site, username, address, password);
    }

    private static String usernameProblem(Site site, String name) {
        if (!USERNAME.matcher(name).matches()) {
            return "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.";
        }
        return site.users().findByUsername(name).isPresent() ? "That username is already taken." : null;
    }

    private int create(Site site, String name, String address, String password) {
        try {
            site.users().create(name, address, site.passwords().hash(password), superuser);
        } catch (UserStore.UsernameTakenException e) {
            throw new Cli.CommandFailed(e.getMessage());
        }
        launch.out().println(superuser ? "Superuser created successfully." : "User created successfully.");
        return 0;
    }
}
