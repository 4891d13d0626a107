package tutorial.jwt.keys;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tutorial.jwt.foundation.json.StrictJson;
import tutorial.jwt.install.TestServer;
import tutorial.jwt.install.TestTokens;

/** Step 7 through HTTP: a kid on every token, the JWKS endpoint, and a verifier that holds only the public key. */
class KeysTest {

    static Map<String, Object> header(String token) {
        @SuppressWarnings("unchecked")
        Map<String, Object> header = (Map<String, Object>) StrictJson.parse(
                new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8));
        return header;
    }

    static TestServer serverSigningWith(String algorithm, KeyPair pair) {
        return TestServer.start(new Main(), Map.of("JWT_ALGORITHM", algorithm, "JWT_SIGNING_KEY", TestKeys.privatePem(pair)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256"})
    void every_token_names_its_key_and_a_verifier_with_only_the_jwks_accepts_it(String algorithm) {
        try (TestServer server = serverSigningWith(algorithm, TestKeys.pair(algorithm))) {
            server.createUser("alice");
            String access = server.login("alice").getString("access");
            Map<String, Object> header = header(access);
            assertEquals(algorithm, header.get("alg"));
            assertNotNull(header.get("kid"));

            Response jwks = server.request().get("/api/token/jwks/");
            jwks.then().statusCode(200).header("Content-Type", "application/json")
                    .header("Cache-Control", JwksView.CACHE_CONTROL);
            JwkSet set = Jwks.setParser().build().parse(jwks.asString());
            Jwk<?> key = set.getKeys().stream().filter(jwk -> jwk.getId().equals(header.get("kid"))).findFirst().orElseThrow();
            Jws<Claims> verified = Jwts.parser().verifyWith((java.security.PublicKey) key.toKey())
                    .clock(() -> java.util.Date.from(server.clock.instant())).build().parseSignedClaims(access);
            assertEquals("access", verified.getPayload().get("token_type"));

            server.request().header("Authorization", "Bearer " + access).get("/api/protected/").then().statusCode(200);
        }
    }

    @Test
    void the_jwks_holds_public_members_only() {
        for (String algorithm : List.of("RS256", "ES256")) {
            try (TestServer server = serverSigningWith(algorithm, TestKeys.pair(algorithm))) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> keys = (List<Map<String, Object>>) ((Map<?, ?>) StrictJson.parse(
                        server.request().get("/api/token/jwks/").asString())).get("keys");
                assertEquals(1, keys.size());
                for (String secret : List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k")) {
                    assertFalse(keys.get(0).containsKey(secret), algorithm + " JWK has a private member " + secret);
                }
                assertEquals(algorithm, keys.get(0).get("alg"));
                assertEquals("sig", keys.get(0).get("use"));
            }
        }
    }

    @Test
    void with_hs256_tokens_carry_a_kid_the_jwks_is_empty_and_simple_jwt_s_tokens_without_kid_still_verify() {
        try (TestServer server = TestServer.start(new Main(), Map.of("JWT_ALGORITHM", "HS256"))) {
            server.createUser("alice");
            String access = server.login("alice").getString("access");
            assertNotNull(header(access).get("kid"));
            server.request().get("/api/token/jwks/").then().statusCode(200).body(equalTo("{\"keys\":[]}"));
            server.request().header("Authorization", "Bearer " + access).get("/api/protected/").then().statusCode(200);

            long now = server.clock.instant().getEpochSecond();
            String withoutKid = TestTokens.hs256("{\"token_type\":\"access\",\"exp\":" + (now + 60) + ",\"iat\":" + now
                    + ",\"jti\":\"a\",\"user_id\":1}");
            server.request().header("Authorization", "Bearer " + withoutKid).get("/api/protected/").then().statusCode(200);
        }
    }

    @Test
    void a_token_without_kid_is_verified_with_the_signing_key_as_simple_jwt_signs_them() {
        KeyPair pair = TestKeys.pair("RS256");
        try (TestServer server = serverSigningWith("RS256", pair)) {
            server.createUser("alice");
            long now = server.clock.instant().getEpochSecond();
            String djangoToken = Jwts.builder().header().type("JWT").and()
                    .claims(Map.of("token_type", "access", "exp", now + 60, "iat", now, "jti", "a", "user_id", 1))
                    .signWith(pair.getPrivate(), Jwts.SIG.RS256).compact();
            assertFalse(header(djangoToken).containsKey("kid"));
            server.request().header("Authorization", "Bearer " + djangoToken).get("/api/protected/")
                    .then().statusCode(200).body("message", equalTo("Hello, alice! You are authenticated."));
        }
    }

    @Test
    void a_token_signed_by_another_key_pair_is_refused_with_or_without_a_kid() {
        try (TestServer server = serverSigningWith("RS256", TestKeys.pair("RS256"))) {
            server.createUser("alice");
            String kid = (String) header(server.login("alice").getString("access")).get("kid");
            long now = server.clock.instant().getEpochSecond();
            java.security.PrivateKey stranger = TestKeys.pair("RS256").getPrivate();
            Map<String, Object> claims = Map.of("token_type", "access", "exp", now + 60, "iat", now, "jti", "a", "user_id", 1);
            for (String claimedKid : new String[] {kid, "someone-elses-key", null}) {
                String forged = Jwts.builder().header().keyId(claimedKid).and().claims(claims)
                        .signWith(stranger, Jwts.SIG.RS256).compact();
                server.request().header("Authorization", "Bearer " + forged).get("/api/protected/").then()
                        .statusCode(401).header("WWW-Authenticate", "Bearer realm=\"api\"")
                        .body("code", equalTo("token_not_valid")).body("messages[0].message", equalTo("Token is invalid"));
            }
        }
    }

    @Test
    void the_api_root_lists_the_jwks_endpoint() {
        try (TestServer server = serverSigningWith("ES256", TestKeys.pair("ES256"))) {
            server.request().get("/api/").then().statusCode(200)
                    .body("token_jwks", equalTo("/api/token/jwks/"));
        }
    }

    @Test
    void a_verifying_key_keeps_the_previous_key_s_tokens_working() {
        KeyPair old = TestKeys.pair("RS256");
        String oldToken;
        try (TestServer before = serverSigningWith("RS256", old)) {
            before.createUser("alice");
            oldToken = before.login("alice").getString("access");
            KeyPair next = TestKeys.pair("RS256");
            try (TestServer after = TestServer.start(new Main(), Map.of("DATABASE_URL", before.databaseUrl(),
                    "JWT_SIGNING_KEY", TestKeys.privatePem(next), "JWT_VERIFYING_KEY", TestKeys.publicPem(old.getPublic())))) {
                after.request().header("Authorization", "Bearer " + oldToken).get("/api/protected/").then().statusCode(200);
                String newToken = after.login("alice").getString("access");
                assertTrue(!header(newToken).get("kid").equals(header(oldToken).get("kid")), "the new key signs");
                after.request().get("/api/token/jwks/").then().body("keys.size()", equalTo(2))
                        .body("keys[0].kid", equalTo(header(newToken).get("kid")));
            }
        }
    }
}
