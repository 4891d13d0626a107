package tutorial.jwt.browser;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tutorial.jwt.blacklist.TokenBlacklist;
import tutorial.jwt.foundation.db.Database;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenCodec;

/**
 * Step 6's blacklist, with each refresh token's family recorded in the transaction that records the
 * token, and a family revoked as a whole when one of its tokens is reused.
 */
final class FamilyBlacklist extends TokenBlacklist {

    /** The claim that names a token's family: OpenID Connect's session id. */
    static final String FAMILY_CLAIM = "sid";

    private static final Logger AUDIT = LoggerFactory.getLogger("tutorial.jwt.audit");

    FamilyBlacklist(Database database, Clock clock, JwtSettings settings, TokenCodec codec) {
        super(database, clock, settings, codec);
    }

    @Override
    protected void recorded(Connection connection, Token refresh) throws SQLException {
        if (!(refresh.claim(FAMILY_CLAIM) instanceof String family)) {
            return; // a token from before step 8 belongs to no family
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO token_family_member (family, token_id)"
                + " SELECT ?, id FROM token_blacklist_outstandingtoken WHERE jti = ?")) {
            insert.setString(1, family);
            insert.setString(2, jtiOf(refresh));
            insert.executeUpdate();
        }
    }

    /**
     * A reuse: {@code refresh} was presented after it was rotated or logged out. Blacklists every
     * outstanding token of its family and logs one audit line, without the token.
     */
    void reused(Token refresh) {
        if (refresh.claim(FAMILY_CLAIM) instanceof String family) {
            int revoked = revokeFamily(family);
            AUDIT.warn("Refresh token reuse: jti {} of user {} was presented again; family {} revoked, {} more refresh tokens blacklisted",
                    jtiOf(refresh), userIdOf(refresh), family, revoked);
        }
    }

    /** Logout: one that lost to a rotation of the same token a moment ago presented a spent token, a reuse too. */
    @Override
    public boolean blacklist(Token refresh) {
        boolean blacklisted = super.blacklist(refresh);
        if (!blacklisted) {
            reused(refresh);
        }
        return blacklisted;
    }

    /** Blacklists every outstanding refresh token of {@code family}; how many were still good. */
    int revokeFamily(String family) {
        return database().inTransaction(connection -> {
            // On PostgreSQL a statement sees what was committed when it began. If the first one waited for
            // a rotation in this family (both write the old token's blacklist row), the token that rotation
            // recorded is not among what it saw; the second one, begun after that commit, sees it.
            return blacklistMembers(connection, family) + blacklistMembers(connection, family);
        });
    }

    private int blacklistMembers(Connection connection, String family) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO token_blacklist_blacklistedtoken (blacklisted_at, token_id)"
                        + " SELECT ?, m.token_id FROM token_family_member m WHERE m.family = ?"
                        + " AND NOT EXISTS (SELECT 1 FROM token_blacklist_blacklistedtoken b WHERE b.token_id = m.token_id)"
                        + " ON CONFLICT (token_id) DO NOTHING")) {
            insert.setObject(1, now());
            insert.setString(2, family);
            return insert.executeUpdate();
        }
    }
}
