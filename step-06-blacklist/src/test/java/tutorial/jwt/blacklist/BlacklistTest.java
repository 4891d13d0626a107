package tutorial.jwt.blacklist;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.ValidatableResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.install.CliRunner;
import tutorial.jwt.install.TestServer;
import tutorial.jwt.install.TestTokens;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenCodec;
import tutorial.jwt.install.tokens.TokenFactory;

/** The blacklist rows of CONTRACT.md: logout, rotation, verify, logout everywhere, flushing. */
class BlacklistTest {

    TestServer server;
    User alice;

    @BeforeEach
    void start() {
        server = TestServer.start(new Main());
        alice = server.createUser("alice");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ValidatableResponse post(String path, String field, String token) {
        return server.json(Map.of(field, token)).post(path).then();
    }

    void blacklisted(ValidatableResponse response) {
        response.statusCode(401).header("WWW-Authenticate", "Bearer realm=\"api\"")
                .body("detail", equalTo("Token is blacklisted")).body("code", equalTo("token_not_valid"));
    }

    long count(String sql, Object... parameters) {
        return server.services.site().database().withConnection(c -> {
            try (var query = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    query.setObject(i + 1, parameters[i]);
                }
                try (var row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /** A datetime as the server's database stores Django's: text on SQLite, a timestamp on PostgreSQL. */
    Object datetime(String instant) {
        return server.services.site().database().dialect().datetime(Instant.parse(instant));
    }

    @Test
    void login_records_the_refresh_token_as_outstanding() {
        String refresh = server.login("alice").getString("refresh");
        String jti = (String) TestTokens.payload(refresh).get("jti");
        assertEquals(1, count("SELECT COUNT(*) FROM token_blacklist_outstandingtoken WHERE jti = '" + jti
                + "' AND user_id = " + alice.id() + " AND expires_at = ? AND created_at = ? AND token = '" + refresh + "'",
                datetime("2026-01-16T12:00:00Z"), datetime("2026-01-01T12:00:00Z")));
    }

    @Test
    void logout_blacklists_the_refresh_token_for_every_endpoint() {
        String refresh = server.login("alice").getString("refresh");
        post("/api/token/blacklist/", "refresh", refresh).statusCode(200).body("$", aMapWithSize(0));
        blacklisted(post("/api/token/refresh/", "refresh", refresh));
        blacklisted(post("/api/token/blacklist/", "refresh", refresh));
        post("/api/token/verify/", "token", refresh).statusCode(400)
                .body("non_field_errors", equalTo(List.of("Token is blacklisted"))).body("$", aMapWithSize(1));
    }

    @Test
    void the_access_token_of_a_logged_out_session_lives_on_until_it_expires() {
        var pair = server.login("alice");
        post("/api/token/blacklist/", "refresh", pair.getString("refresh")).statusCode(200);
        server.request().header("Authorization", "Bearer " + pair.getString("access")).get("/api/protected/")
                .then().statusCode(200);
        post("/api/token/verify/", "token", pair.getString("access")).statusCode(200);
    }

    @Test
    void the_blacklist_endpoint_refuses_what_is_not_a_good_refresh_token() {
        var pair = server.login("alice");
        post("/api/token/blacklist/", "refresh", pair.getString("access")).statusCode(401)
                .body("detail", equalTo("Token has wrong type"));
        post("/api/token/blacklist/", "refresh", "not-a-token").statusCode(401).body("detail", equalTo("Token is invalid"));
        server.json("{}").post("/api/token/blacklist/").then().statusCode(400)
                .body("refresh", equalTo(List.of("This field is required.")));
        server.clock.advance(Duration.ofDays(15));
        post("/api/token/blacklist/", "refresh", pair.getString("refresh")).statusCode(401)
                .body("detail", equalTo("Token is expired"));
    }

    @Test
    void a_rotated_refresh_token_cannot_be_used_again_but_its_successor_can() {
        String first = server.login("alice").getString("refresh");
        String second = post("/api/token/refresh/", "refresh", first).statusCode(200).extract().path("refresh");
        blacklisted(post("/api/token/refresh/", "refresh", first));
        String third = post("/api/token/refresh/", "refresh", second).statusCode(200).extract().path("refresh");
        assertEquals(1, count("SELECT COUNT(*) FROM token_blacklist_outstandingtoken WHERE jti = '"
                + TestTokens.payload(third).get("jti") + "' AND user_id = " + alice.id()), "successors are recorded");
    }

    @Test
    void a_token_that_was_never_recorded_can_still_be_blacklisted() {
        long now = server.clock.instant().getEpochSecond();
        String foreign = TestTokens.hs256(TestTokens.claims("refresh", alice.id(), now, now + 3600));
        post("/api/token/blacklist/", "refresh", foreign).statusCode(200);
        blacklisted(post("/api/token/refresh/", "refresh", foreign));
    }

    @Test
    void a_token_that_was_never_recorded_is_rotated_once_and_recorded_with_its_successor() {
        long now = server.clock.instant().getEpochSecond();
        String foreign = TestTokens.hs256(TestTokens.claims("refresh", alice.id(), now, now + 3600));
        String next = post("/api/token/refresh/", "refresh", foreign).statusCode(200).extract().path("refresh");
        blacklisted(post("/api/token/refresh/", "refresh", foreign));
        assertEquals(1, count("SELECT COUNT(*) FROM token_blacklist_outstandingtoken o JOIN token_blacklist_blacklistedtoken b"
                + " ON b.token_id = o.id WHERE o.jti = '" + TestTokens.payload(foreign).get("jti") + "'"), "the old one, blacklisted");
        assertEquals(1, count("SELECT COUNT(*) FROM token_blacklist_outstandingtoken WHERE jti = '"
                + TestTokens.payload(next).get("jti") + "'"), "its successor, recorded");
    }

    @Test
    void a_refused_replay_writes_no_successor() {
        String first = server.login("alice").getString("refresh");
        post("/api/token/refresh/", "refresh", first).statusCode(200);
        long recorded = count("SELECT COUNT(*) FROM token_blacklist_outstandingtoken");
        blacklisted(post("/api/token/refresh/", "refresh", first));
        assertEquals(recorded, count("SELECT COUNT(*) FROM token_blacklist_outstandingtoken"));
    }

    @Test
    void the_rotation_that_loses_the_race_records_no_successor() {
        TokenBlacklist blacklist = Main.blacklist(server.services);
        TokenFactory tokens = new TokenFactory(server.services.jwt(), server.clock);
        TokenCodec codec = server.services.codec();
        Token old = tokens.newToken(TokenFactory.REFRESH, Duration.ofDays(1), Map.of("user_id", alice.id()));
        Token winner = tokens.newToken(TokenFactory.REFRESH, Duration.ofDays(1), Map.of("user_id", alice.id()));
        Token loser = tokens.newToken(TokenFactory.REFRESH, Duration.ofDays(1), Map.of("user_id", alice.id()));
        blacklist.recordOutstanding(old, codec.encode(old));

        assertTrue(blacklist.rotate(old, winner, codec.encode(winner)));
        assertFalse(blacklist.rotate(old, loser, codec.encode(loser)), "old was blacklisted by the winner");
        assertEquals(1, count("SELECT COUNT(*) FROM token_blacklist_outstandingtoken WHERE jti = ?", winner.claim("jti")));
        assertEquals(0, count("SELECT COUNT(*) FROM token_blacklist_outstandingtoken WHERE jti = ?", loser.claim("jti")));
    }

    @Test
    void logout_everywhere_blacklists_every_refresh_token_of_the_caller_only() {
        String laptop = server.login("alice").getString("refresh");
        String phone = server.login("alice").getString("refresh");
        server.createUser("bob");
        String bobs = server.login("bob").getString("refresh");
        String access = server.login("alice").getString("access");

        server.request().header("Authorization", "Bearer " + access).post("/api/token/blacklist/all/")
                .then().statusCode(200).body("blacklisted", equalTo(3));
        blacklisted(post("/api/token/refresh/", "refresh", laptop));
        blacklisted(post("/api/token/refresh/", "refresh", phone));
        post("/api/token/refresh/", "refresh", bobs).statusCode(200);
        server.request().header("Authorization", "Bearer " + access).post("/api/token/blacklist/all/")
                .then().statusCode(200).body("blacklisted", equalTo(0));
        server.request().post("/api/token/blacklist/all/").then().statusCode(401);
    }

    @Test
    void changepassword_logs_the_user_out_everywhere(@TempDir Path dir) {
        String refresh = server.login("alice").getString("refresh");
        CliRunner cli = new CliRunner(new Main(), dir).env("DATABASE_URL", server.services.site().server().databaseUrl());
        assertEquals(0, cli.run("n3w pass\nn3w pass\n", "changepassword", "alice"), cli.err);
        assertTrue(cli.out.endsWith("Blacklisted 1 refresh token of 'alice': logged out everywhere.\n"), cli.out);
        blacklisted(post("/api/token/refresh/", "refresh", refresh));
    }

    @Test
    void flushexpiredtokens_deletes_expired_tokens_and_their_blacklist_entries(@TempDir Path dir) {
        String expiredOne = server.login("alice").getString("refresh"); // issued 2026-01-01, expired by now
        server.login("alice");
        post("/api/token/blacklist/", "refresh", expiredOne).statusCode(200);
        server.clock.set(Instant.now());
        String current = server.login("alice").getString("refresh");

        CliRunner cli = new CliRunner(new Main(), dir).env("DATABASE_URL", server.services.site().server().databaseUrl());
        assertEquals(0, cli.run("", "flushexpiredtokens"), cli.err);
        assertEquals("Deleted 2 expired outstanding tokens and 1 blacklist entry.\n", cli.out);
        assertEquals(1, count("SELECT COUNT(*) FROM token_blacklist_outstandingtoken"));
        post("/api/token/refresh/", "refresh", current).statusCode(200);
    }

    @Test
    void the_api_root_lists_logout() {
        server.request().get("/api/").then()
                .body("token_blacklist", equalTo("/api/token/blacklist/"))
                .body("token_blacklist_all", equalTo("/api/token/blacklist/all/"));
    }
}
