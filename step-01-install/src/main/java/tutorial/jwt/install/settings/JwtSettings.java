package tutorial.jwt.install.settings;

import java.time.Duration;
import java.util.List;
import tutorial.jwt.foundation.settings.Settings;
import tutorial.jwt.foundation.settings.SettingsException;

/**
 * Simple JWT's {@code SIMPLE_JWT} dictionary as a Java record: the same keys, the same defaults.
 * {@link #read} fills it from a step's own values and the {@code JWT_<SETTING>} environment.
 */
public record JwtSettings(
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        boolean rotateRefreshTokens,
        boolean blacklistAfterRotation,
        boolean updateLastLogin,
        String algorithm,
        String signingKey,
        String audience,
        String issuer,
        Duration leeway,
        List<String> authHeaderTypes,
        String authHeaderName,
        String userIdField,
        String userIdClaim,
        String tokenTypeClaim,
        String jtiClaim,
        boolean checkUserIsActive,
        Duration slidingTokenLifetime,
        Duration slidingTokenRefreshLifetime,
        String slidingTokenRefreshExpClaim,
        List<String> authTokenClasses) {

    /** Each value from {@code JWT_<NAME>} in the environment, else the step's value, else Simple JWT's default. */
    public static JwtSettings read(Settings settings) {
        return read(settings, List.of("HS256", "HS384", "HS512")); // HMAC: one secret signs and verifies
    }

    /** The same, for a step that offers other {@code algorithms}. */
    public static JwtSettings read(Settings settings, List<String> algorithms) {
        Settings.Group simpleJwt = settings.group("JWT_");
        return new JwtSettings(
                lifetime(simpleJwt, "ACCESS_TOKEN_LIFETIME", "PT5M"),
                lifetime(simpleJwt, "REFRESH_TOKEN_LIFETIME", "P1D"),
                simpleJwt.flag("ROTATE_REFRESH_TOKENS", false),
                simpleJwt.flag("BLACKLIST_AFTER_ROTATION", false),
                simpleJwt.flag("UPDATE_LAST_LOGIN", false),
                simpleJwt.oneOf("ALGORITHM", "HS256", algorithms),
                simpleJwt.text("SIGNING_KEY", null),
                simpleJwt.text("AUDIENCE", null),
                simpleJwt.text("ISSUER", null),
                simpleJwt.duration("LEEWAY", "PT0S"),
                simpleJwt.list("AUTH_HEADER_TYPES", "Bearer"),
                simpleJwt.text("AUTH_HEADER_NAME", "Authorization"),
                simpleJwt.oneOf("USER_ID_FIELD", "id", List.of("id", "username")),
                simpleJwt.text("USER_ID_CLAIM", "user_id"),
                simpleJwt.text("TOKEN_TYPE_CLAIM", "token_type"),
                simpleJwt.text("JTI_CLAIM", "jti"),
                simpleJwt.flag("CHECK_USER_IS_ACTIVE", true),
                lifetime(simpleJwt, "SLIDING_TOKEN_LIFETIME", "PT5M"),
                lifetime(simpleJwt, "SLIDING_TOKEN_REFRESH_LIFETIME", "P1D"),
                simpleJwt.text("SLIDING_TOKEN_REFRESH_EXP_CLAIM", "refresh_exp"),
                tokenClasses(simpleJwt, "AUTH_TOKEN_CLASSES", "AccessToken"));
    }

    /** A token lifetime: at least one second, as JWT times are whole seconds. */
    private static Duration lifetime(Settings.Group simpleJwt, String name, String fallback) {
        Duration duration = simpleJwt.duration(name, fallback);
        if (duration.getSeconds() < 1) {
            throw new SettingsException(simpleJwt.variable(name) + "=" + simpleJwt.text(name, fallback)
                    + " must be at least one second (PT1S).");
        }
        return duration;
    }

    /**
     * Token class names, as Simple JWT's {@code AUTH_TOKEN_CLASSES} lists them: {@code AccessToken},
     * {@code SlidingToken}, or their full Python paths ({@code rest_framework_simplejwt.tokens.AccessToken}).
     */
    private static List<String> tokenClasses(Settings.Group simpleJwt, String name, String fallback) {
        List<String> classes = simpleJwt.list(name, fallback).stream()
                .map(value -> value.substring(value.lastIndexOf('.') + 1)).distinct().toList();
        for (String tokenClass : classes) {
            if (!List.of("AccessToken", "SlidingToken").contains(tokenClass)) {
                throw new SettingsException(simpleJwt.variable(name) + " names " + tokenClass
                        + ": use AccessToken, SlidingToken, or both (comma-separated).");
            }
        }
        return classes;
    }

    /** A copy with another signing key: the development key is only known once the settings are read. */
    public JwtSettings withSigningKey(String key) {
        return new JwtSettings(accessTokenLifetime, refreshTokenLifetime, rotateRefreshTokens,
                blacklistAfterRotation, updateLastLogin, algorithm, key, audience, issuer, leeway,
                authHeaderTypes, authHeaderName, userIdField, userIdClaim, tokenTypeClaim, jtiClaim,
                checkUserIsActive, slidingTokenLifetime, slidingTokenRefreshLifetime,
                slidingTokenRefreshExpClaim, authTokenClasses);
    }
}
