package tutorial.jwt.blacklist;

import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenCodec;
import tutorial.jwt.install.tokens.TokenError;
import tutorial.jwt.install.tokens.TokenFactory;
import tutorial.jwt.refresh.RotatingRefreshExchange;

/**
 * Step 4's rotation with {@code BLACKLIST_AFTER_ROTATION}: a blacklisted refresh token is refused, and
 * the token being rotated is blacklisted in the transaction that records the new one, before the new
 * pair is answered. The blacklisting is the database's single conditional write, so of two requests
 * racing with the same refresh token, exactly one gets a new pair.
 */
public class BlacklistingRefreshExchange extends RotatingRefreshExchange {

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

    /** Simple JWT blacklists the old token and records the new one; here both in one transaction. */
    @Override
    protected void rotated(Token old, Token rotated, String encoded) {
        if (!settings.blacklistAfterRotation()) {
            blacklist.recordOutstanding(rotated, encoded);
        } else if (!blacklist.rotate(old, rotated, encoded)) {
            throw new TokenError(TokenError.Reason.BLACKLISTED); // another request rotated it first
        }
    }
}
