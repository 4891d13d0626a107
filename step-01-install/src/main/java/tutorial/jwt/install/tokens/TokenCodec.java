package tutorial.jwt.install.tokens;

import io.jsonwebtoken.ClaimJwtException;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Header;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Locator;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.gson.io.GsonSerializer;
import io.jsonwebtoken.gson.io.GsonSupplierSerializer;
import io.jsonwebtoken.lang.Supplier;
import io.jsonwebtoken.security.Keys;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;
import tutorial.jwt.foundation.json.StrictJson;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.tokens.TokenError.Reason;

/**
 * Signs tokens and checks them with jjwt, the way Simple JWT's {@code TokenBackend} and
 * {@code Token.verify()} do with PyJWT. jjwt checks the form, the algorithm and the signature; the
 * rules where PyJWT and Simple JWT differ from jjwt (an {@code exp} is required, expiry is exact to
 * the second, the {@code jti} and token type are checked) are the small named checks below, run on
 * the claims jjwt hands back.
 */
public final class TokenCodec {

    /** Far longer than any token we issue; a larger one is refused before any parsing. */
    public static final int MAX_TOKEN_CHARS = 4096;

    /** Header parameters that would change how the token is read: we support none of them. */
    private static final Set<String> REFUSED_HEADERS = Set.of("crit", "b64", "zip", "enc");

    private final JwtSettings settings;
    private final Clock clock;
    private final Keyring keys;
    private final GsonSerializer<Map<String, ?>> json;
    /** Thread-safe and costly to build: built once. */
    private final JwtParser parser;

    /** What signs (a key, its algorithm and {@code kid} or null) and how a token's header finds its verifying key. */
    public record Keyring(Key signingKey, SecureDigestAlgorithm<?, ?> algorithm, String kid, Locator<Key> verifying) {

        /** Simple JWT's: the signing key's UTF-8 bytes are the one HMAC secret that signs and verifies. */
        public static Keyring secret(JwtSettings settings) {
            SecretKey key = Keys.hmacShaKeyFor(settings.signingKey().getBytes(StandardCharsets.UTF_8));
            return new Keyring(key, Jwts.SIG.get().forKey(settings.algorithm()), null, header -> key);
        }
    }

    public TokenCodec(JwtSettings settings, Clock clock, Keyring keys) {
        this.settings = settings;
        this.clock = clock;
        this.keys = keys;
        this.json = new GsonSerializer<>(StrictJson.gson().newBuilder()
                .registerTypeHierarchyAdapter(Supplier.class, GsonSupplierSerializer.INSTANCE) // jjwt's own values
                .create());
        this.parser = Jwts.parser()
                .json(new TokenJson())
                .keyLocator(keys.verifying())
                .sig().clear().add(keys.algorithm()).and() // "none", or HS512 when we use HS256, is refused
                .clock(() -> Date.from(clock.instant()))
                .clockSkewSeconds(settings.leeway().toSeconds())
                .build();
    }

    /** The signed, compact form: {@code header.payload.signature}, the claims in their order. */
    @SuppressWarnings("unchecked") // a Keyring's algorithm takes its key
    public String encode(Token token) {
        return Jwts.builder()
                .json(json)
                .header().type("JWT").keyId(keys.kid()).and()
                .claims(token.claims())
                .signWith(keys.signingKey(), (SecureDigestAlgorithm<Key, ?>) keys.algorithm())
                .compact();
    }

    /**
     * The token's claims when its signature, times and required claims check out, and its type is
     * {@code expectedType} ({@code null}: any type, as Simple JWT's {@code UntypedToken}).
     *
     * @throws TokenError with the reason Simple JWT would give
     */
    public Token verify(String raw, String expectedType) {
        if (raw == null || raw.length() > MAX_TOKEN_CHARS || !isCompact(raw)) {
            throw new TokenError(Reason.INVALID); // jjwt's base64 decoder skips characters it does not know
        }
        Header header;
        Claims claims;
        try {
            Jws<Claims> jws = parser.parseSignedClaims(raw);
            header = jws.getHeader();
            claims = jws.getPayload();
        } catch (ClaimJwtException e) { // expired or not yet valid: signed by us, so our checks name the reason
            header = e.getHeader();
            claims = e.getClaims();
        } catch (JwtException e) { // forged, malformed, another algorithm, ...
            throw new TokenError(Reason.INVALID);
        }
        checkHeader(header);
        Token token = new Token(claimsOf(claims));
        checkAudienceAndIssuer(token);
        checkClaims(token, expectedType);
        return token;
    }

