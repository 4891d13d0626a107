package tutorial.jwt.blacklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tutorial.jwt.install.CliRunner;
import tutorial.jwt.install.TestServer;
import tutorial.jwt.install.TestTokens;

/** A logout survives `kill -9`: the blacklist write is committed before the answer is sent. */
class RestartDurabilityTest {

    final HttpClient http = HttpClient.newHttpClient();

    /** Step 6's server in its own JVM, as `./run 6` starts it. */
    Process startServer(Path dir, int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "runserver", "--port", String.valueOf(port))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
        builder.environment().putAll(Map.of("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("db.sqlite3"),
                "JWT_SIGNING_KEY", TestServer.SIGNING_KEY, "PASSWORD_ITERATIONS", "1000"));
        Process server = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return server;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        server.destroyForcibly();
        throw new AssertionError("the server did not start within 30 s");
    }

    HttpResponse<String> post(int port, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void a_logged_out_refresh_token_stays_refused_after_kill_9_and_a_restart(@TempDir Path dir) throws Exception {
        CliRunner cli = new CliRunner(new Main(), dir).env("SUPERUSER_PASSWORD", "your_password");
        assertEquals(0, cli.run("", "createsuperuser", "--noinput", "--username", "your_username"), cli.err);
        int port = freePort();

        Process first = startServer(dir, port);
        String refresh;
        try {
            HttpResponse<String> login = post(port, "/api/token/",
                    "{\"username\": \"your_username\", \"password\": \"your_password\"}");
            assertEquals(200, login.statusCode(), login.body());
            refresh = login.body().replaceAll(".*\"refresh\":\"([^\"]+)\".*", "$1");
            assertEquals(200, post(port, "/api/token/blacklist/", "{\"refresh\": \"" + refresh + "\"}").statusCode());
        } finally {
            first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no chance to flush anything
        }

        Process second = startServer(dir, port);
        try {
            HttpResponse<String> replay = post(port, "/api/token/refresh/", "{\"refresh\": \"" + refresh + "\"}");
            assertEquals(401, replay.statusCode());
            assertTrue(replay.body().contains("Token is blacklisted"), replay.body());
            assertEquals("refresh", TestTokens.payload(refresh).get("token_type"));
        } finally {
            second.destroyForcibly().waitFor();
        }
    }
}
