package tutorial.jwt.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tutorial.jwt.foundation.users.User;

/** The command line, as a learner types it (the non-interactive paths, and answers piped in). */
class CliTest {

    @TempDir
    Path dir;
    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(new Main(), dir);
    }

    @AfterEach
    void tearDown() {
        cli.close();
    }

    boolean canLogIn(String username, String password) {
        Services services = cli.services();
        return services.site().authenticator().authenticate(username, password, "127.0.0.1").isPresent();
    }

    @Test
    void createsuperuser_noinput_takes_the_password_from_the_environment() {
        int code = cli.env("SUPERUSER_PASSWORD", "your_password")
                .run("", "createsuperuser", "--noinput", "--username", "your_username", "--email", "you@example.com");
        assertEquals(0, code, cli.err);
        assertEquals("Superuser created successfully.\n", cli.out);
        User user = cli.services().site().users().findByUsername("your_username").orElseThrow();
        assertTrue(user.isSuperuser() && user.isStaff() && user.isActive());
        assertEquals("you@example.com", user.email());
        assertTrue(user.passwordHash().startsWith("pbkdf2_sha256$1000$"));
        assertTrue(canLogIn("your_username", "your_password"));
    }

    @Test
    void createuser_makes_a_regular_user_who_is_not_staff() {
        assertEquals(0, cli.env("SUPERUSER_PASSWORD", "pw").run("", "createuser", "--noinput", "--username", "alice"));
        assertEquals("User created successfully.\n", cli.out);
        User user = cli.services().site().users().findByUsername("alice").orElseThrow();
        assertFalse(user.isStaff() || user.isSuperuser());
        assertTrue(user.isActive() && canLogIn("alice", "pw"));
    }

    @Test
    void createsuperuser_refuses_a_duplicate_username() {
        cli.env("SUPERUSER_PASSWORD", "pw");
        assertEquals(0, cli.run("", "createsuperuser", "--noinput", "--username", "admin"));
        assertEquals(1, cli.run("", "createsuperuser", "--noinput", "--username", "admin"));
        assertEquals("Error: That username is already taken.\n", cli.err);
    }

    @Test
    void createsuperuser_noinput_without_a_password_says_what_to_set() {
        assertEquals(1, cli.run("", "createsuperuser", "--noinput", "--username", "admin"));
        assertEquals("Error: Set SUPERUSER_PASSWORD to the new superuser's password when using --noinput.\n", cli.err);
        assertTrue(cli.services().site().users().findByUsername("admin").isEmpty());
    }

    @Test
    void createsuperuser_noinput_needs_a_username_and_a_valid_email() {
        cli.env("SUPERUSER_PASSWORD", "pw");
        assertEquals(1, cli.run("", "createsuperuser", "--noinput"));
        assertEquals("Error: You must use --username with --noinput.\n", cli.err);
        assertEquals(1, cli.run("", "createsuperuser", "--noinput", "--username", "a", "--email", "not-an-email"));
        assertEquals("Error: Enter a valid email address.\n", cli.err);
        assertEquals(1, cli.run("", "createsuperuser", "--noinput", "--username", "bad name!"));
        assertTrue(cli.err.startsWith("Error: Enter a valid username."), cli.err);
    }

    @Test
    void createsuperuser_asks_again_until_the_passwords_match() {
        String typed = "your_username\nyou@example.com\nfirst\nsecond\n\n\nyour_password\nyour_password\n";
        assertEquals(0, cli.run(typed, "createsuperuser"), cli.err);
        assertEquals("Error: Your passwords didn't match.\nError: Blank passwords aren't allowed.\n", cli.err);
        assertEquals("Username (leave blank to use '" + System.getProperty("user.name") + "'): Email address: "
                + "Password: Password (again): Password: Password (again): Password: Password (again): "
                + "Superuser created successfully.\n", cli.out);
        assertTrue(canLogIn("your_username", "your_password"));
    }

    @Test
    void createsuperuser_stops_cleanly_when_input_ends() {
        assertEquals(1, cli.run("someone\n", "createsuperuser"));
        assertEquals("Error: Operation cancelled.\n", cli.err);
        assertTrue(cli.services().site().users().findByUsername("someone").isEmpty());
    }

    @Test
    void changepassword_sets_a_new_password() {
        cli.env("SUPERUSER_PASSWORD", "old").run("", "createsuperuser", "--noinput", "--username", "admin");
        assertEquals(0, cli.run("new\nnew\n", "changepassword", "admin"), cli.err);
        assertEquals("Changing password for user 'admin'\nPassword: Password (again): "
                + "Password changed successfully for user 'admin'\n", cli.out);
        assertTrue(canLogIn("admin", "new"));
        assertFalse(canLogIn("admin", "old"));
    }

    @Test
    void changepassword_gives_up_after_three_mismatches() {
        cli.env("SUPERUSER_PASSWORD", "old").run("", "createsuperuser", "--noinput", "--username", "admin");
        assertEquals(1, cli.run("a\nb\nc\nd\ne\nf\n", "changepassword", "admin"));
        assertTrue(cli.err.endsWith("Error: Aborting password change for user 'admin' after 3 attempts\n"), cli.err);
        assertTrue(canLogIn("admin", "old"));
    }

    @Test
    void changepassword_of_an_unknown_user_fails() {
        assertEquals(1, cli.run("", "changepassword", "ghost"));
        assertEquals("Error: user 'ghost' does not exist\n", cli.err);
    }

    @Test
    void an_unknown_command_gets_one_line_listing_the_valid_ones() {
        assertEquals(2, cli.run("", "migrate"));
        assertEquals("Unknown command 'migrate'. Valid commands: runserver, createsuperuser, createuser, changepassword.\n", cli.err);
    }

    @Test
    void help_works_everywhere() {
        assertEquals(0, cli.run("", "--help"));
        assertTrue(cli.out.contains("Step 1 (install)") && cli.out.contains("runserver"), cli.out);
        for (String command : new String[] {"runserver", "createsuperuser", "createuser", "changepassword"}) {
            assertEquals(0, cli.run("", command, "--help"));
            assertTrue(cli.out.startsWith("Usage: ./run 1 " + command), cli.out);
        }
    }

    @Test
    void a_weak_signing_key_stops_the_server_before_it_starts() {
        assertEquals(1, cli.env("JWT_SIGNING_KEY", "secret").run("", "runserver", "--port", "0"));
        assertEquals("Error: JWT_SIGNING_KEY is 6 bytes long; HS256 needs at least 32 bytes (256 bits)."
                + " Generate one with: openssl rand -base64 32\n", cli.err);
    }

    @Test
    void a_bad_setting_is_one_clear_line() {
        assertEquals(1, cli.env("JWT_ACCESS_TOKEN_LIFETIME", "5 minutes").run("", "createsuperuser", "--noinput"));
        assertTrue(cli.err.startsWith("Error: You must use --username"), "checks arguments before settings: " + cli.err);
        assertEquals(1, cli.run("", "changepassword", "x"));
        assertTrue(cli.err.startsWith("Error: JWT_ACCESS_TOKEN_LIFETIME=5 minutes is not an ISO-8601 duration"), cli.err);
    }
}
