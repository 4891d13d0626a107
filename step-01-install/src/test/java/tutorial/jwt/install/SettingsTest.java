package tutorial.jwt.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tutorial.jwt.foundation.settings.ServerSettings;
import tutorial.jwt.foundation.settings.Settings;
import tutorial.jwt.foundation.settings.SettingsException;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.settings.SigningKey;

/** Settings: Simple JWT's defaults, a step's own values, and the environment over both. */
class SettingsTest {

    @Test
    void defaults_are_simple_jwt_s() {
        JwtSettings jwt = JwtSettings.read(new Settings(Map.of(), Map.of()));
        assertEquals(Duration.ofMinutes(5), jwt.accessTokenLifetime());
        assertEquals(Duration.ofDays(1), jwt.refreshTokenLifetime());
        assertFalse(jwt.rotateRefreshTokens());
        assertFalse(jwt.blacklistAfterRotation());
        assertFalse(jwt.updateLastLogin());
        assertEquals("HS256", jwt.algorithm());
        assertEquals(Duration.ZERO, jwt.leeway());
        assertEquals(List.of("Bearer"), jwt.authHeaderTypes());
        assertEquals("user_id", jwt.userIdClaim());
        assertEquals("token_type", jwt.tokenTypeClaim());
        assertEquals("jti", jwt.jtiClaim());
        assertTrue(jwt.checkUserIsActive());
        assertEquals(List.of("AccessToken"), jwt.authTokenClasses());
        ServerSettings server = new Settings(Map.of(), Map.of()).server();
        assertEquals(8000, server.port());
        assertEquals("jdbc:sqlite:db.sqlite3", server.databaseUrl());
        assertEquals(600_000, server.passwordIterations());
    }

    @Test
    void the_environment_overrides_the_step_s_values_which_override_the_defaults() {
        Map<String, String> step = Map.of("REFRESH_TOKEN_LIFETIME", "P15D", "ROTATE_REFRESH_TOKENS", "true");
        JwtSettings fromStep = JwtSettings.read(new Settings(Map.of(), step));
        assertEquals(Duration.ofDays(15), fromStep.refreshTokenLifetime());
        assertTrue(fromStep.rotateRefreshTokens());

        JwtSettings fromEnv = JwtSettings.read(new Settings(Map.of("JWT_REFRESH_TOKEN_LIFETIME", "PT1H",
                "JWT_ACCESS_TOKEN_LIFETIME", "PT2S", "JWT_AUTH_HEADER_TYPES", "Bearer, JWT", "PORT", "9001"), step));
        assertEquals(Duration.ofHours(1), fromEnv.refreshTokenLifetime());
        assertEquals(Duration.ofSeconds(2), fromEnv.accessTokenLifetime());
        assertEquals(List.of("Bearer", "JWT"), fromEnv.authHeaderTypes());
    }

    @Test
    void token_classes_are_named_as_simple_jwt_names_them_short_or_with_their_python_path() {
        JwtSettings jwt = JwtSettings.read(new Settings(Map.of("JWT_AUTH_TOKEN_CLASSES",
                "rest_framework_simplejwt.tokens.AccessToken, SlidingToken"), Map.of()));
        assertEquals(List.of("AccessToken", "SlidingToken"), jwt.authTokenClasses());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "JWT_ACCESS_TOKEN_LIFETIME | 5m    | JWT_ACCESS_TOKEN_LIFETIME=5m is not an ISO-8601 duration",
            "JWT_ACCESS_TOKEN_LIFETIME | PT0S  | must be at least one second",
            "JWT_LEEWAY                | -PT5S | must not be negative",
            "JWT_ROTATE_REFRESH_TOKENS | maybe | is not a boolean",
            "JWT_ALGORITHM             | RS256 | JWT_ALGORITHM=RS256 is not supported",
            "JWT_ALGORITHM             | none  | JWT_ALGORITHM=none is not supported",
            "JWT_USER_ID_FIELD         | email | JWT_USER_ID_FIELD=email is not supported",
            "JWT_AUTH_TOKEN_CLASSES    | RefreshToken | JWT_AUTH_TOKEN_CLASSES names RefreshToken: use AccessToken, SlidingToken",
            "PORT                      | http  | PORT=http is not a whole number",
            "PORT                      | 70000 | PORT=70000 must be between 0 and 65535",
            "PASSWORD_ITERATIONS       | 0     | PASSWORD_ITERATIONS=0 must be between"})
    void a_bad_value_is_refused_with_a_message_naming_the_variable(String name, String value, String message) {
        Map<String, String> environment = Map.of(name, value);
        SettingsException e = assertThrows(SettingsException.class, () -> {
            JwtSettings.read(new Settings(environment, Map.of()));
            new Settings(environment, Map.of()).server();
        });
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"HS256, 31, 32", "HS384, 47, 48", "HS512, 63, 64"})
    void a_key_shorter_than_the_algorithm_needs_is_refused(String algorithm, int length, int needed, @TempDir Path dir) {
        JwtSettings jwt = JwtSettings.read(new Settings(Map.of("JWT_ALGORITHM", algorithm, "JWT_SIGNING_KEY", "k".repeat(length)), Map.of()));
        SettingsException e = assertThrows(SettingsException.class, () -> SigningKey.resolve(jwt, dir, line -> { }));
        assertEquals("JWT_SIGNING_KEY is " + length + " bytes long; " + algorithm + " needs at least " + needed
                + " bytes (" + needed * 8 + " bits). Generate one with: openssl rand -base64 " + needed, e.getMessage());
        assertEquals("k".repeat(needed), SigningKey.resolve(
                JwtSettings.read(new Settings(Map.of("JWT_ALGORITHM", algorithm, "JWT_SIGNING_KEY", "k".repeat(needed)), Map.of())),
                dir, line -> { }).signingKey());
    }

    @Test
    void without_a_key_a_development_key_is_made_once_kept_and_announced(@TempDir Path dir) throws Exception {
        JwtSettings jwt = JwtSettings.read(new Settings(Map.of(), Map.of()));
        List<String> log = new ArrayList<>();
        String first = SigningKey.resolve(jwt, dir, log::add).signingKey();
        String second = SigningKey.resolve(jwt, dir, log::add).signingKey();
        assertEquals(first, second);
        assertEquals(first, Files.readString(dir.resolve(".jwt-signing-key")).trim());
        assertTrue(first.length() >= 64);
        assertEquals(List.of(
                "No JWT_SIGNING_KEY set: using the development key in .jwt-signing-key (generated now). Set JWT_SIGNING_KEY in production.",
                "No JWT_SIGNING_KEY set: using the development key in .jwt-signing-key. Set JWT_SIGNING_KEY in production."), log);
    }
}
