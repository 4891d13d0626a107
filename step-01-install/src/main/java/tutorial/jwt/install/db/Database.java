package tutorial.jwt.install.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.sqlite.SQLiteConfig;

/**
 * The database behind {@code DATABASE_URL}: embedded SQLite by default. Every use borrows a connection
 * for one unit of work; {@link #inTransaction} commits it as a whole or not at all.
 */
public final class Database {

    private final String url;
    private final AtomicLong connections = new AtomicLong();

    public Database(String url) {
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("DATABASE_URL must be a JDBC URL such as jdbc:sqlite:db.sqlite3, got " + url);
        }
        this.url = url;
    }

    public String url() {
        return url;
    }

    /** How many connections were opened so far: lets tests prove that a request used none. */
    public long connectionsOpened() {
        return connections.get();
    }

    /** One unit of work on one connection, auto-committed. */
    public <T> T withConnection(Work<T> work) {
        try (Connection connection = open()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** One unit of work in one transaction: committed when {@code work} returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = open()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private Connection open() throws SQLException {
        connections.incrementAndGet();
        if (!url.startsWith("jdbc:sqlite:")) {
            return DriverManager.getConnection(url);
        }
        SQLiteConfig sqlite = new SQLiteConfig();
        // Wait for a concurrent writer instead of failing at once with SQLITE_BUSY, and take the write
        // lock when a transaction begins: two transactions that read, then write, would otherwise deadlock.
        sqlite.setBusyTimeout(5000);
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return DriverManager.getConnection(url, sqlite.toProperties());
    }

    /** Work on a connection that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A database failure: an operator's problem, never shown to a client. */
    public static final class DatabaseException extends RuntimeException {
        public DatabaseException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
