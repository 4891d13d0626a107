package tutorial.jwt.install;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tutorial.jwt.install.db.Database;

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
