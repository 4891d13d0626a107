package tutorial.jwt.install;

import static io.restassured.RestAssured.given;

import io.javalin.Javalin;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import tutorial.jwt.foundation.settings.Settings;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.foundation.web.ApiServer;

/**
 * A step's real server on a random port, with its own temporary database (see {@link TestDatabase}), a
 * known signing key, a clock the test moves, and cheap password hashing. Every step's tests start
 * theirs through this.
 */
public final class TestServer implements AutoCloseable {

    /** The key every test server signs with, so tests can forge tokens with it (see {@link TestTokens}). */
    public static final String SIGNING_KEY = "test-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ";
    public static final String PASSWORD = "correct horse battery staple";

    public final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));
    public final Services services;
    private final Path dir;
    /** False when the caller gave the folder: it is left as it is. */
    private final boolean ownsDir;
    private final Javalin server;

    private TestServer(StepApp app, Map<String, String> extraEnvironment) {
        this(app, extraEnvironment, null);
    }

    private TestServer(StepApp app, Map<String, String> extraEnvironment, Path workingDir) {
        ownsDir = workingDir == null;
        try {
            dir = ownsDir ? Files.createTempDirectory("jwt-test") : workingDir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> environment = new HashMap<>();
        if (!extraEnvironment.containsKey("DATABASE_URL")) {
            environment.put("DATABASE_URL", TestDatabase.fresh(dir));
        }
        environment.put("JWT_SIGNING_KEY", SIGNING_KEY);
        environment.put("PASSWORD_ITERATIONS", "1000");
        environment.put("LOGIN_THROTTLE", "off"); // tests log in often; the throttle's own tests turn it on
        environment.putAll(extraEnvironment);
        services = app.open(new Settings(environment, app.settings()), dir, clock, line -> { });
        server = ApiServer.create(app.modules(services), app.wwwAuthenticate()).start("127.0.0.1", 0);
    }

    public static TestServer start(StepApp app) {
        return new TestServer(app, Map.of());
    }

    /** With extra environment variables, e.g. {@code Map.of("JWT_LEEWAY", "PT10S")}. */
    public static TestServer start(StepApp app, Map<String, String> environment) {
        return new TestServer(app, environment);
    }

    /** In {@code workingDir}, which outlives it: a restart in the same folder finds the same local key files. */
    public static TestServer startIn(Path workingDir, StepApp app, Map<String, String> environment) {
        return new TestServer(app, environment, workingDir);
    }

    /** A second server of {@code app} on this one's database and key, as behind a load balancer. */
    public TestServer beside(StepApp app) {
        return new TestServer(app, Map.of("DATABASE_URL", databaseUrl()));
    }

    public String databaseUrl() {
        return services.site().server().databaseUrl();
    }

    public int port() {
        return server.port();
    }

    /** A rest-assured request to this server. */
    public RequestSpecification request() {
        return given().baseUri("http://127.0.0.1").port(port()).urlEncodingEnabled(true);
    }

    /** A request with a JSON body. */
    public RequestSpecification json(Object body) {
        return request().contentType(ContentType.JSON).body(body);
    }

    /** A user with {@link #PASSWORD}. */
    public User createUser(String username) {
        return services.site().users().create(username, username + "@example.com", services.site().passwords().hash(PASSWORD), false);
    }

    public User createStaff(String username) {
        return services.site().users().create(username, username + "@example.com", services.site().passwords().hash(PASSWORD), true);
    }

    /** Runs SQL against the server's database, e.g. to deactivate a user behind its back. */
    public void sql(String statement, Object... parameters) {
        services.site().database().withConnection(connection -> {
            try (var prepared = connection.prepareStatement(statement)) {
                for (int i = 0; i < parameters.length; i++) {
                    prepared.setObject(i + 1, parameters[i]);
                }
                return prepared.executeUpdate();
            }
        });
    }

    /** The number a query such as {@code SELECT COUNT(*) FROM ...} answers, read from the server's database. */
    public long count(String query) {
        return services.site().database().withConnection(connection -> {
            try (var row = connection.createStatement().executeQuery(query)) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /** Logs in through {@code POST /api/token/} and returns the response body. */
    public JsonPath login(String username) {
        return json(Map.of("username", username, "password", PASSWORD))
                .post("/api/token/").then().statusCode(200).extract().jsonPath();
    }

    @Override
    public void close() {
        server.stop();
        services.close();
        if (!ownsDir) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
