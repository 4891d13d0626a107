package tutorial.jwt.security;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tutorial.jwt.install.TestTokens;

/** Tokens signed with the test servers' real key, as the servers would make them, with a fresh jti each time. */
final class Forge {

    /** Every test server's clock starts here and the suite never moves it. */
    static final long NOW = Instant.parse("2026-01-01T12:00:00Z").getEpochSecond();

    private Forge() {
    }

    /** The claims of a good token of {@code type} for {@code userId}; change them before signing. */
    static Map<String, Object> claims(String type, Object userId) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("token_type", type);
        claims.put("exp", NOW + (type.equals("refresh") ? 86_400 : 300));
        claims.put("iat", NOW);
        claims.put("jti", UUID.randomUUID().toString().replace("-", ""));
        claims.put("user_id", userId);
        if (type.equals("sliding")) {
            claims.put("refresh_exp", NOW + 86_400);
        }
        return claims;
    }

    static String token(String type, Object userId) {
        return sign(claims(type, userId));
    }

    static String sign(Map<String, Object> claims) {
        return TestTokens.hs256(claims);
    }
}
