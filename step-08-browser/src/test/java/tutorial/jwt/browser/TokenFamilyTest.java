package tutorial.jwt.browser;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tutorial.jwt.blacklist.RefreshRace;
import tutorial.jwt.foundation.json.StrictJson;
import tutorial.jwt.foundation.settings.Settings;
import tutorial.jwt.install.CliRunner;
import tutorial.jwt.install.TestDatabase;
import tutorial.jwt.install.TestServer;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenFactory;

/**
 * Reuse detection: a rotated refresh token presented again revokes every token of its family, the
 * thief's successor and the user's alike, and leaves other logins alone. Races included.
 */
class TokenFamilyTest {

    static final Map<String, String> HS256 = Map.of("JWT_ALGORITHM", "HS256");
    static final int RACERS = 20;

    TestServer start() {
        return TestServer.start(new Main(), HS256);
    }

    static int refresh(TestServer server, String refresh) {
        return server.json(Map.of("refresh", refresh)).post("/api/token/refresh/").statusCode();
    }

    @Test
    void a_rotated_refresh_token_presented_again_revokes_its_whole_family_and_nothing_else() {
        try (TestServer server = start()) {
            server.createUser("alice");
            String stolen = server.login("alice").getString("refresh");
            String otherDevice = server.login("alice").getString("refresh");

            String thiefs = server.json(Map.of("refresh", stolen)).post("/api/token/refresh/").then().statusCode(200)
                    .extract().path("refresh"); // the thief refreshes first
            server.json(Map.of("refresh", stolen)).post("/api/token/refresh/").then() // the user, with the copy
                    .statusCode(401).body("detail", equalTo("Token is blacklisted"));

            assertEquals(401, refresh(server, thiefs), "the thief's successor is revoked with its family");
            assertEquals(200, refresh(server, otherDevice), "another login of the same user is another family");
            assertEquals(server.count("SELECT COUNT(*) FROM token_blacklist_outstandingtoken"),
                    server.count("SELECT COUNT(*) FROM token_family_member"), "every recorded refresh token has its family");
        }
    }

    @Test
    void a_logged_out_token_presented_again_revokes_its_family_too() {
        try (TestServer server = start()) {
            server.createUser("alice");
            String first = server.login("alice").getString("refresh");
            String second = server.json(Map.of("refresh", first)).post("/api/token/refresh/").then().extract().path("refresh");
            server.json(Map.of("refresh", second)).post("/api/token/blacklist/").then().statusCode(200);
            server.json(Map.of("refresh", first)).post("/api/token/blacklist/").then().statusCode(401)
                    .body("detail", equalTo("Token is blacklisted"));
        }
    }

    @Test
    void a_logout_that_loses_to_a_rotation_of_its_token_revokes_the_family() {
        try (TestServer server = start()) {
            server.createUser("alice");
            String first = server.login("alice").getString("refresh");
            // What logout does once its check has passed, after a concurrent refresh of the same token committed:
            Token checked = server.services.codec().verify(first, TokenFactory.REFRESH);
            String rotated = server.json(Map.of("refresh", first)).post("/api/token/refresh/").then().statusCode(200)
                    .extract().path("refresh");
            FamilyBlacklist families = new FamilyBlacklist(server.services.site().database(), server.clock,
                    server.services.jwt(), server.services.codec());
            assertFalse(families.blacklist(checked), "the rotation blacklisted it first");
            assertEquals(401, refresh(server, rotated), "the rotation's token is revoked with its family");
        }
    }

    @Test
    void the_server_says_so_when_rotation_settings_turn_reuse_detection_off(@TempDir Path dir) throws Exception {
        assertEquals(List.of(), linesLoggedAtStart(dir.resolve("default"), Map.of()));
        List<String> lines = linesLoggedAtStart(dir.resolve("off"), Map.of("JWT_BLACKLIST_AFTER_ROTATION", "false"));
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("Reuse detection is off"), lines.get(0));
    }

    static List<String> linesLoggedAtStart(Path dir, Map<String, String> more) throws Exception {
        Files.createDirectories(dir);
        Map<String, String> environment = new HashMap<>(Map.of("DATABASE_URL", TestDatabase.fresh(dir),
                "JWT_ALGORITHM", "HS256", "JWT_SIGNING_KEY", TestServer.SIGNING_KEY));
        environment.putAll(more);
        List<String> lines = new ArrayList<>();
        Main step8 = new Main();
        step8.open(new Settings(environment, step8.settings()), dir, Clock.systemUTC(), lines::add).close();
        return lines;
    }

    @Test
    void flushing_expired_tokens_takes_their_family_rows_with_them_whoever_deletes(@TempDir Path dir) {
        try (TestServer server = start()) {
            server.createUser("alice");
            server.login("alice"); // issued at the test clock's 2026-01-01: expired by now
            server.clock.set(Instant.now());
            String current = server.login("alice").getString("refresh");
            CliRunner cli = new CliRunner(new Main(), dir).env("JWT_ALGORITHM", "HS256")
                    .env("DATABASE_URL", server.databaseUrl());
            assertEquals(0, cli.run("", "flushexpiredtokens"), cli.err);
            assertEquals(1, server.count("SELECT COUNT(*) FROM token_family_member"), "the expired token's row went with it");
            assertEquals(200, refresh(server, current), "the current login is untouched");

            // Django's flushexpiredtokens, in the SQL its ORM sends: the blacklist entries, then the tokens.
            server.sql("DELETE FROM token_blacklist_blacklistedtoken");
            server.sql("DELETE FROM token_blacklist_outstandingtoken");
            assertEquals(0, server.count("SELECT COUNT(*) FROM token_family_member"));
        }
    }

    /** {@link #RACERS} refreshes of one token, released at once: their statuses, then the winner's successor's. */
    static List<Integer> race(TestServer server, String refresh) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        String winner = null;
        for (HttpResponse<String> response : RefreshRace.run(refresh, RACERS, server.port())) {
            statuses.add(response.statusCode());
            if (response.statusCode() == 200) {
                winner = response.body();
            }
        }
        if (winner != null) {
            String winnersRefresh = (String) ((Map<?, ?>) StrictJson.parse(winner)).get("refresh");
            statuses.add(refresh(server, winnersRefresh)); // last: the winner's successor, after the race
        }
        return statuses;
    }

    @RepeatedTest(3)
    void of_twenty_concurrent_refreshes_exactly_one_wins_and_the_losers_revoke_the_winners_successor() throws Exception {
        try (TestServer server = start()) {
            server.createUser("alice");
            List<Integer> statuses = race(server, server.login("alice").getString("refresh"));
            List<Integer> racers = statuses.subList(0, RACERS);
            assertEquals(1, racers.stream().filter(s -> s == 200).count(), "exactly one refresh wins: " + racers);
            assertEquals(RACERS - 1, racers.stream().filter(s -> s == 401).count(), "every other one is refused: " + racers);
            assertEquals(401, statuses.get(RACERS), "a reuse cannot tell a race from a thief: the family is revoked");
        }
    }
}
