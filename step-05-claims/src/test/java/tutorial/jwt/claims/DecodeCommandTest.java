package tutorial.jwt.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tutorial.jwt.install.CliRunner;
import tutorial.jwt.install.TestTokens;

/** ./run 5 decode on valid, tampered, expired and malformed tokens. */
class DecodeCommandTest {

    @TempDir
    Path dir;
    CliRunner cli;
    long now = Instant.now().getEpochSecond();

    @BeforeEach
    void setUp() {
        cli = new CliRunner(new Main(), dir);
    }

    String token(long exp) {
        Map<String, Object> claims = TestTokens.claims("access", 1L, now, exp);
        claims.put("username", "your_username");
        return TestTokens.hs256(claims);
    }

    @Test
    void a_valid_token_is_shown_with_its_username_and_readable_times() {
        assertEquals(0, cli.run("", "decode", token(now + 300)), cli.err);
        assertTrue(cli.out.startsWith("Header:\n  alg: \"HS256\"\n  typ: \"JWT\"\nPayload:\n  token_type: \"access\"\n"), cli.out);
        String exp = "  exp: " + (now + 300) + "  (" + Instant.ofEpochSecond(now + 300) + ", in ";
        assertTrue(cli.out.contains(exp + "5m 0s)") || cli.out.contains(exp + "4m 59s)"), cli.out);
        assertTrue(cli.out.contains("  username: \"your_username\"\n"), cli.out);
        assertTrue(cli.out.endsWith("Signature: checks out with the configured key (HS256).\nVerdict: valid.\n"), cli.out);
    }

    @Test
    void a_tampered_token_is_decoded_but_its_signature_does_not_check_out() {
        String good = token(now + 300);
        String[] parts = good.split("\\.");
        String forged = parts[0] + "." + TestTokens.b64("{\"token_type\":\"access\",\"exp\":" + (now + 300)
                + ",\"jti\":\"x\",\"user_id\":1,\"username\":\"admin\"}") + "." + parts[2];
        assertEquals(1, cli.run("", "decode", forged));
        assertTrue(cli.out.contains("  username: \"admin\""), "the payload is readable by anyone");
        assertTrue(cli.out.endsWith("Signature: does NOT check out with the configured key, or the token is malformed.\n"
                + "Verdict: refused: Token is invalid.\n"), cli.out);
    }

    @Test
    void an_expired_token_checks_out_but_is_refused_as_expired() {
        assertEquals(1, cli.run("", "decode", token(now - 120)));
        assertTrue(cli.out.contains("  exp: " + (now - 120) + "  (" + Instant.ofEpochSecond(now - 120) + ", 2m "), cli.out);
        assertTrue(cli.out.endsWith("Verdict: refused: Token is expired.\n"), cli.out);
    }

    @Test
    void a_time_beyond_year_9999_is_shown_as_a_number_and_refused_not_a_crash() {
        String huge = TestTokens.hs256("{\"token_type\":\"access\",\"exp\":9223372036854775807,\"iat\":" + now
                + ",\"jti\":\"0123456789abcdef0123456789abcdef\",\"user_id\":1}");
        assertEquals(1, cli.run("", "decode", huge), cli.err);
        assertTrue(cli.out.contains("  exp: 9223372036854775807\n"), cli.out);
        assertTrue(cli.out.endsWith("Verdict: refused: Token is invalid.\n"), cli.out);
        assertEquals("", cli.err);
    }

    @Test
    void something_that_is_not_a_jwt_is_one_clear_error() {
        assertEquals(1, cli.run("", "decode", "hello"));
        assertEquals("Error: not a JWT: expected three base64url parts separated by dots.\n", cli.err);
        assertEquals(1, cli.run("", "decode", "a.b.c"));
        assertEquals("Error: not a JWT: a part is not base64url-encoded JSON.\n", cli.err);
    }
}
