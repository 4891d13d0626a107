package tutorial.jwt.browser;

import tutorial.jwt.blacklist.BlacklistingRefreshExchange;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenCodec;
import tutorial.jwt.install.tokens.TokenError;
import tutorial.jwt.install.tokens.TokenFactory;

/**
 * Step 6's single-use rotation, with reuse detection (RFC 9700, section 4.14): a refresh token that
 * was already rotated or logged out, presented again, means two parties hold copies of it, the user
 * and perhaps a thief. It is refused, as in step 6, and its whole family is blacklisted, so the
 * successors of both stop working.
 */
final class FamilyRefreshExchange extends BlacklistingRefreshExchange {

    private final FamilyBlacklist families;

    FamilyRefreshExchange(TokenFactory tokens, TokenCodec codec, JwtSettings settings, FamilyBlacklist families) {
        super(tokens, codec, settings, families);
        this.families = families;
    }

    @Override
    public Token verified(String raw) {
        try {
            return super.verified(raw);
        } catch (TokenError e) {
            if (e.reason() == TokenError.Reason.BLACKLISTED) {
                families.reused(codec.verify(raw, TokenFactory.REFRESH)); // signed by us and unexpired: super checked
            }
            throw e;
        }
    }

    /** Two requests raced with one token: the loser presented a token the winner had just rotated. */
    @Override
    protected void rotated(Token old, Token rotated, String encoded) {
        try {
            super.rotated(old, rotated, encoded);
        } catch (TokenError e) {
            families.reused(old);
            throw e;
        }
    }
}
