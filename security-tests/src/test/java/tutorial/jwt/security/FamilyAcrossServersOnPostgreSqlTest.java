package tutorial.jwt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tutorial.jwt.foundation.json.StrictJson;
import tutorial.jwt.install.OnPostgreSql;
import tutorial.jwt.install.RawHttp;
import tutorial.jwt.install.TestServer;

/** Two step-8 servers on one PostgreSQL: a reuse caught on one revokes the family on both. */
@OnPostgreSql
class FamilyAcrossServersOnPostgreSqlTest {

    static RawHttp.Response post(TestServer server, String path, Map<String, String> body) {
        return RawHttp.request("POST", path).header("Content-Type", "application/json").body(StrictJson.write(body))
                .send(server.port());
    }

    static String field(RawHttp.Response response, String name) {
        return (String) ((Map<?, ?>) StrictJson.parse(response.body())).get(name);
    }

    @Test
    void a_token_rotated_on_one_server_and_replayed_on_the_other_revokes_the_family_on_both() {
        try (TestServer a = TestServer.start(new tutorial.jwt.browser.Main(), Map.of("JWT_ALGORITHM", "HS256"));
             TestServer b = TestServer.start(new tutorial.jwt.browser.Main(), // same database, same key
                     Map.of("JWT_ALGORITHM", "HS256", "DATABASE_URL", a.databaseUrl()))) {
            a.createUser("alice");
            String stolen = field(post(a, "/api/token/", Map.of("username", "alice", "password", TestServer.PASSWORD)), "refresh");
            RawHttp.Response rotated = post(a, "/api/token/refresh/", Map.of("refresh", stolen));
            assertEquals(200, rotated.status(), rotated.body());
            String successor = field(rotated, "refresh");

            RawHttp.Response replay = post(b, "/api/token/refresh/", Map.of("refresh", stolen));
            assertEquals(401, replay.status());
            assertEquals("Token is blacklisted", field(replay, "detail"));
            assertEquals(401, post(a, "/api/token/refresh/", Map.of("refresh", successor)).status(), "revoked on the first server");
            assertEquals(401, post(b, "/api/token/refresh/", Map.of("refresh", successor)).status(), "and on the second");
        }
    }
}
