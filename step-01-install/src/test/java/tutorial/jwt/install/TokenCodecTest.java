package tutorial.jwt.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tutorial.jwt.foundation.json.StrictJson;
import tutorial.jwt.foundation.settings.Settings;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenCodec;
import tutorial.jwt.install.tokens.TokenError;
import tutorial.jwt.install.tokens.TokenError.Reason;
import tutorial.jwt.install.tokens.TokenFactory;

/** The token core alone: what it signs, and every way a token is refused, with Simple JWT's reason. */
class TokenCodecTest {

    static final long NOW = Instant.parse("2026-01-01T12:00:00Z").getEpochSecond();
    final MutableClock clock = new MutableClock(Instant.ofEpochSecond(NOW));
    final JwtSettings settings = settings(Map.of());
    final TokenCodec codec = codec(settings);
    final TokenFactory factory = new TokenFactory(settings, clock);

    static JwtSettings settings(Map<String, String> environment) {
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.putIfAbsent("JWT_SIGNING_KEY", TestServer.SIGNING_KEY);
        return JwtSettings.read(new Settings(env, Map.of()));
    }

    Reason refusal(String token, String expectedType) {
        return assertThrows(TokenError.class, () -> codec.verify(token, expectedType)).reason();
    }

    String valid(String type, long exp) {
        return TestTokens.hs256(TestTokens.claims(type, 1L, NOW, exp));
    }

    /** Simple JWT's codec, one secret, on this test's clock. */
    TokenCodec codec(JwtSettings chosen) {
        return new TokenCodec(chosen, clock, TokenCodec.Keyring.secret(chosen));
    }

    @Test
    void a_token_it_signed_verifies_with_its_claims() {
        Token made = factory.newToken("refresh", Duration.ofMinutes(5), Map.of("user_id", 7L));
        Token read = codec.verify(codec.encode(made), "refresh");
        assertEquals(made.claims(), read.claims());
    }

    @ParameterizedTest
    @CsvSource({"HS256, HmacSHA256", "HS384, HmacSHA384", "HS512, HmacSHA512"})
    void it_signs_the_compact_form_byte_for_byte(String algorithm, String hmac) {
        JwtSettings chosen = settings(Map.of("JWT_ALGORITHM", algorithm));
        Token made = new TokenFactory(chosen, clock).newToken("access", Duration.ofMinutes(5),
                Map.of("user_id", 7L, "username", "zoë <&>", "is_staff", false));
        String expected = TestTokens.sign("{\"typ\":\"JWT\",\"alg\":\"" + algorithm + "\"}",
                StrictJson.write(made.claims()), hmac, chosen.signingKey()); // the claims in their order, as JSON
        assertEquals(expected, codec(chosen).encode(made));
    }

