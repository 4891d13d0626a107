package tutorial.jwt.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tutorial.jwt.install.Services;
import tutorial.jwt.install.TestServer;

/** What {@code runserver} prints about itself: never the database password. */
class RunServerCommandTest {

    @Test
    void the_database_url_is_printed_with_its_password_masked(@TempDir Path dir) {
        String url = "jdbc:sqlite:" + dir.resolve("db.sqlite3") + "?password=hunter2";
        try (Services services = Main.openServices(Map.of("DATABASE_URL", url, "JWT_SIGNING_KEY", TestServer.SIGNING_KEY),
                dir, Clock.systemUTC(), line -> { })) {
            assertEquals("Step 3 on Spark Java is running at http://127.0.0.1:8001/ (database: jdbc:sqlite:"
                    + dir.resolve("db.sqlite3") + "?password=***)", RunServerCommand.runningAt("http://127.0.0.1:8001", services));
        }
    }
}
