package tutorial.jwt.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tutorial.jwt.foundation.Launch;
import tutorial.jwt.install.Services;
import tutorial.jwt.install.TestServer;
import tutorial.jwt.refresh.client.DemoCommand;

/** ./run 4 demo against a real step-4 server: the session goes on across an expiry, without sleeping. */
class DemoCommandTest {

    String runDemo(TestServer server, Map<String, String> environment) {
        StringWriter out = new StringWriter();
        Launch<Services> launch = new Launch<>(new Main(), environment, Path.of("."), Clock.systemUTC(),
                new BufferedReader(new StringReader("")), new PrintWriter(out, true), new PrintWriter(new StringWriter()), false);
        DemoCommand demo = new DemoCommand(launch, server.clock, duration -> server.clock.advance(duration));
        int code = new CommandLine(demo).execute("--url", "http://127.0.0.1:" + server.port(), "--username", "alice");
        assertEquals(0, code, out.toString());
        return out.toString();
    }

    @Test
    void the_client_refreshes_by_itself_and_keeps_the_rotated_refresh_token() {
        try (TestServer server = TestServer.start(new Main(), Map.of("JWT_ACCESS_TOKEN_LIFETIME", "PT10S"))) {
            server.createUser("alice");
            String output = runDemo(server, Map.of("DEMO_PASSWORD", TestServer.PASSWORD));
            List<String> lines = output.lines().toList();
            List<String> expected = List.of(
                    "> POST /api/token/ {\"username\": \"alice\", \"password\": \"***\"}",
                    "< 200 {\"refresh\":\"eyJ",
                    "> GET /api/protected/",
                    "< 200 {\"message\":\"Hello, alice! You are authenticated.\"}",
                    "The access token expires in 10 s: waiting for that...",
                    "> GET /api/protected/",
                    "< 401 {\"detail\":\"Given token not valid for any token type\"",
                    "The access token was refused: refreshing once and retrying.",
                    "> POST /api/token/refresh/",
                    "< 200 {\"access\":\"eyJ",
                    "The server rotated the refresh token: keeping the new one.",
                    "> GET /api/protected/",
                    "< 200 {\"message\":\"Hello, alice! You are authenticated.\"}",
                    "The session went on across the expiry, without logging in again.");
            assertEquals(expected.size(), lines.size(), output);
            for (int i = 0; i < expected.size(); i++) {
                assertTrue(lines.get(i).startsWith(expected.get(i)), "line " + (i + 1) + ": " + lines.get(i));
            }
            assertTrue(!output.contains(TestServer.PASSWORD), "the password is never printed");
        }
    }

    @Test
    void with_the_default_lifetime_the_demo_explains_how_to_see_an_expiry() {
        try (TestServer server = TestServer.start(new Main())) {
            server.createUser("alice");
            String output = runDemo(server, Map.of("DEMO_PASSWORD", TestServer.PASSWORD));
            assertTrue(output.endsWith("The access token lives 300 s. To watch it expire, restart the server with"
                    + " JWT_ACCESS_TOKEN_LIFETIME=PT10S and run the demo again.\n"), output);
        }
    }
}
