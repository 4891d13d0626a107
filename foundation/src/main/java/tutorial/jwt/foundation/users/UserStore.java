package tutorial.jwt.foundation.users;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import tutorial.jwt.foundation.db.Database;
import tutorial.jwt.foundation.db.Dialect;

/** Users in Django's {@code auth_user} table. */
public final class UserStore {

    private static final String COLUMNS = "id, username, email, first_name, last_name, password,"
            + " is_active, is_staff, is_superuser, last_login, date_joined";

    private final Database database;
    private final Clock clock;

    public UserStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Optional<User> findByUsername(String username) {
        return findOne("username = ?", username);
    }

    public Optional<User> findById(long id) {
        return findOne("id = ?", id);
    }

    /**
     * The user whose {@code field} ({@code id} or {@code username}) is {@code value}, a JSON value: a
     * number or a numeric string both match an {@code id} (see {@link User#idFromJson}).
     */
    public Optional<User> findByIdField(String userIdField, Object value) {
        if ("username".equals(userIdField)) {
            return value instanceof String name ? findByUsername(name) : Optional.empty();
        }
        return User.idFromJson(value).flatMap(this::findById);
    }

    public long count() {
        return database.withStatement("SELECT COUNT(*) FROM auth_user", query -> {
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /** Creates a user; {@link UsernameTakenException} when the name is in use. */
    public User create(String username, String email, String passwordHash, boolean superuser) {
        Object now = database.dialect().datetime(clock.instant());
        long id = database.withConnection(connection -> {
            if (exists(connection, username)) {
                throw new UsernameTakenException(username);
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO auth_user (password, last_login, is_superuser, username, first_name, last_name,"
                            + " email, is_staff, is_active, date_joined) VALUES (?, NULL, ?, ?, '', '', ?, ?, ?, ?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, passwordHash);
                insert.setBoolean(2, superuser);
                insert.setString(3, username);
                insert.setString(4, email);
                insert.setBoolean(5, superuser);
                insert.setBoolean(6, true);
                insert.setObject(7, now);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) { // the id, first column on both databases
                    keys.next();
                    return keys.getLong(1);
                }
            } catch (SQLException e) {
                if (exists(connection, username)) { // lost a race with another insert of the same name
                    throw new UsernameTakenException(username);
                }
                throw e;
            }
        });
        return findById(id).orElseThrow();
    }

    /** Replaces a user's password hash; false when there is no such user. */
    public boolean setPasswordHash(String username, String passwordHash) {
        return database.withStatement("UPDATE auth_user SET password = ? WHERE username = ?", update -> {
            update.setString(1, passwordHash);
            update.setString(2, username);
            return update.executeUpdate() == 1;
        });
    }

    /** Django's {@code update_last_login}, done when {@code UPDATE_LAST_LOGIN} is on. */
    public void recordLogin(long id) {
        database.withStatement("UPDATE auth_user SET last_login = ? WHERE id = ?", update -> {
            update.setObject(1, database.dialect().datetime(clock.instant()));
            update.setLong(2, id);
            return update.executeUpdate();
        });
    }

    private Optional<User> findOne(String where, Object value) {
        return database.withStatement("SELECT " + COLUMNS + " FROM auth_user WHERE " + where, query -> {
            query.setObject(1, value);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(read(row, database.dialect())) : Optional.empty();
            }
        });
    }

    private static boolean exists(Connection connection, String username) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM auth_user WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static User read(ResultSet row, Dialect dialect) throws SQLException {
        return new User(
                row.getLong("id"),
                row.getString("username"),
                row.getString("email"),
                row.getString("first_name"),
                row.getString("last_name"),
                row.getString("password"),
                row.getBoolean("is_active"),
                row.getBoolean("is_staff"),
                row.getBoolean("is_superuser"),
                dialect.readDatetime(row, "last_login"),
                dialect.readDatetime(row, "date_joined"));
    }

    /** The username is in use already. */
    public static final class UsernameTakenException extends RuntimeException {
        public UsernameTakenException(String username) {
            super("That username is already taken.");
        }
    }
}
