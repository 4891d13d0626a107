package tutorial.jwt.install.tokens;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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

    /**
     * The instant a time claim ({@code exp}, {@code iat}, {@code nbf}, {@code refresh_exp}) names: RFC 7519's
     * NumericDate in whole seconds from year 1 to 9999, Python's {@code datetime} range. Empty for anything
     * else (a string, a float, null): so a signed {@code "exp": 9223372036854775807} cannot overflow.
     */
    public static Optional<Instant> time(Object claim) {
        if (claim instanceof Long seconds && seconds >= -62_135_596_800L && seconds <= 253_402_300_799L) {
            return Optional.of(Instant.ofEpochSecond(seconds));
        }
        return Optional.empty();
    }

    /** The {@code exp} claim; only call on a token that {@link TokenCodec} verified or a factory made. */
    public Instant expiresAt() {
        return Instant.ofEpochSecond((Long) claims.get("exp"));
    }
}
