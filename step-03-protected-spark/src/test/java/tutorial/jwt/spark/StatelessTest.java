package tutorial.jwt.spark;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.restassured.response.ValidatableResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.install.TestServer;
import tutorial.jwt.install.TestTokens;
import tutorial.jwt.protect.Main;

/** {@code STATELESS=true}: the user comes from the token's claims, and no table is read. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatelessTest {

    private TestServer issuer;
    private IsolatedSpark spark;

    @BeforeAll
    void start() {
        issuer = TestServer.start(new Main());
        spark = IsolatedSpark.start(issuer, Map.of("STATELESS", "true"));
    }

    @AfterAll
    void stop() {
        spark.close();
        issuer.close();
    }

    private ValidatableResponse get(String path, String access) {
        return spark.request().header("Authorization", "Bearer " + access).get(path).then();
    }

    @Test
    void a_valid_token_is_enough_and_the_user_is_its_user_id() {
        User alice = issuer.createUser("alice");
        get("/api/protected/", issuer.login("alice").getString("access")).statusCode(200)
                .body("message", equalTo("Hello, user " + alice.id() + "! You are authenticated."));
    }

    @Test
    void a_user_deactivated_after_login_keeps_access_until_the_token_expires() {
        User quitter = issuer.createUser("quitter");
        String access = issuer.login("quitter").getString("access");
        issuer.sql("UPDATE auth_user SET is_active = 0 WHERE id = ?", quitter.id());
        get("/api/protected/", access).statusCode(200); // step 3 says 401 "User is inactive": the trade-off
        issuer.sql("DELETE FROM auth_user WHERE id = ?", quitter.id());
        get("/api/protected/", access).statusCode(200); // and "User not found"
    }

    @Test
    void it_needs_no_user_table_at_all_only_the_key(@TempDir Path dir) {
        issuer.createUser("bob");
        String access = issuer.login("bob").getString("access");
        String emptyDatabase = "jdbc:sqlite:" + dir.resolve("empty.sqlite3"); // no auth_user: a read would be a 500
        Map<String, String> settings = Map.of("STATELESS", "true", "DATABASE_URL", emptyDatabase);
        try (IsolatedSpark alone = IsolatedSpark.start(issuer, settings)) {
            alone.request().header("Authorization", "Bearer " + access).get("/api/protected/").then().statusCode(200);
        }
    }

    @Test
    void staff_comes_from_an_is_staff_claim_not_from_the_table() {
        issuer.createStaff("boss");
        get("/api/staff/", issuer.login("boss").getString("access")).statusCode(403);
        long now = issuer.clock.instant().getEpochSecond();
        Map<String, Object> claims = TestTokens.claims("access", 7L, now, now + 60);
        claims.put("username", "boss");
        claims.put("is_staff", true);
        get("/api/staff/", TestTokens.hs256(claims)).statusCode(200)
                .body("message", equalTo("Hello, boss! You are staff."));
    }

    @Test
    void the_token_checks_are_the_same() {
        long now = issuer.clock.instant().getEpochSecond();
        get("/api/protected/", TestTokens.hs256("{\"token_type\":\"access\",\"exp\":" + (now + 60) + ",\"jti\":\"a\"}"))
                .statusCode(401).body("detail", equalTo("Token contained no recognizable user identification"));
        get("/api/protected/", TestTokens.hs256(TestTokens.claims("access", 1L, now - 600, now - 300)))
                .statusCode(401).body("messages[0].message", equalTo("Token is expired"));
        get("/api/protected/", TestTokens.hs256(TestTokens.claims("refresh", 1L, now, now + 60)))
                .statusCode(401).body("messages[0].message", equalTo("Token has wrong type"));
        spark.request().header("Authorization", "Bearer").get("/api/protected/").then()
                .statusCode(401).body("code", equalTo("bad_authorization_header"));
        spark.request().get("/api/protected/").then()
                .statusCode(401).body("detail", equalTo("Authentication credentials were not provided."));
    }

    @Test
    void a_stateless_value_that_is_not_a_boolean_stops_the_start() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> IsolatedSpark.start(issuer, Map.of("STATELESS", "maybe")));
        assertEquals("STATELESS=maybe is not a boolean: use true or false.", e.getMessage());
    }
}
