package tutorial.jwt.claims;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.install.TestServer;

/** GET /api/me/: the user from the token's claims, with no database query, and what that costs. */
class StatelessUserTest {

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

    io.restassured.response.ValidatableResponse get(String path, String access) {
        return server.request().header("Authorization", "Bearer " + access).get(path).then();
    }

    @Test
    void me_answers_from_the_claims() {
        get("/api/me/", server.login("alice").getString("access")).statusCode(200)
                .body("user_id", equalTo((int) alice.id()))
                .body("username", equalTo("alice"))
                .body("email", equalTo("alice@example.com"))
                .body("is_staff", equalTo(false));
    }

    @Test
    void me_opens_no_database_connection_while_the_db_backed_view_opens_one() {
        String access = server.login("alice").getString("access");
        long before = server.services.site().database().connectionsOpened();
        get("/api/me/", access).statusCode(200);
        assertEquals(before, server.services.site().database().connectionsOpened(), "/api/me/ must not touch the database");
        get("/api/protected/", access).statusCode(200);
        assertEquals(before + 1, server.services.site().database().connectionsOpened(), "/api/protected/ loads the user");
    }

    @Test
    void the_trade_off_a_deactivated_user_keeps_access_to_me_until_the_token_expires() {
        String access = server.login("alice").getString("access");
        server.sql("UPDATE auth_user SET is_active = false WHERE id = ?", alice.id());
        get("/api/protected/", access).statusCode(401).body("code", equalTo("user_inactive"));
        get("/api/me/", access).statusCode(200).body("username", equalTo("alice"));
        server.clock.advance(java.time.Duration.ofMinutes(5));
        get("/api/me/", access).statusCode(401).body("code", equalTo("token_not_valid"));
    }

    @Test
    void me_still_requires_a_valid_access_token() {
        server.request().get("/api/me/").then().statusCode(401)
                .body("detail", equalTo("Authentication credentials were not provided."));
        get("/api/me/", server.login("alice").getString("refresh")).statusCode(401)
                .body("messages[0].message", equalTo("Token has wrong type"));
        get("/api/me/", "garbage").statusCode(401).body("code", equalTo("token_not_valid"));
    }
}
