package tutorial.jwt.browser;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import tutorial.jwt.blacklist.TokenBlacklist;
import tutorial.jwt.foundation.db.Database;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenCodec;

/**
 * Step 6's blacklist, with each refresh token's family recorded in the transaction that records the
 * token, and a family revoked as a whole: one statement blacklists every outstanding token of it.
 */
final class FamilyBlacklist extends TokenBlacklist {

    /** The claim that names a token's family: OpenID Connect's session id. */
    static final String FAMILY_CLAIM = "sid";

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

    /** Blacklists every outstanding refresh token of {@code family}; how many were still good. */
    int revokeFamily(String family) {
        return database().inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO token_blacklist_blacklistedtoken (blacklisted_at, token_id)"
                            + " SELECT ?, m.token_id FROM token_family_member m WHERE m.family = ?"
                            + " AND NOT EXISTS (SELECT 1 FROM token_blacklist_blacklistedtoken b WHERE b.token_id = m.token_id)"
                            + " ON CONFLICT (token_id) DO NOTHING")) {
                insert.setObject(1, now());
                insert.setString(2, family);
                return insert.executeUpdate();
            }
        });
    }
}