    /** Three non-empty parts in base64url's alphabet, without padding, joined by two dots. */
    private static boolean isCompact(String raw) {
        int dots = 0;
        char previous = '.';
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '.') {
                if (previous == '.') {
                    return false; // an empty part
                }
                dots++;
            } else if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
            previous = c;
        }
        return dots == 2 && previous != '.';
    }

    private static void checkHeader(Header header) {
        for (String name : REFUSED_HEADERS) {
            if (header.containsKey(name)) {
                throw new TokenError(Reason.INVALID);
            }
        }
    }

    /** The claims as they were signed: jjwt reads {@code aud} as a set, even of one string. */
    private static Map<String, Object> claimsOf(Claims claims) {
        Map<String, Object> read = new LinkedHashMap<>(claims);
        if (read.get("aud") instanceof Collection<?> audience) {
            read.put("aud", audience.size() == 1 ? audience.iterator().next() : new ArrayList<>(audience));
        }
        return read;
    }

    /**
     * PyJWT's: when {@code AUDIENCE} is set, the {@code aud} claim is it or a list of strings holding
     * it; when {@code ISSUER} is set, the {@code iss} claim is exactly it. Missing counts as wrong.
     */
    private void checkAudienceAndIssuer(Token token) {
        if (settings.audience() != null) {
            Object aud = token.claim("aud");
            boolean listed = aud instanceof List<?> list && list.contains(settings.audience());
            if (!settings.audience().equals(aud) && !listed) {
                throw new TokenError(Reason.INVALID);
            }
        }
        if (settings.issuer() != null && !settings.issuer().equals(token.claim("iss"))) {
            throw new TokenError(Reason.INVALID);
        }
    }

    /**
     * Whether a token this codec verified has expired since. Its other checks cannot change with time:
     * an {@code iat} or {@code nbf} that was not in the future stays so.
     */
    public boolean hasExpired(Token verified) {
        return isPast(verified.expiresAt(), clock.instant());
    }

    /** PyJWT's rule: a token is good until {@code exp} plus the leeway, and expired at that second. */
    private boolean isPast(Instant exp, Instant now) {
        return !exp.isAfter(now.minus(settings.leeway()));
    }

    /** Simple JWT's order: PyJWT's checks (times), then exp, jti and token type. */
    private void checkClaims(Token token, String expectedType) {
        Instant now = clock.instant();
        Instant latestAllowed = now.plus(settings.leeway());
        for (String claim : new String[] {"iat", "nbf"}) {
            if (token.claims().containsKey(claim)
                    && !Token.time(token.claim(claim)).map(at -> !at.isAfter(latestAllowed)).orElse(false)) {
                throw new TokenError(Reason.INVALID); // not a time, or issued in the future
            }
        }
        if (!token.claims().containsKey("exp")) {
            throw new TokenError(Reason.NO_EXP);
        }
        Instant exp = Token.time(token.claim("exp"))
                .orElseThrow(() -> new TokenError(Reason.INVALID)); // a string, a float, null, or out of range
        if (isPast(exp, now)) {
            throw new TokenError(Reason.EXPIRED);
        }
        Object jti = token.claim(settings.jtiClaim());
        if (jti == null) {
            throw new TokenError(Reason.NO_ID);
        }
        if (!(jti instanceof String)) {
            throw new TokenError(Reason.INVALID);
        }
        Object type = token.claim(settings.tokenTypeClaim());
        if (type == null) {
            throw new TokenError(Reason.NO_TYPE);
        }
        if (expectedType != null && !expectedType.equals(type)) {
            throw new TokenError(Reason.WRONG_TYPE);
        }
    }
}
