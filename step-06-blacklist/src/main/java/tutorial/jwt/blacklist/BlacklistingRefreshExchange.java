package tutorial.jwt.blacklist;

import java.util.Map;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenCodec;
import tutorial.jwt.install.tokens.TokenError;
import tutorial.jwt.install.tokens.TokenFactory;
import tutorial.jwt.refresh.RotatingRefreshExchange;

/**
 * Step 4's rotation with {@code BLACKLIST_AFTER_ROTATION}: a blacklisted refresh token is refused, the
 * token being rotated is blacklisted before the new pair is made, and the new refresh token is
 * recorded. The blacklisting is the database's single conditional write, so of two requests racing
 * with the same refresh token, exactly one gets a new pair.
 */
public final class BlacklistingRefreshExchange extends RotatingRefreshExchange {

    private final TokenBlacklist blacklist;

    public BlacklistingRefreshExchange(TokenFactory tokens, TokenCodec codec, JwtSettings settings,
                                       TokenBlacklist blacklist) {
        super(tokens, codec, settings);
        this.blacklist = blacklist;
    }

    @Override
    public Token verified(String raw) {
        Token refresh = super.verified(raw);
        if (blacklist.isBlacklisted(blacklist.jtiOf(refresh))) {
            throw new TokenError(TokenError.Reason.BLACKLISTED);
        }
        return refresh;
    }

    @Override
    public Map<String, String> exchange(Token refresh) {
        if (settings.rotateRefreshTokens() && settings.blacklistAfterRotation()
                && !blacklist.blacklist(refresh, codec.encode(refresh))) {
            throw new TokenError(TokenError.Reason.BLACKLISTED); // another request rotated it first
        }
        return super.exchange(refresh);
    }

    @Override
    protected Token rotate(Token refresh) {
        Token rotated = super.rotate(refresh);
        blacklist.recordOutstanding(rotated, codec.encode(rotated));
        return rotated;
    }
}
