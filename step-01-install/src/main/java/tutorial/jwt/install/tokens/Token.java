package tutorial.jwt.install.tokens;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token's payload: its claims, in the order they were set. Immutable; {@link TokenFactory} makes
 * new ones and {@link TokenCodec} turns them into signed strings and back.
 */
public record Token(Map<String, Object> claims) {

    public Token {
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    }

    public Object claim(String name) {
        return claims.get(name);
    }

    /** The {@code exp} claim; only call on a token that {@link TokenCodec} verified or a factory made. */
    public Instant expiresAt() {
        return Instant.ofEpochSecond((Long) claims.get("exp"));
    }
}
