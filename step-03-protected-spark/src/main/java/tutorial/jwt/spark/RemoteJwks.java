package tutorial.jwt.spark;

import io.jsonwebtoken.Header;
import io.jsonwebtoken.Locator;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The issuer's public keys, fetched from its JWKS URL ({@code JWT_JWK_URL}) and found by a token's
 * {@code kid}: what PyJWT's {@code PyJWKClient} does for Simple JWT's {@code JWK_URL}. The set is
 * kept for as long as the issuer's {@code Cache-Control: max-age} says, and fetched again once when a
 * token names a kid it does not hold (a key the issuer has just rotated in). Those refetches are at
 * least {@link #COOL_DOWN} apart, so a flood of tokens with made-up kids costs the issuer one request.
 */
public final class RemoteJwks implements Locator<Key> {

    /** The least time between two refetches, whatever the tokens say. */
    public static final Duration COOL_DOWN = Duration.ofSeconds(10);
    /** When the issuer sends no {@code max-age}. */
    static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);
    /** A JWK Set of a few keys is a few KiB; anything far larger is not one. */
    static final int MAX_BYTES = 256 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age=(\\d{1,9})");

    private final URI url;
    private final String algorithm;
    private final Clock clock;
    private final Consumer<String> log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** The keys by kid, replaced whole on each fetch. */
    private volatile Map<String, Key> keys = Map.of();
    private volatile Instant freshUntil = Instant.MIN;
    private Instant lastRefetch = Instant.MIN;

    private RemoteJwks(URI url, String algorithm, Clock clock, Consumer<String> log) {
        this.url = url;
        this.algorithm = algorithm;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Fetches the set once now, so a wrong URL or an issuer that is not running is a startup error.
     *
     * @throws IOException naming the URL and what went wrong
     */
    public static RemoteJwks fetch(URI url, String algorithm, Clock clock, Consumer<String> log) throws IOException {
        RemoteJwks jwks = new RemoteJwks(url, algorithm, clock, log);
        jwks.refresh();
        return jwks;
    }

    /** The key the token's {@code kid} names, or null: jjwt then refuses the token. */
    @Override
    public Key locate(Header header) {
        String kid = header instanceof ProtectedHeader jws ? jws.getKeyId() : null;
        if (kid == null) {
            return null; // the issuer names every key; a token without a kid is not its
        }
        Key key = keys.get(kid);
        if (key == null || clock.instant().isAfter(freshUntil)) {
            refreshIfCooledDown();
            key = keys.get(kid);
        }
        return key;
    }

    /** How many keys the last fetch found. */
    public int size() {
        return keys.size();
    }

    private synchronized void refreshIfCooledDown() {
        if (clock.instant().isBefore(lastRefetch.plus(COOL_DOWN))) {
            return;
        }
        lastRefetch = clock.instant();
        try {
            refresh();
            log.accept("JWT_JWK_URL: fetched " + keys.size() + " public keys from " + url);
        } catch (IOException e) { // keep the keys we have: the issuer may be restarting
            log.accept("JWT_JWK_URL: " + e.getMessage() + "; keeping the " + keys.size() + " keys fetched before");
        }
    }

    private synchronized void refresh() throws IOException {
        Instant fetched = clock.instant();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Accept", "application/json").build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        } catch (IOException e) {
            throw new IOException("cannot fetch " + url + ": " + e, e);
        }
        String body;
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException(url + " sent more than " + MAX_BYTES / 1024 + " KiB: not a JWK Set");
            }
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered " + response.statusCode() + ", not a JWK Set");
        }
        keys = publicKeys(body);
        freshUntil = fetched.plus(maxAge(response));
    }

    /** The set's public keys for our algorithm, by kid: jjwt parses and checks each JWK. */
    private Map<String, Key> publicKeys(String body) throws IOException {
        JwkSet set;
        try {
            set = Jwks.setParser().build().parse(body);
        } catch (RuntimeException e) {
            throw new IOException(url + " did not send a JWK Set: " + e.getMessage(), e);
        }
        Map<String, Key> found = new HashMap<>();
        for (Jwk<?> jwk : set.getKeys()) {
            boolean ours = jwk.getId() != null && (jwk.getAlgorithm() == null || jwk.getAlgorithm().equals(algorithm));
            if (jwk instanceof PublicJwk<?> key && ours) { // never a private or secret key, even if one is sent
                found.put(jwk.getId(), key.toKey());
            }
        }
        if (found.isEmpty()) {
            throw new IOException(url + " holds no " + algorithm + " public key with a kid");
        }
        return Map.copyOf(found);
    }

    /** The issuer's {@code Cache-Control: max-age}, at most a day. */
    private static Duration maxAge(HttpResponse<?> response) {
        Optional<Matcher> maxAge = response.headers().firstValue("Cache-Control")
                .map(MAX_AGE::matcher).filter(Matcher::find);
        return maxAge.map(m -> Duration.ofSeconds(Math.min(Long.parseLong(m.group(1)), Duration.ofDays(1).toSeconds())))
                .orElse(DEFAULT_MAX_AGE);
    }
}
