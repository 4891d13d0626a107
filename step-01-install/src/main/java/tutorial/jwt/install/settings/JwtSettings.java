package tutorial.jwt.install.settings;

import java.time.Duration;
import java.util.List;

/**
 * Simple JWT's {@code SIMPLE_JWT} dictionary as a Java record: the same keys, the same defaults.
 * {@link SettingsLoader} fills it from a step's own values and the {@code JWT_<SETTING>} environment.
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

    /** A copy with another signing key: the development key is only known once the settings are read. */
    public JwtSettings withSigningKey(String key) {
        return new JwtSettings(accessTokenLifetime, refreshTokenLifetime, rotateRefreshTokens,
                blacklistAfterRotation, updateLastLogin, algorithm, key, audience, issuer, leeway,
                authHeaderTypes, authHeaderName, userIdField, userIdClaim, tokenTypeClaim, jtiClaim,
                checkUserIsActive, slidingTokenLifetime, slidingTokenRefreshLifetime,
                slidingTokenRefreshExpClaim, authTokenClasses);
    }
}
