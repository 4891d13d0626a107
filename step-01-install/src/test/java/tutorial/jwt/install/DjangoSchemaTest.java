package tutorial.jwt.install;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tutorial.jwt.foundation.db.Dialect;

/** A database that Django already migrated: our migrations leave it be, and Django's users log in. */
class DjangoSchemaTest {

    /** What {@code manage.py migrate} writes for auth_user on SQLite (Django 5), and a user it made. */
    static final String[] DJANGO_SQLITE = {
        "CREATE TABLE \"auth_user\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, \"password\" varchar(128) NOT NULL,"
            + " \"last_login\" datetime NULL, \"is_superuser\" bool NOT NULL, \"username\" varchar(150) NOT NULL UNIQUE,"
            + " \"last_name\" varchar(150) NOT NULL, \"email\" varchar(254) NOT NULL, \"is_staff\" bool NOT NULL,"
            + " \"is_active\" bool NOT NULL, \"date_joined\" datetime NOT NULL, \"first_name\" varchar(150) NOT NULL)",
        "INSERT INTO auth_user VALUES (41, 'pbkdf2_sha256$260000$c2FsdHlzYWx0MTIz$VhYyUDxxHSqL25AiyvhKLkpMk+zOVnxkxFtPaBjZ3bQ=',"
            + " '2025-03-01 09:15:02.123456', 1, 'your_username', 'User', 'your@example.com', 1, 1,"
            + " '2025-03-01 09:00:00.000000', 'Your')"};

    /**
     * The same on PostgreSQL, as {@code manage.py migrate} left it (Django 3.2 from Debian 12, read back
     * with pg_dump: a {@code serial} id, where Django 4.1 and later make an identity column).
     */
    static final String[] DJANGO_POSTGRESQL = {
        "CREATE TABLE \"auth_user\" (\"id\" serial NOT NULL PRIMARY KEY, \"password\" varchar(128) NOT NULL,"
            + " \"last_login\" timestamp with time zone NULL, \"is_superuser\" boolean NOT NULL,"
            + " \"username\" varchar(150) NOT NULL UNIQUE, \"first_name\" varchar(150) NOT NULL,"
            + " \"last_name\" varchar(150) NOT NULL, \"email\" varchar(254) NOT NULL, \"is_staff\" boolean NOT NULL,"
            + " \"is_active\" boolean NOT NULL, \"date_joined\" timestamp with time zone NOT NULL)",
        "CREATE INDEX \"auth_user_username_6821ab7c_like\" ON \"auth_user\" (\"username\" varchar_pattern_ops)",
        "INSERT INTO auth_user VALUES (41, 'pbkdf2_sha256$260000$c2FsdHlzYWx0MTIz$VhYyUDxxHSqL25AiyvhKLkpMk+zOVnxkxFtPaBjZ3bQ=',"
            + " '2025-03-01 09:15:02.123456+00', true, 'your_username', 'Your', 'User', 'your@example.com', true, true,"
            + " '2025-03-01 09:00:00+00')"};

    @Test
    void a_user_made_by_django_gets_tokens_from_our_server(@TempDir Path dir) {
        String url = TestDatabase.fresh(dir);
        TestDatabase.execute(url, TestDatabase.dialect() == Dialect.SQLITE ? DJANGO_SQLITE : DJANGO_POSTGRESQL);
        try (TestServer server = TestServer.start(new Main(), Map.of("DATABASE_URL", url))) {
            var body = server.json(Map.of("username", "your_username", "password", "your_password"))
                    .post("/api/token/").then().statusCode(200)
                    .body("access", startsWith("eyJ")).extract().jsonPath();
            assertEquals(41L, TestTokens.payload(body.getString("access")).get("user_id"));
            var user = server.services.site().users().findByUsername("your_username").orElseThrow();
            assertEquals(java.time.Instant.parse("2025-03-01T09:15:02.123456Z"), user.lastLogin());
            assertEquals(java.time.Instant.parse("2025-03-01T09:00:00Z"), user.dateJoined());
            assertEquals("Your", user.firstName());
        }
    }
}
