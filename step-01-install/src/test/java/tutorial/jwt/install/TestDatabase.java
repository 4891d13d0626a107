package tutorial.jwt.install;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tutorial.jwt.foundation.db.Dialect;

/**
 * The database a test server gets. By default a SQLite file in the server's temporary folder; while
 * a suite marked {@link OnPostgreSql} runs, a fresh schema of the PostgreSQL database that
 * {@value #VARIABLE} names (each server its own, dropped when the suite ends).
 */
public final class TestDatabase {

    /** Where the PostgreSQL runs go; {@code .ci/run} sets it. */
    public static final String VARIABLE = "TEST_DATABASE_URL";
    public static final String EXAMPLE = "jdbc:postgresql://127.0.0.1:5432/jwt_test?user=jwt_test&password=jwt_test";

    private static final List<String> schemas = new ArrayList<>();
    private static volatile boolean onPostgreSql;

    private TestDatabase() {
    }

    /** The PostgreSQL URL from the environment; null when there is none. */
    static String postgreSqlUrl() {
        String url = System.getenv(VARIABLE);
        return url == null || url.isBlank() ? null : url.trim();
    }

    /** What the current suite runs on. */
    public static Dialect dialect() {
        return onPostgreSql ? Dialect.POSTGRESQL : Dialect.SQLITE;
    }

    /** A new, empty database for one server (or for several that share it); a SQLite file goes in {@code dir}. */
    public static String fresh(Path dir) {
        if (!onPostgreSql) {
            return "jdbc:sqlite:" + dir.resolve("db.sqlite3");
        }
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(postgreSqlUrl(), "CREATE SCHEMA " + schema);
        synchronized (schemas) {
            schemas.add(schema);
        }
        String base = postgreSqlUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Runs SQL on a database, outside any server: to build what Django would have left there. */
    public static void execute(String url, String... statements) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + " (" + Dialect.redact(url) + ")", e);
        }
    }

    /** The suite starts: its servers get PostgreSQL schemas. */
    static void usePostgreSql() {
        onPostgreSql = true;
    }

    /** The suite ended: back to SQLite, and its schemas are dropped. */
    static void useSqlite() {
        onPostgreSql = false;
        List<String> dropped;
        synchronized (schemas) {
            dropped = List.copyOf(schemas);
            schemas.clear();
        }
        if (!dropped.isEmpty()) {
            execute(postgreSqlUrl(), dropped.stream().map(schema -> "DROP SCHEMA " + schema + " CASCADE").toArray(String[]::new));
        }
    }
}
