package tutorial.jwt.docs;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/** Spotting the JWTs pasted into pages and printed by servers. */
final class Jwt {

    /** Anything shaped like a token: a JSON header ({@code eyJ} is base64 for <code>{"</code>) and two more parts. */
    static final Pattern LOOKS_LIKE = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");

    private Jwt() {
    }

    /**
     * The {@code token_type} of a complete token: three non-empty base64url parts whose payload is a
     * JSON object with a {@code token_type}. A truncated or tampered token has none.
     */
    static Optional<String> tokenType(String candidate) {
        String[] parts = candidate.split("\\.", -1);
        if (parts.length != 3 || !LOOKS_LIKE.matcher(candidate).matches()) {
            return Optional.empty();
        }
        try {
            for (String part : parts) {
                if (part.isEmpty()) {
                    return Optional.empty();
                }
                Base64.getUrlDecoder().decode(part);
            }
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            JsonElement json = JsonParser.parseString(payload);
            if (!json.isJsonObject()) {
                return Optional.empty();
            }
            JsonObject claims = json.getAsJsonObject();
            JsonElement type = claims.get("token_type");
            return type != null && type.isJsonPrimitive() && type.getAsJsonPrimitive().isString()
                    ? Optional.of(type.getAsString()) : Optional.empty();
        } catch (RuntimeException e) { // not base64url, not JSON
            return Optional.empty();
        }
    }

    /** Tokens differ on every run (new iat, jti, key): compare pages and servers with {@code <jwt>} instead. */
    static String mask(String text) {
        return LOOKS_LIKE.matcher(text).replaceAll("<jwt>");
    }
}
