package tutorial.jwt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tutorial.jwt.foundation.json.StrictJson;
import tutorial.jwt.install.RawHttp;
import tutorial.jwt.install.TestTokens;
import tutorial.jwt.keys.Pem;

/**
 * Step 7 signing with a key pair, under the algorithm-confusion attacks: its public key used as an
 * HMAC secret, {@code alg} switched or {@code none}, keys offered in the header ({@code jwk},
 * {@code jku}, {@code x5u}), a {@code kid} that names nothing or tries a path. Each is the contract's
 * 401 at every endpoint that reads a token, the database unchanged, no key fetched.
 */
class KeysAttackTest {

    static final KeyServerWatch KEY_SERVER = KeyServerWatch.start();
    static final KeyPair SERVER_KEYS = Jwts.SIG.RS256.keyPair().build();
    static final KeyPair ATTACKER = Jwts.SIG.RS256.keyPair().build();
    static Target target;
    static String kid;

    @BeforeAll
    static void start() {
        target = Target.start(7, Map.of("JWT_ALGORITHM", "RS256", "JWT_SIGNING_KEY", Pem.write(SERVER_KEYS.getPrivate())));
        RawHttp.Response login = AttackTable.json(Endpoint.OBTAIN, json(Map.of("username", "alice", "password", AttackTable.PASSWORD)))
                .send(target.port());
        kid = (String) TestTokens.header((String) ((Map<?, ?>) StrictJson.parse(login.body())).get("access")).get("kid");
    }

    @AfterAll
    static void stop() {
        target.close();
        KEY_SERVER.close();
    }

    static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>(Forge.claims("access", Target.ALICE));
        claims.put("token_type", "access");
        return claims;
    }

    static String json(Object value) {
        return StrictJson.write(value);
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The server's own token with another header: the signature stays, only {@code alg} (or more) changes. */
    static String withHeader(String token, Map<String, Object> header) {
        return b64(json(header).getBytes(StandardCharsets.UTF_8)) + token.substring(token.indexOf('.'));
    }

    static String genuine() {
        return Jwts.builder().header().type("JWT").keyId(kid).and().claims(claims())
                .signWith(SERVER_KEYS.getPrivate(), Jwts.SIG.RS256).compact();
    }

    static Stream<Arguments> attacks() {
        String publicPem = Pem.write(SERVER_KEYS.getPublic()); // as the server's key file would hold it
        String payload = json(claims());
        String good = genuine();
        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("HS256 with the public key's PEM as the secret", TestTokens.sign(
                json(Map.of("alg", "HS256", "typ", "JWT", "kid", kid)), payload, "HmacSHA256", publicPem));
        attacks.put("HS256 with the public key's PEM, no kid", TestTokens.sign(
                json(Map.of("alg", "HS256", "typ", "JWT")), payload, "HmacSHA256", publicPem));
        attacks.put("alg none, the kid kept", withHeader(good, Map.of("alg", "none", "kid", kid)).replaceAll("\\.[^.]*$", "."));
        attacks.put("alg switched to RS512", withHeader(good, Map.of("alg", "RS512", "typ", "JWT", "kid", kid)));
        attacks.put("alg switched to PS256", withHeader(good, Map.of("alg", "PS256", "typ", "JWT", "kid", kid)));
        attacks.put("alg switched to ES256", withHeader(good, Map.of("alg", "ES256", "typ", "JWT", "kid", kid)));
        attacks.put("the attacker's key in a jwk header", Jwts.builder().header()
                .jwk(Jwks.builder().key(ATTACKER.getPublic()).build()).and().claims(claims())
                .signWith(ATTACKER.getPrivate(), Jwts.SIG.RS256).compact());
        attacks.put("a jku header to the attacker's key set", Jwts.builder().header().keyId("attacker")
                .jwkSetUrl(URI.create(KEY_SERVER.url())).and().claims(claims()).signWith(ATTACKER.getPrivate(), Jwts.SIG.RS256).compact());
        attacks.put("an x5u header to the attacker's certificate", Jwts.builder().header().keyId("attacker")
                .x509Url(URI.create(KEY_SERVER.url())).and().claims(claims()).signWith(ATTACKER.getPrivate(), Jwts.SIG.RS256).compact());
        attacks.put("the server's kid, signed by the attacker", Jwts.builder().header().type("JWT").keyId(kid).and().claims(claims())
                .signWith(ATTACKER.getPrivate(), Jwts.SIG.RS256).compact());
        attacks.put("a kid that is a path", TestTokens.sign(json(Map.of("alg", "HS256", "typ", "JWT", "kid", "../../../../../dev/null")),
                payload, "HmacSHA256", "\0".repeat(32)));
        attacks.put("a kid that is SQL", TestTokens.sign(json(Map.of("alg", "HS256", "typ", "JWT", "kid", "x' UNION SELECT 'key")),
                payload, "HmacSHA256", "key".repeat(11)));
        return attacks.entrySet().stream().flatMap(attack -> Stream.of(
                Arguments.of(attack.getKey(), attack.getValue(), Endpoint.PROTECTED),
                Arguments.of(attack.getKey(), attack.getValue(), Endpoint.VERIFY),
                Arguments.of(attack.getKey(), attack.getValue(), Endpoint.REFRESH)));
    }

    static RawHttp.Response send(Endpoint endpoint, String token) {
        return AttackTable.carrying(endpoint, token).send(target.port());
    }

    @ParameterizedTest(name = "{0} at {2}")
    @MethodSource("attacks")
    void is_refused_with_the_contract_s_401(String name, String token, Endpoint endpoint) {
        DatabaseSnapshot before = DatabaseSnapshot.of(target.server);
        RawHttp.Response response = send(endpoint, token);
        assertEquals(401, response.status(), response::body);
        assertEquals("Bearer realm=\"api\"", response.header("WWW-Authenticate"));
        String expected = endpoint == Endpoint.PROTECTED
                ? "{\"detail\":\"Given token not valid for any token type\",\"code\":\"token_not_valid\",\"messages\":"
                        + "[{\"token_class\":\"AccessToken\",\"token_type\":\"access\",\"message\":\"Token is invalid\"}]}"
                : "{\"detail\":\"Token is invalid\",\"code\":\"token_not_valid\"}";
        assertEquals(StrictJson.parse(expected), StrictJson.parse(response.body()));
        assertEquals(before, DatabaseSnapshot.of(target.server), "the request changed the database");
        assertEquals(0, KEY_SERVER.connections(), "a key-fetching header was followed");
    }

    @Test
    void the_genuine_token_is_accepted_so_the_refusals_above_are_the_attacks_own() {
        assertEquals(200, send(Endpoint.PROTECTED, genuine()).status());
        assertEquals(200, send(Endpoint.VERIFY, genuine()).status());
    }
}
