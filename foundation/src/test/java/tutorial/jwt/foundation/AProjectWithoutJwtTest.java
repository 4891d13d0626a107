package tutorial.jwt.foundation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tutorial.jwt.foundation.cli.Cli;
import tutorial.jwt.foundation.errors.ApiError;
import tutorial.jwt.foundation.errors.ClientError;
import tutorial.jwt.foundation.settings.Settings;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.foundation.web.ApiServer;
import tutorial.jwt.foundation.web.Open;
import tutorial.jwt.foundation.web.WebModule;

/** The foundation on its own, as Django without Simple JWT: a project of one view, its server and its commands. */
class AProjectWithoutJwtTest {

    @TempDir
    Path dir;

    /** Nothing on top of the site. */
    record Plain(Site site) implements Project.Built {
    }

    /** What a view throws when the client must log in first: it knows its own answer. */
    static final class NotLoggedIn extends RuntimeException implements ClientError {
        @Override
        public ApiError toApiError() {
            return ApiError.detail(401, "Log in first.", "not_logged_in");
        }
    }

    static final class Hello implements Project<Plain> {
        @Override
        public String title() {
            return "Hello";
        }

        @Override
        public String launcherName() {
            return "hello";
        }

        @Override
        public Plain open(Settings settings, Path workingDir, Clock clock, Consumer<String> log) {
            return new Plain(Site.open(settings, migrations(), clock));
        }

        @Override
        public List<WebModule> modules(Plain services) {
            return List.of(config -> {
                config.routes.get("/api/users/count/", ctx -> ctx.json(Map.of("count", services.site().users().count())),
                        Open.NO_AUTHENTICATION);
                config.routes.get("/api/private/", ctx -> {
                    throw new NotLoggedIn();
                }, Open.NO_AUTHENTICATION);
            });
        }

        @Override
        public String wwwAuthenticate() {
            return "Session realm=\"hello\"";
        }
    }

    private Map<String, String> environment() {
        return Map.of("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("db.sqlite3"), "PASSWORD_ITERATIONS", "1000",
                "SUPERUSER_PASSWORD", "pw");
    }

    private int run(String... args) {
        try (Launch<Plain> launch = new Launch<>(new Hello(), environment(), dir, Clock.systemUTC(),
                new BufferedReader(new StringReader("")), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false)) {
            return Cli.execute(launch, args);
        }
    }

    @Test
    void createsuperuser_stores_a_django_hash_the_site_can_log_in_with() {
        assertEquals(0, run("createsuperuser", "--noinput", "--username", "ada", "--email", "ada@example.com"));
        try (Plain services = new Hello().open(new Settings(environment(), Map.of()), dir, Clock.systemUTC(), line -> { })) {
            User ada = services.site().users().findByUsername("ada").orElseThrow();
            assertTrue(ada.passwordHash().startsWith("pbkdf2_sha256$1000$"), ada.passwordHash());
            assertTrue(services.site().authenticator().authenticate("ada", "pw", "127.0.0.1").isPresent());
        }
    }

    @Test
    void the_server_answers_views_errors_and_unknown_paths_in_drfs_shapes() {
        Hello hello = new Hello();
        try (Plain services = hello.open(new Settings(environment(), Map.of()), dir, Clock.systemUTC(), line -> { })) {
            Javalin server = ApiServer.create(hello.modules(services), hello.wwwAuthenticate()).start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + server.port();
                given().get(base + "/api/users/count/").then().statusCode(200).body("count", equalTo(0));
                given().get(base + "/api/private/").then().statusCode(401)
                        .header("WWW-Authenticate", "Session realm=\"hello\"")
                        .body("detail", equalTo("Log in first.")).body("code", equalTo("not_logged_in"));
                given().get(base + "/api/nowhere/").then().statusCode(404).body("detail", equalTo("Not found."));
                given().accept("text/html").get(base + "/").then().statusCode(200)
                        .contentType("application/json").body("size()", equalTo(0)); // no page shipped: JSON
                given().post(base + "/api/users/count/").then().statusCode(405)
                        .body("detail", equalTo("Method \"POST\" not allowed."));
            } finally {
                server.stop();
            }
        }
    }
}
