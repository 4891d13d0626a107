package tutorial.jwt.install.tokens;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.install.settings.JwtSettings;

/**
 * How a user's tokens are made: Simple JWT's {@code RefreshToken.for_user(user)} and
 * {@code refresh.access_token}. Override {@link #claimsFor(User)} to put more in every token, the
 * way the tutorial overrides {@code TokenObtainPairSerializer.get_token}.
 */
public class TokenFactory {

    public static final String ACCESS = "access";
    public static final String REFRESH = "refresh";

    protected final JwtSettings settings;
    private final Clock clock;

    public TokenFactory(JwtSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** A new refresh token for {@code user}: what login hands out. */
    public Token refreshFor(User user) {
        return newToken(REFRESH, settings.refreshTokenLifetime(), claimsFor(user));
    }

    /**
     * An access token made from a refresh token: the refresh token's claims (the user id and any
     * custom claims) with a fresh type, {@code exp}, {@code iat} and {@code jti}.
     */
    public Token accessFrom(Token refresh) {
        return newToken(ACCESS, settings.accessTokenLifetime(), carriedClaims(refresh));
    }

    /** What every token for {@code user} says about them. Simple JWT's default: the user id alone. */
    public Map<String, Object> claimsFor(User user) {
        Object id = "username".equals(settings.userIdField()) ? user.username() : user.id();
        return Map.of(settings.userIdClaim(), id);
    }

    /** A token's claims without those that belong to that one token: type, times and id. */
    public Map<String, Object> carriedClaims(Token token) {
        Map<String, Object> carried = new LinkedHashMap<>(token.claims());
        carried.keySet().removeAll(List.of(settings.tokenTypeClaim(), "exp", "iat", settings.jtiClaim(), "jti"));
        return carried;
    }

    /** A token of {@code type}, valid for {@code lifetime} from now, carrying {@code claims}. */
    public Token newToken(String type, Duration lifetime, Map<String, Object> claims) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put(settings.tokenTypeClaim(), type);
        payload.put("exp", now + lifetime.toSeconds());
        payload.put("iat", now);
        payload.put(settings.jtiClaim(), UUID.randomUUID().toString().replace("-", ""));
        payload.putAll(claims);
        if (settings.audience() != null) {
            payload.put("aud", settings.audience());
        }
        if (settings.issuer() != null) {
            payload.put("iss", settings.issuer());
        }
        return new Token(payload);
    }
}
