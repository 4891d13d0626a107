package tutorial.jwt.blacklist;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import tutorial.jwt.install.db.Database;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.users.User;

/**
 * The outstanding and blacklisted refresh tokens, in Django's tables. Every decision that must hold
 * across threads and servers is a single conditional write that the database makes atomic (a
 * {@code UNIQUE} column and {@code ON CONFLICT DO NOTHING}), never a check in Java followed by a write.
 */
public final class TokenBlacklist {

    private final Database database;
    private final Clock clock;
    private final JwtSettings settings;

    public TokenBlacklist(Database database, Clock clock, JwtSettings settings) {
        this.database = database;
        this.clock = clock;
        this.settings = settings;
    }

    /** Records a refresh token just issued (Simple JWT's {@code OutstandingToken.objects.create}). */
    public void recordOutstanding(Token refresh, String encoded) {
        database.withConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO token_blacklist_outstandingtoken (token, created_at, expires_at, user_id, jti)"
                            + " VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, encoded);
                insert.setObject(2, now());
                insert.setObject(3, database.dialect().datetime(refresh.expiresAt()));
                insert.setObject(4, userIdOf(refresh), Types.INTEGER);
                insert.setString(5, jtiOf(refresh));
                return insert.executeUpdate();
            }
        });
    }

    public boolean isBlacklisted(String jti) {
        return database.withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT 1 FROM token_blacklist_blacklistedtoken b"
                            + " JOIN token_blacklist_outstandingtoken o ON o.id = b.token_id WHERE o.jti = ?")) {
                query.setString(1, jti);
                try (ResultSet row = query.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    /**
     * Blacklists {@code refresh}, committed before this returns. True when this call did it; false
     * when it was blacklisted already, by this server or another one sharing the database. Of many
     * concurrent calls for one token, exactly one gets true: that is what makes rotation single-use.
     */
    public boolean blacklist(Token refresh, String encoded) {
        return database.inTransaction(connection -> {
            long tokenId = outstandingId(connection, refresh, encoded);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO token_blacklist_blacklistedtoken (blacklisted_at, token_id) VALUES (?, ?)"
                            + " ON CONFLICT (token_id) DO NOTHING")) {
                insert.setObject(1, now());
                insert.setLong(2, tokenId);
                return insert.executeUpdate() == 1;
            }
        });
    }

    /** Logout everywhere: blacklists every outstanding refresh token of the user; returns how many. */
    public int blacklistAll(long userId) {
        return database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO token_blacklist_blacklistedtoken (blacklisted_at, token_id)"
                            + " SELECT ?, o.id FROM token_blacklist_outstandingtoken o WHERE o.user_id = ?"
                            + " AND NOT EXISTS (SELECT 1 FROM token_blacklist_blacklistedtoken b WHERE b.token_id = o.id)"
                            + " ON CONFLICT (token_id) DO NOTHING")) {
                insert.setObject(1, now());
                insert.setLong(2, userId);
                return insert.executeUpdate();
            }
        });
    }

    /** What {@link #flushExpired} deleted. */
    public record Flushed(int outstanding, int blacklisted) {
    }

    /** Simple JWT's {@code flushexpiredtokens}: expired tokens need no blacklist entry, they are refused anyway. */
    public Flushed flushExpired() {
        Object now = now();
        return database.inTransaction(connection -> {
            int blacklisted;
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM token_blacklist_blacklistedtoken WHERE token_id IN"
                            + " (SELECT id FROM token_blacklist_outstandingtoken WHERE expires_at <= ?)")) {
                delete.setObject(1, now);
                blacklisted = delete.executeUpdate();
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM token_blacklist_outstandingtoken WHERE expires_at <= ?")) {
                delete.setObject(1, now);
                return new Flushed(delete.executeUpdate(), blacklisted);
            }
        });
    }

    /** The outstanding row of {@code refresh}, created if the token was never recorded (Simple JWT's get_or_create). */
    private long outstandingId(Connection connection, Token refresh, String encoded) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO token_blacklist_outstandingtoken (token, created_at, expires_at, user_id, jti)"
                        + " VALUES (?, NULL, ?, NULL, ?) ON CONFLICT (jti) DO NOTHING")) {
            insert.setString(1, encoded);
            insert.setObject(2, database.dialect().datetime(refresh.expiresAt()));
            insert.setString(3, jtiOf(refresh));
            insert.executeUpdate();
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id FROM token_blacklist_outstandingtoken WHERE jti = ?")) {
            query.setString(1, jtiOf(refresh));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The clock's time, as this database stores a Django datetime. */
    private Object now() {
        return database.dialect().datetime(clock.instant());
    }

    String jtiOf(Token token) {
        return (String) token.claim(settings.jtiClaim());
    }

    /** The user a token names, when it names one by numeric id (as Simple JWT's tokens do). */
    private Long userIdOf(Token token) {
        return User.idFromClaim(token.claim(settings.userIdClaim())).orElse(null);
    }
}
