package tutorial.jwt.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenCodec;
import tutorial.jwt.install.tokens.TokenFactory;

/**
 * Our codec against jjwt as another Java service would use it, with its defaults (its own JSON reader,
 * no extra checks): each reads what the other signs, so our stricter reading never refuses a token
 * such a service issues.
 */
class JjwtInteropTest {

    static final long NOW = Instant.parse("2026-01-01T12:00:00Z").getEpochSecond();
    final MutableClock clock = new MutableClock(Instant.ofEpochSecond(NOW));
    final JwtSettings settings = TokenCodecTest.settings(Map.of());
    final TokenCodec codec = new TokenCodec(settings, clock, TokenCodec.Keyring.secret(settings));
    final SecretKey key = new SecretKeySpec(TestServer.SIGNING_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256");

    Claims readByJjwt(String token) {
        return Jwts.parser().verifyWith(key).clock(() -> Date.from(clock.instant())).build()
                .parseSignedClaims(token).getPayload();
    }

    @Test
    void jjwt_reads_what_we_sign() {
        Token made = new TokenFactory(settings, clock).newToken("access", Duration.ofMinutes(5),
                Map.of("user_id", 7L, "username", "zoë"));
        Claims claims = readByJjwt(codec.encode(made));
        assertEquals(made.claim("jti"), claims.getId());
        assertEquals(NOW + 300, claims.getExpiration().toInstant().getEpochSecond());
        assertEquals("access", claims.get("token_type"));
        assertEquals("zoë", claims.get("username"));
        assertEquals(7L, ((Number) claims.get("user_id")).longValue());
    }

    @Test
    void jjwt_refuses_what_we_sign_once_changed() {
        String token = codec.encode(new TokenFactory(settings, clock).newToken("access", Duration.ofMinutes(5),
                Map.of("user_id", 7L)));
        String otherPayload = TestTokens.b64("{\"user_id\":8}");
        String[] parts = token.split("\\.");
        assertThrows(JwtException.class, () -> readByJjwt(parts[0] + "." + otherPayload + "." + parts[2]));
    }

    @Test
    void we_read_what_jjwt_signs() {
        String token = Jwts.builder()
                .header().add("typ", "JWT").and()
                .claims(TestTokens.claims("access", 7L, NOW, NOW + 300))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
        assertEquals(7L, codec.verify(token, "access").claim("user_id"));
    }
}
