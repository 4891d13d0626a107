package tutorial.jwt.blacklist;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tutorial.jwt.foundation.db.Dialect;
import tutorial.jwt.install.TestDatabase;
import tutorial.jwt.install.TestServer;
import tutorial.jwt.install.TestTokens;

/**
 * Beside a Django + Simple JWT deployment: the same database (with the schema Django's migrations
 * create) and the same signing key. Each side honours what the other wrote.
 */
class DjangoInteropTest {

    /** Django 5 + Simple JWT 5.5 after `manage.py migrate` on SQLite, and a user and a logout Django made. */
    static final String[] DJANGO_SQLITE = {
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

    /**
     * The same on PostgreSQL: Django 3.2 + Simple JWT 5.2 (Debian 12's packages) after `manage.py
     * migrate`, read back with pg_dump. Ids are serial and bigserial there (Django 4.1+: identity columns).
     */
    static final String[] DJANGO_POSTGRESQL = {
        "CREATE TABLE \"auth_user\" (\"id\" serial NOT NULL PRIMARY KEY, \"password\" varchar(128) NOT NULL,"
            + " \"last_login\" timestamp with time zone NULL, \"is_superuser\" boolean NOT NULL,"
            + " \"username\" varchar(150) NOT NULL UNIQUE, \"first_name\" varchar(150) NOT NULL,"
            + " \"last_name\" varchar(150) NOT NULL, \"email\" varchar(254) NOT NULL, \"is_staff\" boolean NOT NULL,"
            + " \"is_active\" boolean NOT NULL, \"date_joined\" timestamp with time zone NOT NULL)",
        "CREATE INDEX \"auth_user_username_6821ab7c_like\" ON \"auth_user\" (\"username\" varchar_pattern_ops)",
        "CREATE TABLE \"token_blacklist_outstandingtoken\" (\"id\" bigserial NOT NULL PRIMARY KEY, \"token\" text NOT NULL,"
            + " \"created_at\" timestamp with time zone NULL, \"expires_at\" timestamp with time zone NOT NULL,"
            + " \"user_id\" integer NULL, \"jti\" varchar(255) NOT NULL"
            + " CONSTRAINT \"token_blacklist_outstandingtoken_jti_hex_d9bdf6f7_uniq\" UNIQUE)",
        "ALTER TABLE \"token_blacklist_outstandingtoken\" ADD CONSTRAINT \"token_blacklist_outs_user_id_83bc629a_fk_auth_user\""
            + " FOREIGN KEY (\"user_id\") REFERENCES \"auth_user\" (\"id\") DEFERRABLE INITIALLY DEFERRED",
        "CREATE INDEX \"token_blacklist_outstandingtoken_user_id_83bc629a\" ON \"token_blacklist_outstandingtoken\" (\"user_id\")",
        "CREATE INDEX \"token_blacklist_outstandingtoken_jti_hex_d9bdf6f7_like\" ON \"token_blacklist_outstandingtoken\""
            + " (\"jti\" varchar_pattern_ops)",
        "CREATE TABLE \"token_blacklist_blacklistedtoken\" (\"id\" bigserial NOT NULL PRIMARY KEY,"
            + " \"blacklisted_at\" timestamp with time zone NOT NULL, \"token_id\" bigint NOT NULL UNIQUE)",
        "ALTER TABLE \"token_blacklist_blacklistedtoken\" ADD CONSTRAINT \"token_blacklist_blacklistedtoken_token_id_3cc7fe56_fk\""
            + " FOREIGN KEY (\"token_id\") REFERENCES \"token_blacklist_outstandingtoken\" (\"id\") DEFERRABLE INITIALLY DEFERRED",
        "INSERT INTO auth_user VALUES (7, 'pbkdf2_sha256$260000$c2FsdHlzYWx0MTIz$VhYyUDxxHSqL25AiyvhKLkpMk+zOVnxkxFtPaBjZ3bQ=',"
            + " NULL, true, 'your_username', '', '', 'you@example.com', true, true, '2025-03-01 09:00:00+00')"};

    /** A refresh token as Simple JWT 5.5 writes it: user_id as a string, typ/alg header order. */
    static String djangoRefreshToken(String jti, long iat) {
        return TestTokens.sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"token_type\":\"refresh\",\"exp\":" + (iat + 86_400)
                + ",\"iat\":" + iat + ",\"jti\":\"" + jti + "\",\"user_id\":\"7\"}", "HmacSHA256", TestServer.SIGNING_KEY);
    }

    @Test
    void each_side_refuses_what_the_other_blacklisted(@TempDir Path dir) throws Exception {
        boolean sqlite = TestDatabase.dialect() == Dialect.SQLITE;
        String url = TestDatabase.fresh(dir);
        TestDatabase.execute(url, sqlite ? DJANGO_SQLITE : DJANGO_POSTGRESQL);
        try (TestServer server = TestServer.start(new Main(), Map.of("DATABASE_URL", url))) {
            long iat = server.clock.instant().getEpochSecond();
            String loggedOutInDjango = djangoRefreshToken("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", iat);
            String stillGood = djangoRefreshToken("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", iat);
            Dialect dialect = server.services.site().database().dialect();
            server.sql("INSERT INTO token_blacklist_outstandingtoken (token, created_at, expires_at, user_id, jti)"
                    + " VALUES (?, ?, ?, 7, ?)", loggedOutInDjango, dialect.datetime(Instant.parse("2026-01-01T12:00:00Z")),
                    dialect.datetime(Instant.parse("2026-01-02T12:00:00Z")), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
            server.sql("INSERT INTO token_blacklist_blacklistedtoken (blacklisted_at, token_id)"
                    + " SELECT ?, id FROM token_blacklist_outstandingtoken WHERE jti = ?",
                    dialect.datetime(Instant.parse("2026-01-01T12:30:00Z")), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

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
            assertEquals(1, server.count("SELECT COUNT(*) FROM token_blacklist_blacklistedtoken b"
                    + " JOIN token_blacklist_outstandingtoken o ON o.id = b.token_id"
                    + " WHERE o.jti = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' AND " + (sqlite
                            ? "b.blacklisted_at LIKE '____-__-__ __:__:__.______'" // Django's text on SQLite
                            : "b.blacklisted_at = '2026-01-01 12:00:00+00'"))); // a timestamp with time zone
            assertEquals(1, server.count("SELECT COUNT(*) FROM token_blacklist_outstandingtoken"
                    + " WHERE user_id = 7 AND jti = '" + TestTokens.payload(rotated).get("jti") + "'"));
        }
    }
}
