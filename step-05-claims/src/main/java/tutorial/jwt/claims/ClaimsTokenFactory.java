package tutorial.jwt.claims;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import tutorial.jwt.foundation.settings.SettingsException;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.tokens.TokenFactory;

/**
 * The tutorial's "custom claims" override: Simple JWT's {@code get_token}, which calls the parent and
 * then sets {@code token["username"]}. Every token made for a user (pair, rotation, sliding) carries
 * these claims, and a refresh copies them into the new access token.
 */
public class ClaimsTokenFactory extends TokenFactory {

    /** The claims this step adds, and where each comes from. Anyone can read them: no secrets here. */
    private static final Map<String, Function<User, Object>> CUSTOM_CLAIMS = customClaims();

    public ClaimsTokenFactory(JwtSettings settings, Clock clock) {
        super(settings, clock);
        refuseReservedNames(CUSTOM_CLAIMS.keySet());
    }

    @Override
    public Map<String, Object> claimsFor(User user) {
        Map<String, Object> claims = new LinkedHashMap<>(super.claimsFor(user));
        CUSTOM_CLAIMS.forEach((name, read) -> claims.put(name, read.apply(user)));
        return claims;
    }

    private static Map<String, Function<User, Object>> customClaims() {
        Map<String, Function<User, Object>> claims = new LinkedHashMap<>();
        claims.put("username", User::username);
        claims.put("email", User::email);
        claims.put("is_staff", User::isStaff);
        return claims;
    }

    /**
     * A custom claim must never replace one that the token machinery relies on: a custom
     * {@code user_id} or {@code exp} would silently change who the token names or when it expires.
     */
    void refuseReservedNames(Set<String> names) {
        Set<String> reserved = new TreeSet<>(List.of("token_type", "exp", "iat", "nbf", "jti", "user_id", "aud", "iss",
                settings.tokenTypeClaim(), settings.jtiClaim(), settings.userIdClaim(),
                settings.slidingTokenRefreshExpClaim()));
        for (String name : names) {
            if (reserved.contains(name)) {
                throw new SettingsException("The custom claim '" + name + "' would overwrite a reserved claim."
                        + " Reserved: " + String.join(", ", reserved)
                        + ". Rename the custom claim, or the setting that reserves that name (e.g. JWT_USER_ID_CLAIM).");
            }
        }
    }
}
