package tutorial.jwt.endpoints;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tutorial.jwt.install.TestServer;
import tutorial.jwt.install.TestTokens;

/** The token settings as a server applies them: what it puts in tokens, and what it then refuses. */
class TokenSettingsTest {

    static void verify(TestServer server, String token, int status) {
        server.json(Map.of("token", token)).post("/api/token/verify/").then().statusCode(status);
    }

    @Test
    void a_configured_audience_and_issuer_are_written_into_tokens_and_required_in_them() {
        try (TestServer server = TestServer.start(new Main(),
                Map.of("JWT_AUDIENCE", "course-api", "JWT_ISSUER", "https://issuer.example"))) {
            server.createUser("alice");
            var pair = server.login("alice");
            Map<String, Object> access = TestTokens.payload(pair.getString("access"));
            assertEquals("course-api", access.get("aud"));
            assertEquals("https://issuer.example", access.get("iss"));
            verify(server, pair.getString("access"), 200);
            String refreshed = server.json(Map.of("refresh", pair.getString("refresh"))).post("/api/token/refresh/")
                    .then().statusCode(200).extract().path("access");
            assertEquals("course-api", TestTokens.payload(refreshed).get("aud"));

            long now = server.clock.instant().getEpochSecond();
            Map<String, Object> noAudience = TestTokens.claims("access", 1L, now, now + 60); // right key, no aud/iss
            server.json(Map.of("token", TestTokens.hs256(noAudience))).post("/api/token/verify/").then()
                    .statusCode(401).body("detail", equalTo("Token is invalid"));
            noAudience.put("aud", "another-api");
            noAudience.put("iss", "https://issuer.example");
            verify(server, TestTokens.hs256(noAudience), 401);
        }
    }

    @Test
    void a_server_configured_for_hs512_signs_with_it_and_refuses_hs256() {
        try (TestServer server = TestServer.start(new Main(), Map.of("JWT_ALGORITHM", "HS512"))) {
            server.createUser("alice");
            String access = server.login("alice").getString("access");
            assertEquals("HS512", TestTokens.header(access).get("alg"));
            verify(server, access, 200);
            long now = server.clock.instant().getEpochSecond();
            verify(server, TestTokens.hs256(TestTokens.claims("access", 1L, now, now + 60)), 401); // same key, HS256
        }
    }
}
