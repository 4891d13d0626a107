package tutorial.jwt.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tutorial.jwt.install.RawHttp;
import tutorial.jwt.install.TestServer;

/**
 * The errors a server sends before any view runs, or around every view (limits, malformed HTTP,
 * throttling), as step 6's server sends them: each status and body must be a row of
 * docs/troubleshooting.md, exactly as the client reads it.
 */
class TroubleshootingTest {

    static TestServer server;
    static String page;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start(new tutorial.jwt.blacklist.Main(), Map.of("LOGIN_THROTTLE", "on")); // default rates
        page = Files.readString(Repository.root().resolve("docs/troubleshooting.md"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void listed(RawHttp request) {
        RawHttp.Response response = request.send(server.port());
        String row = response.status() + " `" + response.body() + "`";
        assertTrue(page.contains(row), "docs/troubleshooting.md has no row for " + row);
    }

    static RawHttp login(String contentType, byte[] body) {
        return RawHttp.request("POST", "/api/token/").header("Content-Type", contentType).body(body);
    }

    @Test
    void the_limits_are_listed() {
        listed(login("application/json", new byte[1024 * 1024]));
        listed(RawHttp.request("GET", "/api/").header("X-Padding", "a".repeat(16 * 1024)));
        listed(RawHttp.request("GET", "/api/" + "a".repeat(16 * 1024)));
    }

    @Test
    void malformed_http_and_an_unsupported_body_are_listed() {
        listed(RawHttp.request("GET", "/api/").version("HTTP/9.9"));
        listed(login("text/plain", "hello".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void throttling_is_listed() {
        byte[] wrong = "{\"username\": \"nobody\", \"password\": \"wrong\"}".getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < 5; attempt++) { // the default: 5 a minute per username
            login("application/json", wrong).send(server.port());
        }
        listed(login("application/json", wrong));
    }
}
