package tutorial.jwt.keys;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tutorial.jwt.install.CliRunner;
import tutorial.jwt.install.TestServer;

/**
 * The development key ring across restarts in one folder, as a learner meets it with {@code ./run 7}:
 * rotatekey, restart, the old tokens still work; retirekey, restart, they are refused.
 */
class RotationTest {

    /** No JWT_SIGNING_KEY (blank is unset): the server makes and uses the development key ring. */
    static final Map<String, String> DEV_RING = Map.of("JWT_SIGNING_KEY", "");

    @TempDir
    Path dir;

    TestServer start(String databaseUrl) {
        return TestServer.startIn(dir, new Main(), databaseUrl == null ? DEV_RING
                : Map.of("JWT_SIGNING_KEY", "", "DATABASE_URL", databaseUrl));
    }

    CliRunner cli(String databaseUrl) {
        return new CliRunner(new Main(), dir).env("JWT_SIGNING_KEY", "").env("DATABASE_URL", databaseUrl);
    }

    static String kid(String token) {
        return (String) KeysTest.header(token).get("kid");
    }

    @Test
    void a_token_signed_before_a_rotation_works_after_it_and_is_refused_once_its_key_is_retired() throws Exception {
        String databaseUrl;
        String oldAccess;
        String oldRefresh;
        try (TestServer first = start(null)) {
            databaseUrl = first.databaseUrl();
            first.createUser("alice");
            oldAccess = first.login("alice").getString("access");
            oldRefresh = first.login("alice").getString("refresh");
        }
        assertTrue(Files.exists(dir.resolve(".jwt-keys/RS256/1.pem")), "the development key pair is kept for the next start");

        try (CliRunner cli = cli(databaseUrl)) {
            assertEquals(0, cli.run("", "rotatekey"), cli.err);
            assertTrue(cli.out.contains("Added key "), cli.out);
            assertTrue(cli.out.contains(kid(oldAccess) + "  verifies"), cli.out);
        }

        String newAccess;
        try (TestServer rotated = start(databaseUrl)) {
            rotated.request().header("Authorization", "Bearer " + oldAccess).get("/api/protected/").then().statusCode(200);
            newAccess = rotated.login("alice").getString("access");
            assertNotEquals(kid(oldAccess), kid(newAccess), "the newest key signs");
            rotated.request().get("/api/token/jwks/").then().body("keys.size()", equalTo(2))
                    .body("keys[0].kid", equalTo(kid(newAccess))).body("keys[1].kid", equalTo(kid(oldAccess)));
            String refreshed = rotated.json(Map.of("refresh", oldRefresh)).post("/api/token/refresh/")
                    .then().statusCode(200).extract().path("access");
            assertEquals(kid(newAccess), kid(refreshed), "a refresh token of the old key gets a token of the new one");
        }

        try (CliRunner cli = cli(databaseUrl)) {
            assertEquals(1, cli.run("", "retirekey", kid(newAccess)));
            assertTrue(cli.err.contains("is the key that signs; run rotatekey first"), cli.err);
            assertEquals(1, cli.run("", "retirekey", "no-such-kid"));
            assertTrue(cli.err.contains("no key no-such-kid in .jwt-keys/RS256/"), cli.err);
            assertEquals(0, cli.run("", "retirekey", kid(oldAccess)), cli.err);
            assertTrue(cli.out.contains("Retired key " + kid(oldAccess)), cli.out);
        }

        try (TestServer retired = start(databaseUrl)) {
            retired.request().header("Authorization", "Bearer " + oldAccess).get("/api/protected/").then()
                    .statusCode(401).body("messages[0].message", equalTo("Token is invalid"));
            retired.json(Map.of("token", oldAccess)).post("/api/token/verify/").then().statusCode(401)
                    .body("detail", equalTo("Token is invalid"));
            retired.request().header("Authorization", "Bearer " + newAccess).get("/api/protected/").then().statusCode(200);
            retired.request().get("/api/token/jwks/").then().body("keys.size()", equalTo(1));
        }
    }

    @Test
    void the_key_commands_say_why_when_the_keys_are_not_the_development_ring_s() {
        try (CliRunner cli = new CliRunner(new Main(), dir).env("JWT_ALGORITHM", "HS256")) {
            assertEquals(1, cli.run("", "rotatekey"));
            assertTrue(cli.err.contains("JWT_ALGORITHM=HS256 signs with one secret"), cli.err);
        }
        try (CliRunner cli = new CliRunner(new Main(), dir).env("JWT_SIGNING_KEY", TestKeys.privatePem(TestKeys.pair("ES256")))
                .env("JWT_ALGORITHM", "ES256")) {
            assertEquals(1, cli.run("", "rotatekey"));
            assertTrue(cli.err.contains("The signing key comes from JWT_SIGNING_KEY(_FILE)"), cli.err);
        }
        assertTrue(!Files.exists(dir.resolve(".jwt-keys")), "nothing was written");
    }
}
