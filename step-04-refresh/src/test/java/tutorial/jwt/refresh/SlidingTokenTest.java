package tutorial.jwt.refresh;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Sliding tokens: obtain, slide, and the two limits (exp and refresh_exp). */
class SlidingTokenTest {

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

    String obtain() {
        return server.json(Map.of("username", "alice", "password", TestServer.PASSWORD)).post("/api/token/sliding/")
                .then().statusCode(200).body("$", aMapWithSize(1)).extract().path("token");
    }

    ValidatableResponse slide(String token) {
        return server.json(Map.of("token", token)).post("/api/token/sliding/refresh/").then();
    }

    @Test
    void a_sliding_token_carries_exp_and_refresh_exp() {
        Map<String, Object> claims = TestTokens.payload(obtain());
        long now = server.clock.instant().getEpochSecond();
        assertEquals("sliding", claims.get("token_type"));
        assertEquals(now + 300, claims.get("exp"));
        assertEquals(now + 86_400, claims.get("refresh_exp"));
        assertEquals(alice.id(), claims.get("user_id"));
    }

    @Test
    void with_simple_jwt_s_default_classes_a_sliding_token_opens_no_protected_view() {
        server.request().header("Authorization", "Bearer " + obtain()).get("/api/protected/")
                .then().statusCode(401).body("detail", equalTo("Given token not valid for any token type"))
                .body("messages", equalTo(List.of(
                        Map.of("token_class", "AccessToken", "token_type", "access", "message", "Token has wrong type"))));
    }

    @Test
    void named_in_auth_token_classes_a_sliding_token_opens_protected_views_and_both_classes_give_reasons() {
        try (TestServer both = TestServer.start(new Main(), Map.of("JWT_AUTH_TOKEN_CLASSES", "AccessToken,SlidingToken"))) {
            both.createUser("bob");
            String sliding = both.json(Map.of("username", "bob", "password", TestServer.PASSWORD))
                    .post("/api/token/sliding/").then().statusCode(200).extract().path("token");
            both.request().header("Authorization", "Bearer " + sliding).get("/api/protected/")
                    .then().statusCode(200).body("message", equalTo("Hello, bob! You are authenticated."));
            both.clock.advance(Duration.ofMinutes(5));
            both.request().header("Authorization", "Bearer " + sliding).get("/api/protected/")
                    .then().statusCode(401).body("messages", equalTo(List.of(
                            Map.of("token_class", "AccessToken", "token_type", "access", "message", "Token is expired"),
                            Map.of("token_class", "SlidingToken", "token_type", "sliding", "message", "Token is expired"))));
        }
    }

    @Test
    void sliding_gives_the_same_token_a_new_exp_and_iat() {
        String token = obtain();
        Map<String, Object> before = TestTokens.payload(token);
        server.clock.advance(Duration.ofMinutes(4));
        Map<String, Object> after = TestTokens.payload(slide(token).statusCode(200).body("$", aMapWithSize(1))
                .extract().path("token"));
        long now = server.clock.instant().getEpochSecond();
        assertEquals(now + 300, after.get("exp"));
        assertEquals(now, after.get("iat"));
        assertEquals(before.get("jti"), after.get("jti"));
        assertEquals(before.get("refresh_exp"), after.get("refresh_exp"));
    }

    @Test
    void an_expired_sliding_token_cannot_slide() {
        String token = obtain();
        server.clock.advance(Duration.ofMinutes(5));
        slide(token).statusCode(401).body("detail", equalTo("Token is expired"));
    }

    @Test
    void past_refresh_exp_a_sliding_token_slides_no_more() {
        long now = server.clock.instant().getEpochSecond();
        Map<String, Object> claims = TestTokens.claims("sliding", alice.id(), now - 100, now + 200);
        claims.put("refresh_exp", now);
        slide(TestTokens.hs256(claims)).statusCode(401)
                .body("detail", equalTo("Token 'refresh_exp' claim has expired")).body("code", equalTo("token_not_valid"));
        claims.remove("refresh_exp");
        slide(TestTokens.hs256(claims)).statusCode(401).body("detail", equalTo("Token has no 'refresh_exp' claim"));
    }

    @Test
    void the_other_token_types_are_refused_at_the_sliding_endpoint_and_vice_versa() {
        var pair = server.login("alice");
        slide(pair.getString("access")).statusCode(401).body("detail", equalTo("Token has wrong type"));
        slide(pair.getString("refresh")).statusCode(401).body("detail", equalTo("Token has wrong type"));
        server.json(Map.of("refresh", obtain())).post("/api/token/refresh/").then().statusCode(401)
                .body("detail", equalTo("Token has wrong type"));
    }

    @Test
    void wrong_credentials_and_missing_fields_get_the_usual_answers() {
        server.json(Map.of("username", "alice", "password", "nope")).post("/api/token/sliding/").then().statusCode(401)
                .body("detail", equalTo("No active account found with the given credentials"));
        server.json("{}").post("/api/token/sliding/refresh/").then().statusCode(400)
                .body("token", equalTo(List.of("This field is required.")));
    }

    @Test
    void a_refresh_exp_that_is_not_a_time_is_invalid_not_a_server_error() {
        long now = server.clock.instant().getEpochSecond();
        Map<String, Object> claims = TestTokens.claims("sliding", alice.id(), now, now + 200);
        for (Object refreshExp : new Object[] {Long.MAX_VALUE, Long.MIN_VALUE, 253_402_300_800L, "tomorrow", 1.5}) {
            claims.put("refresh_exp", refreshExp);
            slide(TestTokens.hs256(claims)).statusCode(401)
                    .body("detail", equalTo("Token is invalid")).body("code", equalTo("token_not_valid"));
        }
    }

    @Test
    void the_sliding_login_is_throttled_with_the_pair_login_through_the_one_authenticator() {
        try (TestServer throttled = TestServer.start(new Main(), Map.of("LOGIN_THROTTLE", "on",
                "LOGIN_THROTTLE_USERNAME_RATE", "2/min"))) {
            throttled.createUser("bob");
            throttled.json(Map.of("username", "bob", "password", "wrong")).post("/api/token/").then().statusCode(401);
            throttled.json(Map.of("username", "bob", "password", "wrong")).post("/api/token/sliding/").then().statusCode(401);
            for (String path : new String[] {"/api/token/sliding/", "/api/token/"}) {
                throttled.json(Map.of("username", "bob", "password", TestServer.PASSWORD)).post(path).then()
                        .statusCode(429).header("Retry-After", "30")
                        .body("detail", equalTo("Request was throttled. Expected available in 30 seconds."));
            }
        }
    }
}
