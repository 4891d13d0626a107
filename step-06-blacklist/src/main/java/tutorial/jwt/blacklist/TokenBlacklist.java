package tutorial.jwt.blacklist;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.Optional;
import tutorial.jwt.foundation.db.Database;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenCodec;

/**
 * The outstanding and blacklisted refresh tokens, in Django's tables. Every decision that must hold
 * across threads and servers is a single conditional write that the database makes atomic (a
 * {@code UNIQUE} column and {@code ON CONFLICT DO NOTHING}), never a check in Java followed by a write.
 */
public class TokenBlacklist {

    private final Database database;
    private final Clock clock;
    private final JwtSettings settings;
    private final TokenCodec codec;

    public TokenBlacklist(Database database, Clock clock, JwtSettings settings, TokenCodec codec) {
        this.database = database;
        this.clock = clock;
        this.settings = settings;
        this.codec = codec;
    }

    /** Records a refresh token just issued (Simple JWT's {@code OutstandingToken.objects.create}). */
    public void recordOutstanding(Token refresh, String encoded) {
        database.inTransaction(connection -> insertOutstanding(connection, refresh, encoded));
    }

    private int insertOutstanding(Connection connection, Token refresh, String encoded) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO token_blacklist_outstandingtoken (token, created_at, expires_at, user_id, jti)"
                        + " VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, encoded);
            insert.setObject(2, now());
            insert.setObject(3, database.dialect().datetime(refresh.expiresAt()));
            insert.setObject(4, userIdOf(refresh), Types.INTEGER);
            insert.setString(5, jtiOf(refresh));
            int inserted = insert.executeUpdate();
            recorded(connection, refresh);
            return inserted;
        }
    }

    /** The seam for step 8: more to write about a token just recorded, in the same transaction. */
    protected void recorded(Connection connection, Token refresh) throws SQLException {
    }

    /** The database, for a subclass's own statements. */
    protected Database database() {
        return database;
    }

    public boolean isBlacklisted(String jti) {
        return database.withStatement("SELECT 1 FROM token_blacklist_blacklistedtoken b"
                + " JOIN token_blacklist_outstandingtoken o ON o.id = b.token_id WHERE o.jti = ?", query -> {
            query.setString(1, jti);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        });
    }

    /**
     * Blacklists {@code refresh}, committed before this returns. True when this call did it; false
     * when it was blacklisted already, by this server or another one sharing the database. Of many
     * concurrent calls for one token, exactly one gets true: that is what makes rotation single-use.
     */
    public boolean blacklist(Token refresh) {
        return database.inTransaction(connection -> blacklist(connection, refresh));
    }

    /**
     * Rotation: blacklists {@code old} and records {@code rotated} (signed: {@code encoded}) as
     * outstanding, in one transaction, so one commit and one wait for SQLite's write lock. False, and
     * {@code rotated} not recorded, when {@code old} was blacklisted already.
     */
    public boolean rotate(Token old, Token rotated, String encoded) {
        return database.inTransaction(connection -> {
            if (!blacklist(connection, old)) {
                return false;
            }
            insertOutstanding(connection, rotated, encoded);
            return true;
        });
    }

    private boolean blacklist(Connection connection, Token refresh) throws SQLException {
        long tokenId = outstandingId(connection, refresh);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO token_blacklist_blacklistedtoken (blacklisted_at, token_id) VALUES (?, ?)"
                        + " ON CONFLICT (token_id) DO NOTHING")) {
            insert.setObject(1, now());
            insert.setLong(2, tokenId);
            return insert.executeUpdate() == 1;
        }
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

    /**
     * The outstanding row of {@code refresh}, created if the token was never recorded (one issued
     * before the blacklist was on): Simple JWT's {@code get_or_create}, which signs the token again
     * for its {@code token} column. A recorded token, the usual case, costs one lookup.
     */
    private long outstandingId(Connection connection, Token refresh) throws SQLException {
        Optional<Long> recorded = findOutstanding(connection, jtiOf(refresh));
        if (recorded.isPresent()) {
            return recorded.get();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO token_blacklist_outstandingtoken (token, created_at, expires_at, user_id, jti)"
                        + " VALUES (?, NULL, ?, NULL, ?) ON CONFLICT (jti) DO NOTHING")) {
            insert.setString(1, codec.encode(refresh));
            insert.setObject(2, database.dialect().datetime(refresh.expiresAt()));
            insert.setString(3, jtiOf(refresh));
            insert.executeUpdate();
        }
        return findOutstanding(connection, jtiOf(refresh)).orElseThrow();
    }

    private Optional<Long> findOutstanding(Connection connection, String jti) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id FROM token_blacklist_outstandingtoken WHERE jti = ?")) {
            query.setString(1, jti);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The clock's time, as this database stores a Django datetime. */
    protected Object now() {
        return database.dialect().datetime(clock.instant());
    }

    protected String jtiOf(Token token) {
        return (String) token.claim(settings.jtiClaim());
    }

    /** The user a token names, when it names one by numeric id (as Simple JWT's tokens do). */
    protected Long userIdOf(Token token) {
        return User.idFromJson(token.claim(settings.userIdClaim())).orElse(null);
    }
}
