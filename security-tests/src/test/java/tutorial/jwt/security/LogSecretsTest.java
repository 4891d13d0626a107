package tutorial.jwt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tutorial.jwt.foundation.json.StrictJson;
import tutorial.jwt.install.RawHttp;
import tutorial.jwt.install.TestTokens;

/**
 * The server's log never holds a token, a password or the key: a whole session against step 6 in its
 * own JVM (logins, refreshes, protected calls, logouts, refused tokens, throttling, oversized and
 * broken requests, and a 500), then every secret it saw is looked for in everything the server printed.
 */
class LogSecretsTest {

    final List<String> secrets = new ArrayList<>();

    @Test
    void a_full_session_leaves_no_token_password_or_key_in_the_log(@TempDir Path dir) throws Exception {
        String key = "log-test-signing-key-" + UUID.randomUUID() + UUID.randomUUID();
        String password = "Pa55-" + UUID.randomUUID();
        secrets.add(key);
        secrets.add(password);
        String log;
        try (ChildServer server = ChildServer.start(dir, Map.of("JWT_SIGNING_KEY", key), List.of(), "alice", password)) {
            Session session = new Session(server.port);
            Map<?, ?> pair = session.json("POST", "/api/token/", AttackTable.credentials("alice", password), 200);
            String refresh = remember(pair.get("refresh"));
            String access = remember(pair.get("access"));
            Map<?, ?> formPair = session.send(RawHttp.request("POST", "/api/token/")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .body("username=alice&password=" + password), 200);
            String otherRefresh = remember(formPair.get("refresh"));
            String sliding = remember(session.json("POST", "/api/token/sliding/", AttackTable.credentials("alice", password), 200).get("token"));

            session.send(RawHttp.request("GET", "/api/protected/").header("Authorization", "Bearer " + access), 200);
            session.send(RawHttp.request("GET", "/api/me/").header("Authorization", "Bearer " + access), 200);
            session.json("POST", "/api/token/verify/", "{\"token\": \"" + access + "\"}", 200);
            Map<?, ?> rotated = session.json("POST", "/api/token/refresh/", "{\"refresh\": \"" + refresh + "\"}", 200);
            String newRefresh = remember(rotated.get("refresh"));
            String newAccess = remember(rotated.get("access"));
            session.json("POST", "/api/token/refresh/", "{\"refresh\": \"" + refresh + "\"}", 401); // replayed
            remember(session.json("POST", "/api/token/sliding/refresh/", "{\"token\": \"" + sliding + "\"}", 200).get("token"));

            // Refused: a wrong password, a forged token, a token in the wrong place, throttled guesses.
            String wrong = "Wr0ng-" + UUID.randomUUID();
            secrets.add(wrong);
            session.json("POST", "/api/token/", AttackTable.credentials("alice", wrong), 401);
            String forged = remember(TestTokens.sign("{\"alg\":\"HS256\"}", "{\"token_type\":\"access\",\"user_id\":1}",
                    "HmacSHA256", "an-attacker-s-key-that-is-long-enough-0123456789"));
            session.send(RawHttp.request("GET", "/api/protected/").header("Authorization", "Bearer " + forged), 401);
            session.send(RawHttp.request("GET", "/api/protected/").header("Authorization", "Bearer " + access + " " + access), 401);
            session.json("POST", "/api/token/verify/", "{\"token\": \"" + access + "x\"}", 401);
            for (int i = 0; i < 5; i++) {
                String guess = "Guess-" + UUID.randomUUID();
                secrets.add(guess);
                session.json("POST", "/api/token/", AttackTable.credentials("mallory", guess), 401);
            }
            String throttledGuess = "Guess-" + UUID.randomUUID();
            secrets.add(throttledGuess);
            session.json("POST", "/api/token/", AttackTable.credentials("mallory", throttledGuess), 429);

            // Too large and malformed, each carrying a secret.
            session.send(RawHttp.request("GET", "/api/protected/")
                    .header("Authorization", "Bearer " + access).header("X-Padding", "p".repeat(16 * 1024)), 431);
            session.json("POST", "/api/token/", AttackTable.credentials("alice", password + "p".repeat(70 * 1024)), 413);
            String chunked = "POST /api/token/refresh/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{\"refresh\": \"" + newRefresh + "\"}\r\n0\r\n\r\n";
            assertEquals(400, RawHttp.send(server.port, chunked.getBytes(StandardCharsets.ISO_8859_1)).status());

            // Logouts.
            session.json("POST", "/api/token/blacklist/", "{\"refresh\": \"" + otherRefresh + "\"}", 200);
            session.send(RawHttp.request("POST", "/api/token/blacklist/all/").header("Authorization", "Bearer " + newAccess), 200);

            // A server error: the blacklist table disappears under the server's feet.
            Map<?, ?> last = session.json("POST", "/api/token/", AttackTable.credentials("alice", password), 200);
            String lastRefresh = remember(last.get("refresh"));
            remember(last.get("access"));
            secrets.add(storedHash(dir));
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("db.sqlite3"))) {
                db.createStatement().execute("DROP TABLE token_blacklist_blacklistedtoken");
            }
            Map<?, ?> error = session.json("POST", "/api/token/blacklist/", "{\"refresh\": \"" + lastRefresh + "\"}", 500);
            assertEquals(Map.of("detail", "A server error occurred."), error);
        } finally {
            log = java.nio.file.Files.readString(dir.resolve("server.log"));
        }

        assertTrue(log.contains("\"POST /api/token/\" 200") && log.contains("\"POST /api/token/\" 429")
                && log.contains("Unhandled error on POST /api/token/blacklist/"), "the log was captured:\n" + log);
        for (String secret : secrets) {
            if (log.contains(secret)) {
                fail("the log holds a secret (" + secret.length() + " characters, starting " + secret.substring(0, 6) + "):\n" + log);
            }
        }
        System.out.println("LogSecretsTest: " + secrets.size() + " secrets, none in " + log.lines().count() + " log lines");
    }

    /** A token is a secret whole, and so is its signature alone. */
    private String remember(Object token) {
        String text = (String) token;
        secrets.add(text);
        secrets.add(text.substring(text.lastIndexOf('.') + 1));
        return text;
    }

    private static String storedHash(Path dir) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("db.sqlite3"));
             ResultSet row = db.createStatement().executeQuery("SELECT password FROM auth_user WHERE username = 'alice'")) {
            row.next();
            String hash = row.getString(1);
            return hash.substring(hash.lastIndexOf('$') + 1);
        }
    }

    /** Requests to the child server, each checked for its status. */
    record Session(int port) {
        Map<?, ?> json(String method, String path, String body, int status) {
            return send(RawHttp.request(method, path).header("Content-Type", "application/json").body(body), status);
        }

        Map<?, ?> send(RawHttp request, int status) {
            RawHttp.Response response = request.send(port);
            assertEquals(status, response.status(), response.body());
            return (Map<?, ?>) StrictJson.parse(response.body());
        }
    }
}
