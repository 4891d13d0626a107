package tutorial.jwt.install.tokens;

import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.JwtParserBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.MacAlgorithm;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import tutorial.jwt.install.json.StrictJson;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.tokens.TokenError.Reason;

/**
 * Signs tokens and checks them, the way Simple JWT's {@code TokenBackend} and {@code Token.verify()}
 * do. jjwt checks the signature with the one configured algorithm; every claim check is done here,
 * because jjwt accepts an {@code exp} that is missing, null or a string, and any {@code iat}.
 */
public final class TokenCodec {

    /** Far longer than any token we issue; a larger one is refused before any parsing. */
    public static final int MAX_TOKEN_CHARS = 4096;

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    /** Header parameters that would change how the token is read: we support none of them. */
    private static final Set<String> REFUSED_HEADERS = Set.of("crit", "b64", "zip", "enc");
    /** jjwt's own time checks are switched off (a century of skew): ours below are exact. */
    private static final long NO_JJWT_TIME_CHECKS = Duration.ofDays(36_500).toSeconds();

    private final JwtSettings settings;
    private final Clock clock;
    private final SecretKey key;
    private final MacAlgorithm algorithm;
    private final JwtParser parser;

    public TokenCodec(JwtSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.algorithm = switch (settings.algorithm()) {
            case "HS384" -> Jwts.SIG.HS384;
            case "HS512" -> Jwts.SIG.HS512;
            default -> Jwts.SIG.HS256;
        };
        this.key = new SecretKeySpec(settings.signingKey().getBytes(StandardCharsets.UTF_8),
                "HmacSHA" + settings.algorithm().substring(2)); // HS256 -> HmacSHA256
        JwtParserBuilder builder = Jwts.parser()
                .verifyWith(key)
                .sig().clear().add(algorithm).and() // the configured algorithm, and no other
                .clockSkewSeconds(NO_JJWT_TIME_CHECKS);
        if (settings.audience() != null) {
            builder.requireAudience(settings.audience());
        }
        if (settings.issuer() != null) {
            builder.requireIssuer(settings.issuer());
        }
        this.parser = builder.build();
    }

    /** The signed, compact form: {@code header.payload.signature}. */
    public String encode(Token token) {
        return Jwts.builder()
                .header().add("typ", "JWT").and()
                .claims(token.claims())
                .signWith(key, algorithm)
                .compact();
    }

    /**
     * The token's claims when its signature, times and required claims check out, and its type is
     * {@code expectedType} ({@code null}: any type, as Simple JWT's {@code UntypedToken}).
     *
     * @throws TokenError with the reason Simple JWT would give
     */
    public Token verify(String raw, String expectedType) {
        String[] parts = split(raw);
        checkHeader(parts[0]);
        try {
            parser.parseSignedClaims(raw);
        } catch (RuntimeException e) { // jjwt's messages echo the token: keep only that it failed
            throw new TokenError(Reason.INVALID);
        }
        Token token = new Token(jsonObject(parts[1]));
        checkClaims(token, expectedType);
        return token;
    }

    private static String[] split(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_TOKEN_CHARS) {
            throw new TokenError(Reason.INVALID);
        }
        String[] parts = raw.split("\\.", -1);
        if (parts.length != 3) {
            throw new TokenError(Reason.INVALID); // JWE has 5 parts, an unsigned token an empty third
        }
        for (String part : parts) {
            if (!BASE64URL.matcher(part).matches()) {
                throw new TokenError(Reason.INVALID);
            }
        }
        return parts;
    }

    private void checkHeader(String encoded) {
        Map<String, Object> header = jsonObject(encoded);
        if (!settings.algorithm().equals(header.get("alg"))) {
            throw new TokenError(Reason.INVALID); // "none", "None", HS512 when we use HS256, ...
        }
        for (String name : REFUSED_HEADERS) {
            if (header.containsKey(name)) {
                throw new TokenError(Reason.INVALID);
            }
        }
    }

    /**
     * One part of a compact token, the header or the payload, as the JSON object it encodes. Anyone
     * can read a token this way, without the key: it checks nothing.
     *
     * @throws IllegalArgumentException when the part is not a base64url-encoded JSON object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readPart(String encoded) {
        Object json;
        try {
            json = StrictJson.parse(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
        } catch (RuntimeException e) { // bad base64, bad JSON, duplicate keys
            throw new IllegalArgumentException("not a base64url-encoded JSON object");
        }
        if (json instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("not a base64url-encoded JSON object");
    }

    private static Map<String, Object> jsonObject(String encoded) {
        try {
            return readPart(encoded);
        } catch (IllegalArgumentException e) {
            throw new TokenError(Reason.INVALID);
        }
    }

    /** Simple JWT's order: PyJWT's checks (times), then exp, jti and token type. */
    private void checkClaims(Token token, String expectedType) {
        Instant now = clock.instant();
        Instant latestAllowed = now.plus(settings.leeway());
        for (String claim : new String[] {"iat", "nbf"}) {
            if (token.claims().containsKey(claim)
                    && !NumericDate.of(token.claim(claim)).map(at -> !at.isAfter(latestAllowed)).orElse(false)) {
                throw new TokenError(Reason.INVALID); // not a time, or issued in the future
            }
        }
        if (!token.claims().containsKey("exp")) {
            throw new TokenError(Reason.NO_EXP);
        }
        Instant exp = NumericDate.of(token.claim("exp"))
                .orElseThrow(() -> new TokenError(Reason.INVALID)); // a string, a float, null, or out of range
        if (!exp.isAfter(now.minus(settings.leeway()))) {
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
