package tutorial.jwt.install;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tutorial.jwt.foundation.json.StrictJson;

/**
 * Hand-made tokens for attacking our own servers: any header, any payload (as raw JSON text, so
 * duplicate keys and odd types are possible), signed with any HMAC key, or not signed at all.
 */
public final class TestTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private TestTokens() {
    }

    public static String b64(String text) {
        return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code header.payload.signature}, HMAC-signed with the algorithm {@code hmac} ("HmacSHA256", ...). */
    public static String sign(String headerJson, String payloadJson, String hmac, String key) {
        String signingInput = b64(headerJson) + "." + b64(payloadJson);
        try {
            Mac mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), hmac));
            return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HS256 token with the test server's key and the given payload. */
    public static String hs256(String payloadJson) {
        return sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payloadJson, "HmacSHA256", TestServer.SIGNING_KEY);
    }

    public static String hs256(Map<String, Object> payload) {
        return hs256(StrictJson.write(payload));
    }

    /** A valid-looking payload of {@code type} for {@code userId}, expiring {@code expSeconds} from epoch. */
    public static Map<String, Object> claims(String type, Object userId, long iat, long exp) {
        Map<String, Object> claims = new java.util.LinkedHashMap<>(); // Simple JWT's order
        claims.put("token_type", type);
        claims.put("exp", exp);
        claims.put("iat", iat);
        claims.put("jti", "0123456789abcdef0123456789abcdef");
        claims.put("user_id", userId);
        return claims;
    }

    /** The payload of a compact token, decoded. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> payload(String token) {
        String part = token.split("\\.")[1];
        return (Map<String, Object>) StrictJson.parse(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> header(String token) {
        String part = token.split("\\.")[0];
        return (Map<String, Object>) StrictJson.parse(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }
}
