package tutorial.jwt.claims;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tutorial.jwt.foundation.settings.SettingsException;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.install.TestServer;
import tutorial.jwt.install.TestTokens;

/** Custom claims in every token, kept through refresh and rotation; reserved names refused. */
class ClaimsTest {

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

    void hasAlicesClaims(String token) {
        Map<String, Object> claims = TestTokens.payload(token);
        assertEquals(alice.id(), claims.get("user_id"), token);
        assertEquals("alice", claims.get("username"));
        assertEquals("alice@example.com", claims.get("email"));
        assertEquals(false, claims.get("is_staff"));
    }

    @Test
    void both_tokens_of_a_pair_carry_the_custom_claims() {
        var pair = server.login("alice");
        hasAlicesClaims(pair.getString("access"));
        hasAlicesClaims(pair.getString("refresh"));
        assertEquals(List.of("token_type", "exp", "iat", "jti", "user_id", "username", "email", "is_staff"),
                List.copyOf(TestTokens.payload(pair.getString("access")).keySet()));
    }

    @Test
    void the_claims_survive_refresh_and_rotation() {
        var rotated = server.json(Map.of("refresh", server.login("alice").getString("refresh")))
                .post("/api/token/refresh/").then().statusCode(200).extract().jsonPath();
        hasAlicesClaims(rotated.getString("access"));
        hasAlicesClaims(rotated.getString("refresh"));
    }

    @Test
    void a_sliding_token_carries_them_too() {
        String sliding = server.json(Map.of("username", "alice", "password", TestServer.PASSWORD))
                .post("/api/token/sliding/").then().statusCode(200).extract().path("token");
        hasAlicesClaims(sliding);
    }

    @Test
    void a_setting_that_makes_a_custom_claim_collide_stops_the_server_at_startup() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> TestServer.start(new Main(), Map.of("JWT_USER_ID_CLAIM", "username")));
        assertTrue(e.getMessage().startsWith("The custom claim 'username' would overwrite a reserved claim."),
                e.getMessage());
    }

    @Test
    void every_reserved_name_is_refused() {
        ClaimsTokenFactory factory = new ClaimsTokenFactory(server.services.jwt(), server.clock);
        for (String name : List.of("token_type", "exp", "iat", "nbf", "jti", "user_id", "aud", "iss", "refresh_exp")) {
            assertThrows(SettingsException.class, () -> factory.refuseReservedNames(java.util.Set.of(name)), name);
        }
    }

    @Test
    void the_api_root_lists_me() {
        server.request().get("/api/").then().body("me", equalTo("/api/me/"));
    }
}
