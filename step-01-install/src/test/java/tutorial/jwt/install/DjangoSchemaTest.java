package tutorial.jwt.install;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that Django already migrated: our migrations leave it be, and Django's users log in. */
class DjangoSchemaTest {

    /** What {@code manage.py migrate} writes for auth_user on SQLite (Django 5), and a user it made. */
    static final String[] DJANGO = {
        "CREATE TABLE \"auth_user\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, \"password\" varchar(128) NOT NULL,"
            + " \"last_login\" datetime NULL, \"is_superuser\" bool NOT NULL, \"username\" varchar(150) NOT NULL UNIQUE,"
            + " \"last_name\" varchar(150) NOT NULL, \"email\" varchar(254) NOT NULL, \"is_staff\" bool NOT NULL,"
            + " \"is_active\" bool NOT NULL, \"date_joined\" datetime NOT NULL, \"first_name\" varchar(150) NOT NULL)",
        "INSERT INTO auth_user VALUES (41, 'pbkdf2_sha256$260000$c2FsdHlzYWx0MTIz$VhYyUDxxHSqL25AiyvhKLkpMk+zOVnxkxFtPaBjZ3bQ=',"
            + " '2025-03-01 09:15:02.123456', 1, 'your_username', 'User', 'your@example.com', 1, 1,"
            + " '2025-03-01 09:00:00.000000', 'Your')"};

    @Test
    void a_user_made_by_django_gets_tokens_from_our_server(@TempDir Path dir) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("django.sqlite3");
        try (var connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String sql : DJANGO) {
                statement.execute(sql);
            }
        }
        try (TestServer server = TestServer.start(new Main(), Map.of("DATABASE_URL", url))) {
            var body = server.json(Map.of("username", "your_username", "password", "your_password"))
                    .post("/api/token/").then().statusCode(200)
                    .body("access", startsWith("eyJ")).extract().jsonPath();
            assertEquals(41L, TestTokens.payload(body.getString("access")).get("user_id"));
            var user = server.services.users().findByUsername("your_username").orElseThrow();
            assertEquals(java.time.Instant.parse("2025-03-01T09:15:02.123456Z"), user.lastLogin());
        }
    }
}
