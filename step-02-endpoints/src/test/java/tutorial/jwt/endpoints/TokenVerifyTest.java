package tutorial.jwt.endpoints;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tutorial.jwt.install.TestServer;
import tutorial.jwt.install.TestTokens;

/** POST /api/token/verify/, row by row of CONTRACT.md. */
class TokenVerifyTest {

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(new Main());
        server.createUser("alice");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    io.restassured.response.ValidatableResponse verify(String path, String token) {
        return server.json(Map.of("token", token)).post(path).then();
    }

    @ParameterizedTest
    @ValueSource(strings = {"access", "refresh"})
    void a_good_token_of_either_type_verifies_with_an_empty_object(String type) {
        verify("/api/token/verify/", server.login("alice").getString(type)).statusCode(200).body("$", aMapWithSize(0));
    }

    @Test
    void the_tutorial_s_path_without_the_slash_works() {
        verify("/api/token/verify", server.login("alice").getString("access")).statusCode(200);
    }

    @Test
    void an_expired_token_is_refused() {
        String access = server.login("alice").getString("access");
        server.clock.advance(Duration.ofMinutes(5));
        try {
            verify("/api/token/verify/", access).statusCode(401)
                    .header("WWW-Authenticate", "Bearer realm=\"api\"")
                    .body("detail", equalTo("Token is expired")).body("code", equalTo("token_not_valid"));
        } finally {
            server.clock.advance(Duration.ofMinutes(-5));
        }
    }

    @Test
    void a_token_without_a_type_or_id_is_refused_with_the_reason() {
        verify("/api/token/verify/", TestTokens.hs256("{\"exp\":4102444800,\"jti\":\"a\"}")).statusCode(401)
                .body("detail", equalTo("Token has no type"));
        verify("/api/token/verify/", TestTokens.hs256("{\"exp\":4102444800,\"token_type\":\"access\"}")).statusCode(401)
                .body("detail", equalTo("Token has no id"));
    }

    @Test
    void the_field_is_required() {
        server.json("{}").post("/api/token/verify/").then().statusCode(400)
                .body("token", equalTo(List.of("This field is required."))).body("$", aMapWithSize(1));
    }

    @Test
    void the_api_root_lists_the_three_endpoints() {
        server.request().get("/api/").then().statusCode(200)
                .body("token_obtain_pair", equalTo("/api/token/"))
                .body("token_refresh", equalTo("/api/token/refresh/"))
                .body("token_verify", equalTo("/api/token/verify/"))
                .body("$", aMapWithSize(3));
    }
}
