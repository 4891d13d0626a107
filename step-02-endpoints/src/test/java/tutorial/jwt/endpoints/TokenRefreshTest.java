package tutorial.jwt.endpoints;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.install.TestServer;
import tutorial.jwt.install.TestTokens;

/** POST /api/token/refresh/, row by row of CONTRACT.md. */
class TokenRefreshTest {

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

    io.restassured.response.ValidatableResponse refresh(String token) {
        return server.json(Map.of("refresh", token)).post("/api/token/refresh/").then();
    }

    void refusedWith(String token, String message) {
        refresh(token).statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"api\"")
                .body("detail", equalTo(message))
                .body("code", equalTo("token_not_valid"))
                .body("$", aMapWithSize(2));
    }

    @Test
    void a_refresh_token_gets_a_new_access_token_and_nothing_else() {
        String refresh = server.login("alice").getString("refresh");
        server.clock.advance(Duration.ofSeconds(90));
        String access = refresh(refresh).statusCode(200).body("$", aMapWithSize(1)).extract().path("access");

        Map<String, Object> refreshClaims = TestTokens.payload(refresh);
        Map<String, Object> accessClaims = TestTokens.payload(access);
        long now = server.clock.instant().getEpochSecond();
        assertEquals("access", accessClaims.get("token_type"));
        assertEquals(now, accessClaims.get("iat"), "a fresh iat");
        assertEquals(now + 300, accessClaims.get("exp"), "a fresh exp");
        assertNotEquals(refreshClaims.get("jti"), accessClaims.get("jti"), "a fresh jti");
        assertEquals(alice.id(), accessClaims.get("user_id"));
    }

    @Test
    void the_access_token_copies_every_other_claim_of_the_refresh_token() {
        Map<String, Object> claims = TestTokens.claims("refresh", alice.id(), server.clock.instant().getEpochSecond(),
                server.clock.instant().getEpochSecond() + 60);
        claims.put("favourite_colour", "teal");
        String access = refresh(TestTokens.hs256(claims)).statusCode(200).extract().path("access");
        assertEquals("teal", TestTokens.payload(access).get("favourite_colour"));
    }

    @Test
    void a_user_id_written_as_a_string_is_accepted() {
        long now = server.clock.instant().getEpochSecond();
        refresh(TestTokens.hs256(TestTokens.claims("refresh", String.valueOf(alice.id()), now, now + 60)))
                .statusCode(200).body("access", startsWith("eyJ"));
    }

    @Test
    void an_access_token_has_the_wrong_type() {
        refusedWith(server.login("alice").getString("access"), "Token has wrong type");
    }

    @Test
    void an_expired_refresh_token_is_refused_from_the_second_it_expires() {
        String refresh = server.login("alice").getString("refresh");
        server.clock.advance(Duration.ofDays(1).minusSeconds(1));
        refresh(refresh).statusCode(200);
        server.clock.advance(Duration.ofSeconds(1));
        refusedWith(refresh, "Token is expired");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"token_type\":\"refresh\",\"iat\":1767268800,\"jti\":\"a\",\"user_id\":1}   | Token has no 'exp' claim",
            "{\"token_type\":\"refresh\",\"exp\":4102444800,\"user_id\":1}                 | Token has no id",
            "{\"exp\":4102444800,\"jti\":\"a\",\"user_id\":1}                              | Token has no type",
            "{\"token_type\":\"sliding\",\"exp\":4102444800,\"jti\":\"a\",\"user_id\":1}   | Token has wrong type"})
    void a_token_missing_a_claim_says_which(String payload, String message) {
        refusedWith(TestTokens.hs256(payload), message);
    }

    @Test
    void a_deactivated_user_s_refresh_token_gets_no_access_token() {
        String refresh = server.login("alice").getString("refresh");
        server.sql("UPDATE auth_user SET is_active = false WHERE id = ?", alice.id());
        refresh(refresh).statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"api\"")
                .body("detail", equalTo("No active account found for the given token.")).body("$", aMapWithSize(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"token_type\":\"refresh\",\"exp\":4102444800,\"jti\":\"a\"}",
            "{\"token_type\":\"refresh\",\"exp\":4102444800,\"jti\":\"a\",\"user_id\":null}",
            "{\"token_type\":\"refresh\",\"exp\":4102444800,\"jti\":\"a\",\"user_id\":\"\"}"})
    void a_refresh_token_that_names_no_user_gets_no_access_token(String payload) {
        refusedWith(TestTokens.hs256(payload), "Token contained no recognizable user identification");
    }

    @Test
    void a_deleted_user_s_refresh_token_gets_401_not_500() {
        String refresh = server.login("alice").getString("refresh");
        server.sql("DELETE FROM auth_user WHERE id = ?", alice.id());
        refresh(refresh).statusCode(401).body("detail", equalTo("No active account found for the given token."));
    }

    @Test
    void an_inactive_user_is_let_through_when_check_user_is_active_is_off() {
        try (TestServer lenient = TestServer.start(new Main(), Map.of("JWT_CHECK_USER_IS_ACTIVE", "false"))) {
            User bob = lenient.createUser("bob");
            String refresh = lenient.login("bob").getString("refresh");
            lenient.sql("UPDATE auth_user SET is_active = false WHERE id = ?", bob.id());
            lenient.json(Map.of("refresh", refresh)).post("/api/token/refresh/").then().statusCode(200);
        }
    }

    @Test
    void the_field_is_required() {
        server.json("{}").post("/api/token/refresh/").then().statusCode(400)
                .body("refresh", equalTo(List.of("This field is required."))).body("$", aMapWithSize(1));
        server.json("{\"refresh\": null}").post("/api/token/refresh/").then().statusCode(400)
                .body("refresh", equalTo(List.of("This field may not be null.")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/token/refresh/", "/api/token/refresh"})
    void both_spellings_of_the_path_work(String path) {
        String refresh = server.login("alice").getString("refresh");
        server.json(Map.of("refresh", refresh)).post(path).then().statusCode(200);
        server.request().get(path).then().statusCode(405).body("detail", equalTo("Method \"GET\" not allowed."));
    }
}
