package tutorial.jwt.refresh;

import java.util.Map;
import tutorial.jwt.endpoints.RefreshExchange;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenCodec;
import tutorial.jwt.install.tokens.TokenFactory;

/**
 * Step 2's exchange with {@code ROTATE_REFRESH_TOKENS}: a refresh also returns a new refresh token,
 * with the old one's claims and a new {@code jti}, {@code exp} and {@code iat}. A client that keeps
 * refreshing never has to log in again while it comes back within the refresh lifetime.
 */
public class RotatingRefreshExchange extends RefreshExchange {

    protected final JwtSettings settings;

    public RotatingRefreshExchange(TokenFactory tokens, TokenCodec codec, JwtSettings settings) {
        super(tokens, codec);
        this.settings = settings;
    }

    @Override
    public Map<String, String> exchange(Token refresh) {
        Map<String, String> body = super.exchange(refresh);
        if (settings.rotateRefreshTokens()) {
            body.put("refresh", codec.encode(rotate(refresh)));
        }
        return body;
    }

    /** The refresh token that replaces {@code refresh}: same claims, new lifetime from now. */
    protected Token rotate(Token refresh) {
        return tokens.newToken(TokenFactory.REFRESH, settings.refreshTokenLifetime(), tokens.carriedClaims(refresh));
    }
}
