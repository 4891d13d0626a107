package tutorial.jwt.refresh;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.install.TestServer;
import tutorial.jwt.install.TestTokens;

/** Step 4's lifecycle: the tutorial's lifetimes, rotation, and expiry at the second, with leeway. */
class RotationAndExpiryTest {

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

    ValidatableResponse refresh(String token) {
        return server.json(Map.of("refresh", token)).post("/api/token/refresh/").then();
    }

    ValidatableResponse protectedView(String access) {
        return server.request().header("Authorization", "Bearer " + access).get("/api/protected/").then();
    }

    @Test
    void refresh_tokens_live_fifteen_days_and_access_tokens_five_minutes() {
        var pair = server.login("alice");
        long now = server.clock.instant().getEpochSecond();
        assertEquals(now + 15 * 86_400, TestTokens.payload(pair.getString("refresh")).get("exp"));
        assertEquals(now + 300, TestTokens.payload(pair.getString("access")).get("exp"));
    }

    @Test
    void the_environment_still_overrides_the_step_s_lifetimes() {
        try (TestServer custom = TestServer.start(new Main(), Map.of("JWT_REFRESH_TOKEN_LIFETIME", "P7D",
                "JWT_ACCESS_TOKEN_LIFETIME", "PT15M"))) {
            custom.createUser("bob");
            var pair = custom.login("bob");
            long now = custom.clock.instant().getEpochSecond();
            assertEquals(now + 7 * 86_400, TestTokens.payload(pair.getString("refresh")).get("exp"));
            assertEquals(now + 900, TestTokens.payload(pair.getString("access")).get("exp"));
        }
    }

    @Test
    void a_refresh_rotates_the_refresh_token_keeping_its_claims() {
        long issued = server.clock.instant().getEpochSecond();
        Map<String, Object> claims = TestTokens.claims("refresh", alice.id(), issued, issued + 3600);
        claims.put("team", "blue");
        String old = TestTokens.hs256(claims);
        server.clock.advance(Duration.ofMinutes(10));

        var body = refresh(old).statusCode(200).body("$", aMapWithSize(2)).extract().jsonPath();
        Map<String, Object> rotated = TestTokens.payload(body.getString("refresh"));
        long now = server.clock.instant().getEpochSecond();
        assertEquals("refresh", rotated.get("token_type"));
        assertEquals(now, rotated.get("iat"), "a new iat");
        assertEquals(now + 15 * 86_400, rotated.get("exp"), "a new exp, a full lifetime from now");
        assertNotEquals(claims.get("jti"), rotated.get("jti"), "a new jti");
        assertEquals(alice.id(), rotated.get("user_id"));
        assertEquals("blue", rotated.get("team"));
        assertEquals("blue", TestTokens.payload(body.getString("access")).get("team"));
        refresh(body.getString("refresh")).statusCode(200);
    }

    @Test
    void without_a_blacklist_the_old_refresh_token_still_works_after_rotation() {
        String old = server.login("alice").getString("refresh");
        refresh(old).statusCode(200);
        refresh(old).statusCode(200); // step 6 closes this
    }

    @Test
    void rotation_can_be_switched_off() {
        try (TestServer plain = TestServer.start(new Main(), Map.of("JWT_ROTATE_REFRESH_TOKENS", "false"))) {
            plain.createUser("bob");
            plain.json(Map.of("refresh", plain.login("bob").getString("refresh"))).post("/api/token/refresh/")
                    .then().statusCode(200).body("$", aMapWithSize(1));
        }
    }

    @Test
    void an_access_token_works_until_its_last_second_and_not_at_exp() {
        String access = server.login("alice").getString("access");
        server.clock.advance(Duration.ofSeconds(299));
        protectedView(access).statusCode(200);
        server.clock.advance(Duration.ofSeconds(1));
        protectedView(access).statusCode(401)
                .body("detail", equalTo("Given token not valid for any token type"))
                .body("messages", equalTo(List.of(
                        Map.of("token_class", "AccessToken", "token_type", "access", "message", "Token is expired"))));
    }

    @Test
    void leeway_accepts_an_access_token_that_long_after_exp() {
        try (TestServer lenient = TestServer.start(new Main(), Map.of("JWT_LEEWAY", "PT10S"))) {
            lenient.createUser("bob");
            String access = lenient.login("bob").getString("access");
            lenient.clock.advance(Duration.ofSeconds(309));
            lenient.request().header("Authorization", "Bearer " + access).get("/api/protected/").then().statusCode(200);
            lenient.clock.advance(Duration.ofSeconds(1));
            lenient.request().header("Authorization", "Bearer " + access).get("/api/protected/").then().statusCode(401);
        }
    }

    @Test
    void an_expired_refresh_token_says_so_and_gets_nothing() {
        String old = server.login("alice").getString("refresh");
        server.clock.advance(Duration.ofDays(15));
        refresh(old).statusCode(401).body("detail", equalTo("Token is expired")).body("code", equalTo("token_not_valid"));
    }

    @Test
    void refreshing_continues_a_session_across_the_access_token_s_expiry() {
        var pair = server.login("alice");
        server.clock.advance(Duration.ofMinutes(6));
        protectedView(pair.getString("access")).statusCode(401);
        String fresh = refresh(pair.getString("refresh")).statusCode(200).extract().path("access");
        protectedView(fresh).statusCode(200).body("message", equalTo("Hello, alice! You are authenticated."));
    }
}