    @Test
    void expiry_is_exact_to_the_second() {
        String token = valid("access", NOW + 300);
        clock.advance(Duration.ofSeconds(299));
        assertEquals("access", codec.verify(token, "access").claim("token_type"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Reason.EXPIRED, refusal(token, "access"));
    }

    @Test
    void leeway_extends_expiry_by_that_much() {
        TokenCodec lenient = codec(settings(Map.of("JWT_LEEWAY", "PT10S")));
        String token = valid("access", NOW);
        clock.advance(Duration.ofSeconds(9));
        assertEquals("access", lenient.verify(token, null).claim("token_type"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Reason.EXPIRED, assertThrows(TokenError.class, () -> lenient.verify(token, null)).reason());
    }

    @Test
    void the_wrong_type_is_refused_and_no_type_asked_accepts_any() {
        String refresh = valid("refresh", NOW + 60);
        assertEquals(Reason.WRONG_TYPE, refusal(refresh, "access"));
        assertEquals("refresh", codec.verify(refresh, null).claim("token_type"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // payload                                                                   | reason
            "{\"token_type\":\"access\",\"iat\":1,\"jti\":\"a\",\"user_id\":1}            | NO_EXP",
            "{\"token_type\":\"access\",\"exp\":\"9999999999\",\"jti\":\"a\"}            | INVALID",
            "{\"token_type\":\"access\",\"exp\":9999999999.5,\"jti\":\"a\"}             | INVALID",
            "{\"token_type\":\"access\",\"exp\":null,\"jti\":\"a\"}                      | INVALID",
            "{\"token_type\":\"access\",\"exp\":1e400,\"jti\":\"a\"}                     | INVALID",
            "{\"token_type\":\"access\",\"exp\":9999999999,\"iat\":32503680000,\"jti\":\"a\"} | INVALID",
            "{\"token_type\":\"access\",\"exp\":9999999999,\"nbf\":32503680000,\"jti\":\"a\"} | INVALID",
            "{\"token_type\":\"access\",\"exp\":9999999999,\"iat\":\"now\",\"jti\":\"a\"}     | INVALID",
            "{\"token_type\":\"access\",\"exp\":9999999999}                              | NO_ID",
            "{\"token_type\":\"access\",\"exp\":9999999999,\"jti\":42}                   | INVALID",
            "{\"exp\":9999999999,\"jti\":\"a\"}                                          | NO_TYPE",
            "{\"token_type\":\"access\",\"exp\":9999999999,\"jti\":\"a\",\"jti\":\"b\"}  | INVALID",
            "[1, 2, 3]                                                                   | INVALID"})
    void claims_signed_with_the_real_key_are_still_checked(String payload, Reason reason) {
        assertEquals(reason, refusal(TestTokens.hs256(payload), "access"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void an_unsigned_token_is_invalid_in_any_casing(String alg) {
        String payload = TestTokens.b64("{\"token_type\":\"access\",\"exp\":9999999999,\"jti\":\"a\",\"user_id\":1}");
        String header = TestTokens.b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}");
        assertEquals(Reason.INVALID, refusal(header + "." + payload + ".", "access"));
        assertEquals(Reason.INVALID, refusal(header + "." + payload, "access"));
    }

    @ParameterizedTest
    @CsvSource({"HS384, HmacSHA384", "HS512, HmacSHA512"})
    void another_algorithm_with_the_same_secret_is_invalid(String alg, String hmac) {
        String token = TestTokens.sign("{\"alg\":\"" + alg + "\"}",
                "{\"token_type\":\"access\",\"exp\":9999999999,\"jti\":\"a\"}", hmac, TestServer.SIGNING_KEY);
        assertEquals(Reason.INVALID, refusal(token, "access"));
    }

    @Test
    void another_key_stripped_or_altered_signatures_are_invalid() {
        String good = valid("access", NOW + 60);
        String otherKey = TestTokens.sign("{\"alg\":\"HS256\"}", "{\"token_type\":\"access\",\"exp\":9999999999,\"jti\":\"a\"}",
                "HmacSHA256", "another-key-of-plenty-length-0123456789-abcdefghijklmnopqrstuvwxyz");
        String[] parts = good.split("\\.");
        char last = parts[2].charAt(0);
        String altered = parts[0] + "." + parts[1] + "." + (last == 'A' ? 'B' : 'A') + parts[2].substring(1);
        for (String token : new String[] {otherKey, parts[0] + "." + parts[1] + ".", altered,
                parts[0] + "." + parts[1] + "." + parts[2].substring(0, 20)}) {
            assertEquals(Reason.INVALID, refusal(token, "access"), token);
        }
    }

    @Test
    void an_expired_token_with_a_bad_signature_is_invalid_not_expired() {
        String forged = TestTokens.sign("{\"alg\":\"HS256\"}", "{\"token_type\":\"access\",\"exp\":1,\"jti\":\"a\"}",
                "HmacSHA256", "another-key-of-plenty-length-0123456789-abcdefghijklmnopqrstuvwxyz");
        assertEquals(Reason.INVALID, refusal(forged, "access"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "a.b", "a.b.c.d", "a.b.c.d.e", "eyJ.eyJ.sig!", "é.é.é", "a..b"})
    void malformed_tokens_are_invalid(String token) {
        assertEquals(Reason.INVALID, refusal(token, "access"));
    }

    @Test
    void a_good_token_with_a_character_outside_base64url_is_invalid() {
        String good = valid("access", NOW + 60);
        for (String token : new String[] {good + ",", good + "=", good + " ", good.replaceFirst("\\.", "!.")}) {
            assertEquals(Reason.INVALID, refusal(token, "access"), token);
        }
    }

    @Test
    void a_huge_token_is_refused_before_parsing() {
        assertEquals(Reason.INVALID, refusal("a".repeat(16 * 1024) + ".b.c", "access"));
    }

    @Test
    void a_header_that_changes_how_the_token_is_read_is_refused() {
        String token = TestTokens.sign("{\"alg\":\"HS256\",\"crit\":[\"exp\"]}",
                "{\"token_type\":\"access\",\"exp\":9999999999,\"jti\":\"a\"}", "HmacSHA256", TestServer.SIGNING_KEY);
        assertEquals(Reason.INVALID, refusal(token, "access"));
    }

    @Test
    void audience_and_issuer_are_added_and_required_when_configured() {
        JwtSettings strict = settings(Map.of("JWT_AUDIENCE", "api", "JWT_ISSUER", "https://issuer.example"));
        TokenCodec strictCodec = codec(strict);
        Token made = new TokenFactory(strict, clock).newToken("access", Duration.ofMinutes(5), Map.of("user_id", 1L));
        assertEquals("api", strictCodec.verify(strictCodec.encode(made), "access").claim("aud"));
        assertEquals(Reason.INVALID, assertThrows(TokenError.class,
                () -> strictCodec.verify(valid("access", NOW + 60), "access")).reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // aud and iss of a token signed with the real key                  | valid?
            "\"aud\":\"api\",\"iss\":\"https://issuer.example\"                    | true",
            "\"aud\":[\"web\",\"api\"],\"iss\":\"https://issuer.example\"         | true",
            "\"aud\":[\"web\"],\"iss\":\"https://issuer.example\"                 | false",
            "\"aud\":\"API\",\"iss\":\"https://issuer.example\"                    | false",
            "\"aud\":7,\"iss\":\"https://issuer.example\"                          | false",
            "\"aud\":[7],\"iss\":\"https://issuer.example\"                        | false",
            "\"aud\":null,\"iss\":\"https://issuer.example\"                       | false",
            "\"iss\":\"https://issuer.example\"                                     | false",
            "\"aud\":\"api\",\"iss\":\"https://other.example\"                     | false",
            "\"aud\":\"api\",\"iss\":[\"https://issuer.example\"]                   | false",
            "\"aud\":\"api\"                                                      | false"})
    void the_configured_audience_may_be_one_of_a_list_and_the_issuer_must_match_exactly(String audIss, boolean valid) {
        TokenCodec strict = codec(settings(Map.of("JWT_AUDIENCE", "api", "JWT_ISSUER", "https://issuer.example")));
        String token = TestTokens.hs256("{\"token_type\":\"access\",\"exp\":" + (NOW + 60) + ",\"jti\":\"a\"," + audIss + "}");
        if (valid) {
            assertEquals("a", strict.verify(token, "access").claim("jti"));
        } else {
            assertEquals(Reason.INVALID, assertThrows(TokenError.class, () -> strict.verify(token, "access")).reason());
        }
    }

    @Test
    void a_signature_spelt_with_other_base64_tail_bits_still_verifies_as_pyjwt_accepts_it() {
        String good = valid("access", NOW + 60);
        String signature = good.substring(good.lastIndexOf('.') + 1); // 43 characters for 32 bytes: 2 unused bits
        char last = signature.charAt(signature.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char sameBytes = alphabet.charAt(alphabet.indexOf(last) ^ 1); // flips an unused bit only
        String respelt = good.substring(0, good.length() - 1) + sameBytes;
        assertEquals("access", codec.verify(respelt, "access").claim("token_type"));
        // Which is why a token is revoked by its jti (step 6), never by its string.
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MAX_VALUE, Long.MIN_VALUE, 253_402_300_800L, -62_135_596_801L})
    void a_time_outside_years_1_to_9999_is_invalid_not_a_crash(long seconds) {
        String exp = TestTokens.hs256("{\"token_type\":\"access\",\"exp\":" + seconds + ",\"iat\":" + NOW + ",\"jti\":\"a\"}");
        assertEquals(Reason.INVALID, refusal(exp, "access"));
        String iat = TestTokens.hs256("{\"token_type\":\"access\",\"exp\":" + (NOW + 60) + ",\"iat\":" + seconds + ",\"jti\":\"a\"}");
        assertEquals(Reason.INVALID, refusal(iat, "access"));
        String nbf = TestTokens.hs256("{\"token_type\":\"access\",\"exp\":" + (NOW + 60) + ",\"nbf\":" + seconds + ",\"jti\":\"a\"}");
        assertEquals(Reason.INVALID, refusal(nbf, "access"));
    }

    @Test
    void the_last_second_of_year_9999_is_still_a_time() {
        String token = TestTokens.hs256("{\"token_type\":\"access\",\"exp\":253402300799,\"iat\":" + NOW + ",\"jti\":\"a\"}");
        assertEquals("access", codec.verify(token, "access").claim("token_type"));
    }
}
