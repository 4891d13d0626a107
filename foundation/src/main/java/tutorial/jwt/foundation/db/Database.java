package tutorial.jwt.foundation.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The database behind {@code DATABASE_URL}: embedded SQLite by default, PostgreSQL when several
 * servers share it. Connections come from a pool (HikariCP); every use borrows one for one unit of
 * work; {@link #inTransaction} commits it as a whole or not at all.
 */
public final class Database implements AutoCloseable {

    /**
     * SQLite lets one connection write at a time; the others wait for the file lock (the busy timeout
     * below). A few connections let reads go on between writes; more would only queue on that lock.
     */
    static final int SQLITE_POOL_SIZE = 4;
    /** Per server: N servers open up to N times this many, against PostgreSQL's max_connections (100 by default). */
    static final int POSTGRESQL_POOL_SIZE = 10;
    /** How long SQLite waits for another process's write lock before it gives up. */
    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(5);

    private final String url;
    private final Dialect dialect;
    private final HikariDataSource pool;
    private final AtomicLong borrowed = new AtomicLong();
    /**
     * SQLite's transactions here take its one write lock when they begin. A transaction that finds it
     * taken waits in SQLite's busy handler, which sleeps 1, 2, 5, 10... ms between tries; this server's
     * own transactions queue on this fair lock instead, and go the moment the one before commits.
     * Another process (a command, a second server) still meets the busy handler.
     */
    private final Lock sqliteWriter = new ReentrantLock(true);
    /** SQLite's statements kept per connection; a connection serves one thread at a time, and so do they. */
    private final Map<SQLiteConnection, Map<String, PreparedStatement>> keptStatements = new ConcurrentHashMap<>();

    public Database(String url) {
        this.url = url;
        this.dialect = Dialect.of(url);
        HikariConfig config = new HikariConfig();
        config.setPoolName("database");
        config.setJdbcUrl(url);
        if (dialect == Dialect.SQLITE) {
            SQLiteConfig sqlite = new SQLiteConfig();
            // Wait for a writer in another process (a command, a second server) instead of failing at once
            // with SQLITE_BUSY, and take the write lock when a transaction begins: two transactions that
            // read, then write, would otherwise deadlock.
            sqlite.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
            sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            // In SQLite's default rollback-journal mode every commit waits for several fsyncs and holds
            // readers off. Write-ahead logging lets reads go on during a write, and synchronous=NORMAL
            // syncs at checkpoints only: a commit survives the process crashing, as Django on SQLite in WAL.
            sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL); // journal_mode=WAL: see below
            config.setDataSourceProperties(sqlite.toProperties());
            config.setMaximumPoolSize(SQLITE_POOL_SIZE);
        } else {
            config.setMaximumPoolSize(POSTGRESQL_POOL_SIZE);
            config.setMinimumIdle(2); // grows under load, shrinks back when idle
        }
        try {
            this.pool = new HikariDataSource(config); // opens a first connection: a wrong URL fails here
        } catch (HikariPool.PoolInitializationException e) {
            throw new DatabaseException(e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e));
        }
        if (dialect == Dialect.SQLITE) {
            useWriteAheadLog();
        }
    }

    /**
     * WAL is a property of the file, switched on here once per open rather than in each connection's
     * settings. Switching needs the file to itself for a moment, and SQLite answers SQLITE_BUSY at once,
     * without waiting in its busy handler, when another process has it: two servers opening a new
     * database together failed that way (TwoServersTest, about 1 start in 30). So: try again until the
     * busy timeout.
     */
    private void useWriteAheadLog() {
        long giveUp = System.nanoTime() + BUSY_TIMEOUT.toNanos();
        while (true) {
            try {
                withConnection(connection -> {
                    try (Statement pragma = connection.createStatement()) {
                        return pragma.execute("PRAGMA journal_mode=WAL");
                    }
                });
                return;
            } catch (DatabaseException e) {
                boolean busy = e.getCause() instanceof SQLiteException sqlite
                        && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_BUSY;
                if (!busy || System.nanoTime() > giveUp) {
                    throw e;
                }
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            }
        }
    }

    /** The URL as given, password included: never log it, use {@link #displayUrl()}. */
    public String url() {
        return url;
    }

    /** The URL with its password masked, for log lines. */
    public String displayUrl() {
        return Dialect.redact(url);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** How many connections were borrowed so far: lets tests prove that a request used none. */
    public long connectionsOpened() {
        return borrowed.get();
    }

    /** One unit of work on one connection, auto-committed. */
    public <T> T withConnection(Work<T> work) {
        try (Connection connection = borrow()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /**
     * One statement on one connection, auto-committed. On SQLite the statement is prepared once per
     * connection and kept: preparing a statement costs SQLite more than running the user SELECT, and
     * sqlite-jdbc keeps no prepared statements (PostgreSQL's driver keeps its own, as Python's sqlite3
     * does under Django).
     */
    public <T> T withStatement(String sql, StatementWork<T> work) {
        return withConnection(connection -> {
            if (dialect != Dialect.SQLITE) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    return work.run(statement);
                }
            }
            PreparedStatement statement = kept(connection.unwrap(SQLiteConnection.class), sql);
            statement.clearParameters();
            return work.run(statement);
        });
    }

    private PreparedStatement kept(SQLiteConnection connection, String sql) throws SQLException {
        Map<String, PreparedStatement> statements = keptStatements.get(connection);
        if (statements == null) { // a connection new to the pool; forget those the pool has closed
            for (Iterator<SQLiteConnection> known = keptStatements.keySet().iterator(); known.hasNext(); ) {
                if (known.next().isClosed()) {
                    known.remove();
                }
            }
            statements = new HashMap<>();
            keptStatements.put(connection, statements);
        }
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** One unit of work in one transaction: committed when {@code work} returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        if (dialect != Dialect.SQLITE) {
            return transaction(work);
        }
        sqliteWriter.lock();
        try {
            return transaction(work);
        } finally {
            sqliteWriter.unlock();
        }
    }

    private <T> T transaction(Work<T> work) {
        try (Connection connection = borrow()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true); // back to the pool as it came out
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** Closes the pool's connections: the end of a server or a command. */
    @Override
    public void close() {
        pool.close();
    }

    private Connection borrow() throws SQLException {
        borrowed.incrementAndGet();
        return pool.getConnection();
    }

    /** Work with one prepared statement; it closes the result sets it opens. */
    @FunctionalInterface
    public interface StatementWork<T> {
        T run(PreparedStatement statement) throws SQLException;
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
