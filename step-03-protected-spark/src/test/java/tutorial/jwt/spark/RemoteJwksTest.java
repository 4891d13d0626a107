package tutorial.jwt.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tutorial.jwt.install.MutableClock;

/**
 * The JWKS client against a small issuer on loopback that counts its fetches: keys found by kid,
 * one refetch for a key rotated in, none for a flood of made-up kids, and nothing but public keys.
 */
class RemoteJwksTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));
    final AtomicInteger fetches = new AtomicInteger();
    final List<String> log = new ArrayList<>();
    volatile String body = "";
    volatile int status = 200;
    volatile String cacheControl = "public, max-age=300";
    HttpServer issuer;

    URI start() throws IOException {
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer.createContext("/jwks/", exchange -> {
            fetches.incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Cache-Control", cacheControl);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        issuer.start();
        return URI.create("http://127.0.0.1:" + issuer.getAddress().getPort() + "/jwks/");
    }

    @AfterEach
    void stop() {
        if (issuer != null) {
            issuer.stop(0);
        }
    }

    static PublicJwk<?> jwk(KeyPair pair) {
        return Jwks.builder().key(pair.getPublic()).algorithm("RS256").publicKeyUse("sig").idFromThumbprint().build();
    }

    static String set(Object... keys) {
        List<String> json = new ArrayList<>();
        for (Object key : keys) {
            json.add(key instanceof PublicJwk<?> jwk ? Jwks.json(jwk) : (String) key);
        }
        return "{\"keys\":[" + String.join(",", json) + "]}";
    }

    static KeyPair rsa() {
        return Jwts.SIG.RS256.keyPair().build();
    }

    /** The key the locator finds for a signed token with this kid. */
    static java.security.Key locate(RemoteJwks jwks, String kid) {
        return jwks.locate(Jwts.header().add("alg", "RS256").keyId(kid).build());
    }

    @Test
    void a_token_finds_its_key_by_kid_and_a_key_rotated_in_costs_one_fetch() throws IOException {
        PublicJwk<?> first = jwk(rsa());
        body = set(first);
        RemoteJwks jwks = RemoteJwks.fetch(start(), "RS256", clock, log::add);
        assertEquals(1, fetches.get());
        assertEquals(first.toKey(), locate(jwks, first.getId()));
        assertEquals(1, fetches.get(), "a known kid is answered from the cache");

        PublicJwk<?> second = jwk(rsa());
        body = set(second, first); // the issuer rotated, just after this service started
        assertEquals(second.toKey(), locate(jwks, second.getId()));
        assertEquals(2, fetches.get(), "the unknown kid was fetched once");
        assertEquals(first.toKey(), locate(jwks, first.getId()), "the older key still verifies");
    }

    @Test
    void a_flood_of_unknown_kids_costs_the_issuer_one_fetch_per_cool_down() throws IOException {
        body = set(jwk(rsa()));
        RemoteJwks jwks = RemoteJwks.fetch(start(), "RS256", clock, log::add);
        for (int i = 0; i < 1000; i++) {
            assertNull(locate(jwks, "made-up-" + i));
        }
        assertEquals(2, fetches.get(), "the first unknown kid fetched; the other 999 waited for the cool-down");
        clock.advance(RemoteJwks.COOL_DOWN);
        assertNull(locate(jwks, "made-up-again"));
        assertEquals(3, fetches.get());
    }

    @Test
    void after_max_age_the_set_is_fetched_again_and_a_retired_key_is_gone() throws IOException {
        PublicJwk<?> old = jwk(rsa());
        PublicJwk<?> current = jwk(rsa());
        cacheControl = "public, max-age=60";
        body = set(current, old);
        RemoteJwks jwks = RemoteJwks.fetch(start(), "RS256", clock, log::add);
        body = set(current); // the issuer retired the old key
        clock.advance(Duration.ofSeconds(59));
        assertNotNull(locate(jwks, old.getId()), "still fresh: not fetched");
        assertEquals(1, fetches.get());
        clock.advance(Duration.ofSeconds(2));
        assertNull(locate(jwks, old.getId()));
        assertEquals(2, fetches.get());
    }

    @Test
    void only_public_keys_of_the_algorithm_with_a_kid_are_kept() throws IOException {
        KeyPair pair = rsa();
        String privateJwk = Jwks.UNSAFE_JSON(Jwks.builder().key(pair.getPrivate()).id("private").build());
        String secret = "{\"kty\":\"oct\",\"kid\":\"secret\",\"k\":\"" + "A".repeat(43) + "\"}";
        String noKid = Jwks.json(Jwks.builder().key(rsa().getPublic()).build());
        String otherAlgorithm = Jwks.json(Jwks.builder().key(rsa().getPublic()).algorithm("RS512").id("rs512").build());
        PublicJwk<?> good = jwk(rsa());
        body = set(privateJwk, secret, noKid, otherAlgorithm, good);
        RemoteJwks jwks = RemoteJwks.fetch(start(), "RS256", clock, log::add);
        assertEquals(1, jwks.size());
        assertNotNull(locate(jwks, good.getId()));
        assertNull(jwks.locate(Jwts.header().add("alg", "RS256").build()), "a token without a kid finds no key");
    }

    @Test
    void an_issuer_that_is_down_or_sends_no_jwk_set_is_a_clear_error_at_startup() throws IOException {
        URI url = start();
        for (String[] answer : new String[][] {{"500", "oops"}, {"200", "not json"}, {"200", "[1,2]"}, {"200", "{\"keys\":[]}"},
                {"200", "{\"keys\":[" + "{},".repeat(100_000) + "{}]}"}}) {
            status = Integer.parseInt(answer[0]);
            body = answer[1];
            IOException error = assertThrows(IOException.class, () -> RemoteJwks.fetch(url, "RS256", clock, log::add));
            assertTrue(error.getMessage().contains(url.toString()), error.getMessage());
        }
        issuer.stop(0);
        IOException down = assertThrows(IOException.class, () -> RemoteJwks.fetch(url, "RS256", clock, log::add));
        assertTrue(down.getMessage().startsWith("cannot fetch " + url), down.getMessage());
    }

    @Test
    void when_a_refetch_fails_the_keys_fetched_before_still_verify() throws IOException {
        PublicJwk<?> key = jwk(rsa());
        body = set(key);
        RemoteJwks jwks = RemoteJwks.fetch(start(), "RS256", clock, log::add);
        status = 503;
        clock.advance(Duration.ofMinutes(10)); // past max-age
        assertEquals(key.toKey(), locate(jwks, key.getId()));
        assertEquals(2, fetches.get());
        assertTrue(log.get(0).contains("answered 503"), log.toString());
    }
}
