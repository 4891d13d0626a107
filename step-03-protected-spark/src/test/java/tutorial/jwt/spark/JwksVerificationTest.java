package tutorial.jwt.spark;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.jsonwebtoken.Jwts;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tutorial.jwt.install.TestServer;

/**
 * Two real servers on loopback: step 7 issues RS256 tokens and publishes its keys, and the Spark
 * server started with {@code JWT_JWK_URL} verifies them with those public keys, holding no secret.
 */
class JwksVerificationTest {

    /** Step 7 with its development key ring (blank is unset, so the test server's HS256 secret is not used). */
    static TestServer issuer() {
        return TestServer.start(new tutorial.jwt.keys.Main(), Map.of("JWT_SIGNING_KEY", ""));
    }

    static Map<String, String> verifyingWith(TestServer issuer) {
        return Map.of("JWT_JWK_URL", "http://127.0.0.1:" + issuer.port() + "/api/token/jwks/", "JWT_SIGNING_KEY", "");
    }

    @Test
    void a_token_from_step_7_opens_the_spark_server_which_holds_only_the_public_key() {
        try (TestServer issuer = issuer(); IsolatedSpark spark = IsolatedSpark.start(issuer, verifyingWith(issuer))) {
            issuer.createUser("alice");
            String access = issuer.login("alice").getString("access");
            spark.request().header("Authorization", "Bearer " + access).get("/api/protected/").then()
                    .statusCode(200).body("message", equalTo("Hello, alice! You are authenticated."));

            issuer.clock.advance(Duration.ofMinutes(5));
            spark.request().header("Authorization", "Bearer " + access).get("/api/protected/").then()
                    .statusCode(401).body("messages[0].message", equalTo("Token is expired"));
        }
    }

    @Test
    void tokens_signed_with_any_other_key_are_refused_with_the_contracts_401() {
        try (TestServer issuer = issuer(); IsolatedSpark spark = IsolatedSpark.start(issuer, verifyingWith(issuer));
             TestServer hs256 = TestServer.start(new tutorial.jwt.protect.Main())) {
            issuer.createUser("alice");
            hs256.createUser("alice");
            String kid = kid(issuer.login("alice").getString("access"));
            KeyPair stranger = Jwts.SIG.RS256.keyPair().build();
            long now = issuer.clock.instant().getEpochSecond();
            String[] forged = {
                    hs256.login("alice").getString("access"), // HS256, a secret the Spark server does not have
                    Jwts.builder().header().keyId(kid).and().claims(claims(now)).signWith(stranger.getPrivate()).compact(),
                    Jwts.builder().header().keyId("unknown").and().claims(claims(now)).signWith(stranger.getPrivate()).compact(),
                    Jwts.builder().claims(claims(now)).signWith(stranger.getPrivate()).compact(), // no kid
            };
            for (String token : forged) {
                spark.request().header("Authorization", "Bearer " + token).get("/api/protected/").then()
                        .statusCode(401).body("code", equalTo("token_not_valid"))
                        .body("messages[0].message", equalTo("Token is invalid"));
            }
        }
    }

    @Test
    void a_signing_key_beside_the_jwk_url_or_an_issuer_that_is_not_running_stops_the_start() throws Exception {
        try (TestServer issuer = issuer()) {
            Map<String, String> both = Map.of("JWT_JWK_URL", "http://127.0.0.1:" + issuer.port() + "/api/token/jwks/",
                    "JWT_SIGNING_KEY", "a-secret-0123456789-abcdefghijklmnopqrstuvwxyz");
            RuntimeException error = assertThrows(RuntimeException.class, () -> IsolatedSpark.start(issuer, both));
            assertTrue(error.getMessage().contains("JWT_JWK_URL and JWT_SIGNING_KEY are both set"), error.getMessage());

            int closed;
            try (ServerSocket socket = new ServerSocket(0)) {
                closed = socket.getLocalPort();
            }
            Map<String, String> down = Map.of("JWT_JWK_URL", "http://127.0.0.1:" + closed + "/api/token/jwks/",
                    "JWT_SIGNING_KEY", "");
            error = assertThrows(RuntimeException.class, () -> IsolatedSpark.start(issuer, down));
            assertTrue(error.getMessage().startsWith("JWT_JWK_URL: cannot fetch http://127.0.0.1:" + closed), error.getMessage());
        }
    }

    static Map<String, Object> claims(long now) {
        return Map.of("token_type", "access", "exp", now + 300, "iat", now, "jti", "0".repeat(32), "user_id", 1);
    }

    /** The {@code kid} in a token's header. */
    static String kid(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        return JsonParser.parseString(header).getAsJsonObject().get("kid").getAsString();
    }
}
