package tutorial.jwt.blacklist;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tutorial.jwt.install.TestServer;
import tutorial.jwt.install.TestTokens;

/**
 * Beside a Django + Simple JWT deployment: the same database (with the schema Django's migrations
 * create) and the same signing key. Each side honours what the other wrote.
 */
class DjangoInteropTest {

    /** Django 5 + Simple JWT 5.5 after `manage.py migrate` on SQLite, and a user and a logout Django made. */
    static final String[] DJANGO = {
        "CREATE TABLE \"auth_user\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, \"password\" varchar(128) NOT NULL,"
            + " \"last_login\" datetime NULL, \"is_superuser\" bool NOT NULL, \"username\" varchar(150) NOT NULL UNIQUE,"
            + " \"last_name\" varchar(150) NOT NULL, \"email\" varchar(254) NOT NULL, \"is_staff\" bool NOT NULL,"
            + " \"is_active\" bool NOT NULL, \"date_joined\" datetime NOT NULL, \"first_name\" varchar(150) NOT NULL)",
        "CREATE TABLE \"token_blacklist_outstandingtoken\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT,"
            + " \"token\" text NOT NULL, \"created_at\" datetime NULL, \"expires_at\" datetime NOT NULL,"
            + " \"user_id\" integer NULL REFERENCES \"auth_user\" (\"id\") DEFERRABLE INITIALLY DEFERRED,"
            + " \"jti\" varchar(255) NOT NULL UNIQUE)",
        "CREATE INDEX \"token_blacklist_outstandingtoken_user_id_83bc629a\" ON \"token_blacklist_outstandingtoken\" (\"user_id\")",
        "CREATE TABLE \"token_blacklist_blacklistedtoken\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT,"
            + " \"blacklisted_at\" datetime NOT NULL, \"token_id\" bigint NOT NULL UNIQUE REFERENCES"
            + " \"token_blacklist_outstandingtoken\" (\"id\") DEFERRABLE INITIALLY DEFERRED)",
        "INSERT INTO auth_user VALUES (7, 'pbkdf2_sha256$260000$c2FsdHlzYWx0MTIz$VhYyUDxxHSqL25AiyvhKLkpMk+zOVnxkxFtPaBjZ3bQ=',"
            + " NULL, 1, 'your_username', '', 'you@example.com', 1, 1, '2025-03-01 09:00:00.000000', '')"};

    /** A refresh token as Simple JWT 5.5 writes it: user_id as a string, typ/alg header order. */
    static String djangoRefreshToken(String jti, long iat) {
        return TestTokens.sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"token_type\":\"refresh\",\"exp\":" + (iat + 86_400)
                + ",\"iat\":" + iat + ",\"jti\":\"" + jti + "\",\"user_id\":\"7\"}", "HmacSHA256", TestServer.SIGNING_KEY);
    }

    static long count(TestServer server, String sql) {
        return server.services.database().withConnection(connection -> {
            try (var row = connection.createStatement().executeQuery(sql)) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    @Test
    void each_side_refuses_what_the_other_blacklisted(@TempDir Path dir) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("django.sqlite3");
        try (var connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String sql : DJANGO) {
                statement.execute(sql);
            }
        }
        try (TestServer server = TestServer.start(new Main(), Map.of("DATABASE_URL", url))) {
            long iat = server.clock.instant().getEpochSecond();
            String loggedOutInDjango = djangoRefreshToken("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", iat);
            String stillGood = djangoRefreshToken("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", iat);
            server.sql("INSERT INTO token_blacklist_outstandingtoken (token, created_at, expires_at, user_id, jti)"
                    + " VALUES (?, '2026-01-01 12:00:00.000000', '2026-01-02 12:00:00.000000', 7, ?)",
                    loggedOutInDjango, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
            server.sql("INSERT INTO token_blacklist_blacklistedtoken (blacklisted_at, token_id)"
                    + " SELECT '2026-01-01 12:30:00.000000', id FROM token_blacklist_outstandingtoken WHERE jti = ?",
                    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

            // Django's user logs in here, with the hash Django made.
            server.json(Map.of("username", "your_username", "password", "your_password")).post("/api/token/")
                    .then().statusCode(200);
            // A token Django blacklisted is refused here; one it did not is accepted (user_id as a string).
            server.json(Map.of("refresh", loggedOutInDjango)).post("/api/token/refresh/").then().statusCode(401)
                    .body("detail", equalTo("Token is blacklisted"));
            String rotated = server.json(Map.of("refresh", stillGood)).post("/api/token/refresh/").then().statusCode(200)
                    .extract().path("refresh");

            // What we wrote is what Simple JWT reads: the rotated-away token is blacklisted by jti,
            // and the new one is outstanding for user 7.
            assertEquals(1, count(server, "SELECT COUNT(*) FROM token_blacklist_blacklistedtoken b"
                    + " JOIN token_blacklist_outstandingtoken o ON o.id = b.token_id"
                    + " WHERE o.jti = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' AND b.blacklisted_at LIKE '____-__-__ __:__:__.______'"));
            assertEquals(1, count(server, "SELECT COUNT(*) FROM token_blacklist_outstandingtoken"
                    + " WHERE user_id = 7 AND jti = '" + TestTokens.payload(rotated).get("jti") + "'"));
        }
    }
}
