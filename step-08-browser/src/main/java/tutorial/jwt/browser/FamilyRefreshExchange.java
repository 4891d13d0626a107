package tutorial.jwt.browser;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * successors of both stop working; one audit line is logged, without the token.
 */
final class FamilyRefreshExchange extends BlacklistingRefreshExchange {

    private static final Logger AUDIT = LoggerFactory.getLogger("tutorial.jwt.audit");

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
                reused(codec.verify(raw, TokenFactory.REFRESH)); // signed by us and unexpired: super checked
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
            reused(old);
            throw e;
        }
    }

    private void reused(Token refresh) {
        if (refresh.claim(FamilyBlacklist.FAMILY_CLAIM) instanceof String family) {
            int revoked = families.revokeFamily(family);
            AUDIT.warn("Refresh token reuse: jti {} of user {} was presented again; family {} revoked, {} more refresh tokens blacklisted",
                    families.jtiOf(refresh), refresh.claim(settings.userIdClaim()), family, revoked);
        }
    }
}
