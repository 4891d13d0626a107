package tutorial.jwt.refresh.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import tutorial.jwt.foundation.json.StrictJson;

/** What a client may read in a token without the key: its payload. And shorter tokens for logs. */
public final class Tokens {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");

    private Tokens() {
    }

    /** {@code eyJ0eXAiOiJKV1Qi...Kh4Tc}: enough to tell tokens apart, short enough to read. */
    static String shorten(String token) {
        return token == null || token.length() < 30 ? String.valueOf(token)
                : token.substring(0, 16) + "..." + token.substring(token.length() - 6);
    }

    static String shortenAll(String text) {
        return JWT.matcher(text).replaceAll(match -> shorten(match.group()));
    }

    /** The {@code exp} claim, read from the payload (not verified: the client has no key, and needs none for this). */
    static long expiresAt(String token) {
        return (Long) readPart(token.split("\\.")[1]).get("exp");
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
}
