package tutorial.jwt.foundation.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tutorial.jwt.foundation.db.Database;

/** How a SQLite database is opened: the settings that docs/performance.md measured. */
class DatabaseTest {

    @Test
    void a_sqlite_database_is_opened_in_write_ahead_log_mode_with_normal_sync(@TempDir Path dir) {
        try (Database database = new Database("jdbc:sqlite:" + dir.resolve("db.sqlite3"))) {
            assertEquals("wal", pragma(database, "journal_mode"));
            assertEquals("1", pragma(database, "synchronous")); // NORMAL: synced at checkpoints only
            assertEquals("5000", pragma(database, "busy_timeout"));
        }
    }

    @Test
    void on_sqlite_a_statement_is_prepared_once_per_connection_and_reads_fresh_parameters(@TempDir Path dir) {
        try (Database database = new Database("jdbc:sqlite:" + dir.resolve("db.sqlite3"))) {
            String sql = "SELECT ? + 1";
            PreparedStatement first = database.withStatement(sql, statement -> statement);
            PreparedStatement again = database.withStatement(sql, statement -> statement);
            assertSame(first, again, "one thread, no contention: the pool hands back the same connection");
            for (long n = 1; n <= 3; n++) {
                long given = n;
                long answer = database.withStatement(sql, statement -> {
                    statement.setLong(1, given);
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        return row.getLong(1);
                    }
                });
                assertEquals(given + 1, answer);
            }
        }
    }

    private static String pragma(Database database, String name) {
        return database.withConnection(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("PRAGMA " + name)) {
                row.next();
                return row.getString(1);
            }
        });
    }
}
