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
            Token rotated = tokens.newToken(TokenFactory.REFRESH, settings.refreshTokenLifetime(),
                    tokens.carriedClaims(refresh)); // same claims, a new jti and a new lifetime from now
            String encoded = codec.encode(rotated);
            rotated(refresh, rotated, encoded);
            body.put("refresh", encoded);
        }
        return body;
    }

    /** Called once {@code rotated} (signed: {@code encoded}) replaces {@code old}. Step 6 blacklists {@code old} here. */
    protected void rotated(Token old, Token rotated, String encoded) {
    }
}
