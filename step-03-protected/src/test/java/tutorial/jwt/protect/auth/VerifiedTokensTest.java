package tutorial.jwt.protect.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tutorial.jwt.foundation.settings.Settings;
import tutorial.jwt.install.MutableClock;
import tutorial.jwt.install.TestServer;
import tutorial.jwt.install.TestTokens;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenCodec;
import tutorial.jwt.install.tokens.TokenError;

/** The tokens JwtAuthentication remembers: only good ones, never past their expiry, never too many. */
class VerifiedTokensTest {

    static final long NOW = Instant.parse("2026-01-01T12:00:00Z").getEpochSecond();
    final MutableClock clock = new MutableClock(Instant.ofEpochSecond(NOW));
    final TokenCodec codec = new TokenCodec(settings(), clock, TokenCodec.Keyring.secret(settings()));
    final VerifiedTokens verified = new VerifiedTokens(codec);
    final AtomicInteger checks = new AtomicInteger();
    final Function<String, Token> countingCheck = raw -> {
        checks.incrementAndGet();
        return codec.verify(raw, "access");
    };

    static JwtSettings settings() {
        Map<String, String> env = new HashMap<>();
        env.put("JWT_SIGNING_KEY", TestServer.SIGNING_KEY);
        return JwtSettings.read(new Settings(env, Map.of()));
    }

    static String access(long userId, long exp) {
        return TestTokens.hs256(TestTokens.claims("access", userId, NOW, exp));
    }

    @Test
    void a_token_is_checked_once_then_remembered() {
        String token = access(1, NOW + 300);
        Token first = verified.get(token, countingCheck);
        assertSame(first, verified.get(token, countingCheck));
        assertSame(first, verified.get(token, countingCheck));
        assertEquals(1, checks.get());
    }

    @Test
    void a_refused_token_is_checked_every_time_and_never_remembered() {
        String forged = access(1, NOW + 300).replaceAll(".$", "A").replaceAll(".$", "B");
        for (int i = 0; i < 3; i++) {
            assertThrows(TokenError.class, () -> verified.get(forged, countingCheck));
        }
        assertEquals(3, checks.get());
        assertEquals(0, verified.size());
    }

    @Test
    void a_remembered_token_is_checked_again_once_it_has_expired() {
        String token = access(1, NOW + 300);
        verified.get(token, countingCheck);
        clock.advance(Duration.ofSeconds(300));
        TokenError expired = assertThrows(TokenError.class, () -> verified.get(token, countingCheck));
        assertEquals(TokenError.Reason.EXPIRED, expired.reason());
        assertEquals(2, checks.get());
    }

    @Test
    void it_never_holds_more_than_its_capacity() {
        for (long user = 1; user <= VerifiedTokens.CAPACITY + 10; user++) {
            verified.get(access(user, NOW + 300), countingCheck);
        }
        assertTrue(verified.size() <= VerifiedTokens.CAPACITY, "holds " + verified.size());
        assertTrue(verified.size() > 0);
    }

    @Test
    void when_full_it_drops_expired_tokens_first() {
        String lasting = access(0, NOW + 3600);
        verified.get(lasting, countingCheck);
        for (long user = 1; user < VerifiedTokens.CAPACITY; user++) {
            verified.get(access(user, NOW + 60), countingCheck);
        }
        clock.advance(Duration.ofSeconds(120)); // all but the first have expired
        verified.get(access(VerifiedTokens.CAPACITY, NOW + 3600), countingCheck);
        assertEquals(2, verified.size());
        int before = checks.get();
        verified.get(lasting, countingCheck);
        assertEquals(before, checks.get(), "the unexpired token was kept");
    }
}
