package tutorial.jwt.install.tokens;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import tutorial.jwt.install.json.StrictJson;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.tokens.TokenError.Reason;

/**
 * Signs tokens and checks them, the way Simple JWT's {@code TokenBackend} and {@code Token.verify()}
 * do, with the JDK's HMAC and {@link StrictJson}: a token is three base64url parts, and both
 * directions are short enough to read here. Checking reads a token exactly once: the header and the
 * payload by {@link StrictJson} (which refuses duplicate keys), the signature by the HMAC, and every
 * claim here, because a JWT library's checks differ from PyJWT's (jjwt accepts an {@code exp} that is
 * missing, null or a string, and any {@code iat}). Measured in docs/performance.md: jjwt's parser and
 * builder made checking a token four times as slow and signing one three times.
 */
public final class TokenCodec {

    /** Far longer than any token we issue; a larger one is refused before any parsing. */
    public static final int MAX_TOKEN_CHARS = 4096;

    /** Header parameters that would change how the token is read: we support none of them. */
    private static final Set<String> REFUSED_HEADERS = Set.of("crit", "b64", "zip", "enc");

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final JwtSettings settings;
    private final Clock clock;
    private final SecretKey key;
    /** The first part of every token we sign, encoded once: {@code {"typ":"JWT","alg":"HS256"}}. */
    private final String encodedHeader;
    /** A {@link Mac} is not thread-safe and costly to create: one per thread, made once. */
    private final ThreadLocal<Mac> macs;

    public TokenCodec(JwtSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.encodedHeader = base64url("{\"typ\":\"JWT\",\"alg\":\"" + settings.algorithm() + "\"}");
        this.key = new SecretKeySpec(settings.signingKey().getBytes(StandardCharsets.UTF_8),
                "HmacSHA" + settings.algorithm().substring(2)); // HS256 -> HmacSHA256
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /**
     * The signed, compact form: {@code header.payload.signature}, each part base64url without padding,
     * the payload the claims as JSON in their order, the signature the HMAC of {@code header.payload}.
     */
    public String encode(Token token) {
        String signedPart = encodedHeader + "." + base64url(StrictJson.write(token.claims()));
        return signedPart + "." + BASE64URL.encodeToString(macs.get().doFinal(signedPart.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String base64url(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The token's claims when its signature, times and required claims check out, and its type is
     * {@code expectedType} ({@code null}: any type, as Simple JWT's {@code UntypedToken}).
     *
     * @throws TokenError with the reason Simple JWT would give
     */
    public Token verify(String raw, String expectedType) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_TOKEN_CHARS || !isCompact(raw)) {
            throw new TokenError(Reason.INVALID); // JWE has 5 parts, an unsigned token an empty third
        }
        int headerEnd = raw.indexOf('.');
        int payloadEnd = raw.indexOf('.', headerEnd + 1);
        checkHeader(jsonObject(raw.substring(0, headerEnd)));
        checkSignature(raw.substring(0, payloadEnd), raw.substring(payloadEnd + 1));
        Token token = new Token(jsonObject(raw.substring(headerEnd + 1, payloadEnd))); // read once signed by us
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

    private void checkHeader(Map<String, Object> header) {
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
     * The HMAC of {@code header.payload} under our key must be the signature's bytes, compared in
     * constant time so that the time taken tells an attacker nothing. Like PyJWT, the signature is
     * compared decoded: base64's unused tail bits may be spelt either way.
     */
    private void checkSignature(String signedPart, String signature) {
        byte[] expected = macs.get().doFinal(signedPart.getBytes(StandardCharsets.US_ASCII));
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) { // a length no base64 text has
            throw new TokenError(Reason.INVALID);
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new TokenError(Reason.INVALID);
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(key.getAlgorithm());
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot compute " + key.getAlgorithm(), e);
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

    /**
     * PyJWT's: when {@code AUDIENCE} is set, the {@code aud} claim is it or a list of strings holding
     * it; when {@code ISSUER} is set, the {@code iss} claim is exactly it. Missing counts as wrong.
     */
    private void checkAudienceAndIssuer(Token token) {
        if (settings.audience() != null) {
            Object aud = token.claim("aud");
            boolean listed = aud instanceof List<?> list && list.stream().allMatch(String.class::isInstance)
                    && list.contains(settings.audience());
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

    /** PyJWT's rule: a token is still good until {@code exp} plus the leeway. */
    private boolean isPast(Instant exp, Instant now) {
        return !exp.isAfter(now.minus(settings.leeway()));
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
