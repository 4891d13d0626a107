package tutorial.jwt.install;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.install.tokens.TokenFactory;

/** POST /api/token/, row by row of CONTRACT.md, against the real step-1 server. */
class TokenObtainTest {

    static final String NO_ACCOUNT = "No active account found with the given credentials";
    static TestServer server;
    static User alice;

    @BeforeAll
    static void start() {
        server = TestServer.start(new Main());
        alice = server.createUser("alice");
        server.createUser("inactive");
        server.sql("UPDATE auth_user SET is_active = false WHERE username = 'inactive'");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void valid_credentials_get_a_refresh_and_an_access_token() {
        JsonPath body = server.login("alice");
        assertEquals(2, body.getMap("").size());
        Map<String, Object> refresh = TestTokens.payload(body.getString("refresh"));
        Map<String, Object> access = TestTokens.payload(body.getString("access"));
        long now = server.clock.instant().getEpochSecond();

        assertEquals(List.of("token_type", "exp", "iat", "jti", "user_id"), List.copyOf(refresh.keySet()));
        assertEquals("refresh", refresh.get("token_type"));
        assertEquals(now, refresh.get("iat"));
        assertEquals(now + 86_400, refresh.get("exp"), "refresh lives one day by default");
        assertEquals(alice.id(), refresh.get("user_id"));

        assertEquals("access", access.get("token_type"));
        assertEquals(now + 300, access.get("exp"), "access lives five minutes by default");
        assertEquals(alice.id(), access.get("user_id"));
        assertNotEquals(refresh.get("jti"), access.get("jti"));
        for (Map<String, Object> payload : List.of(refresh, access)) {
            org.hamcrest.MatcherAssert.assertThat((String) payload.get("jti"), matchesPattern("[0-9a-f]{32}"));
        }
        assertEquals(Map.of("alg", "HS256", "typ", "JWT"), TestTokens.header(body.getString("access")));
    }

    @Test
    void the_tokens_are_signed_with_the_configured_key() {
        String access = server.login("alice").getString("access");
        assertNotNull(server.services.codec().verify(access, TokenFactory.ACCESS));
    }

    @Test
    void a_form_encoded_body_works_too() {
        server.request().contentType(ContentType.URLENC)
                .formParam("username", "alice").formParam("password", TestServer.PASSWORD)
                .post("/api/token/")
                .then().statusCode(200).body("access", startsWith("eyJ"));
    }

    @Test
    void the_path_works_without_the_trailing_slash() {
        server.json(Map.of("username", "alice", "password", TestServer.PASSWORD))
                .post("/api/token")
                .then().statusCode(200).body("refresh", startsWith("eyJ"));
    }

    @Test
    void missing_fields_are_each_required() {
        server.json("{}").post("/api/token/")
                .then().statusCode(400)
                .body("username", equalTo(List.of("This field is required.")))
                .body("password", equalTo(List.of("This field is required.")))
                .body("$", aMapWithSize(2));
    }

    @Test
    void an_empty_body_is_the_same_as_no_fields() {
        server.request().post("/api/token/")
                .then().statusCode(400).body("username", equalTo(List.of("This field is required.")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"username\": null, \"password\": \"x\"}      | This field may not be null.",
            "{\"username\": \"\", \"password\": \"x\"}      | This field may not be blank.",
            "{\"username\": \"   \", \"password\": \"x\"}   | This field may not be blank.",
            "{\"username\": [\"alice\"], \"password\": \"x\"} | Not a valid string.",
            "{\"username\": {\"a\": 1}, \"password\": \"x\"} | Not a valid string.",
            "{\"username\": true, \"password\": \"x\"}      | Not a valid string.",
            "{\"username\": \"a\\u0000b\", \"password\": \"x\"} | Null characters are not allowed."})
    void a_bad_username_gets_drf_s_field_message(String body, String message) {
        server.json(body).post("/api/token/")
                .then().statusCode(400).body("username", equalTo(List.of(message))).body("$", aMapWithSize(1));
    }

    @Test
    void a_blank_password_is_refused_but_not_trimmed() {
        server.json(Map.of("username", "alice", "password", "")).post("/api/token/")
                .then().statusCode(400).body("password", equalTo(List.of("This field may not be blank.")));
        server.json(Map.of("username", "alice", "password", " " + TestServer.PASSWORD)).post("/api/token/")
                .then().statusCode(401).body("detail", equalTo(NO_ACCOUNT));
    }

    @Test
    void several_bad_fields_are_reported_in_one_body() {
        server.json("{\"username\": null, \"password\": []}").post("/api/token/")
                .then().statusCode(400)
                .body("username", equalTo(List.of("This field may not be null.")))
                .body("password", equalTo(List.of("Not a valid string.")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice:wrong password", "nobody:" + TestServer.PASSWORD, "inactive:" + TestServer.PASSWORD})
    void wrong_password_unknown_user_and_inactive_user_get_one_and_the_same_401(String credentials) {
        String[] parts = credentials.split(":", 2);
        server.json(Map.of("username", parts[0], "password", parts[1])).post("/api/token/")
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"api\"")
                .body("detail", equalTo(NO_ACCOUNT))
                .body("$", aMapWithSize(1));
    }

    @Test
    void a_numeric_username_is_read_as_a_string_as_drf_does() {
        server.json("{\"username\": 12345, \"password\": \"x\"}").post("/api/token/")
                .then().statusCode(401).body("detail", equalTo(NO_ACCOUNT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH"})
    void other_methods_are_not_allowed(String method) {
        server.request().request(method, "/api/token/")
                .then().statusCode(405).body("detail", equalTo("Method \"" + method + "\" not allowed."));
    }

    @Test
    void another_content_type_is_unsupported() {
        server.request().contentType("text/plain").body("username=alice").post("/api/token/")
                .then().statusCode(415)
                .body("detail", startsWith("Unsupported media type \"text/plain"))
                .body("detail", matchesPattern(".*\" in request\\."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"username\": \"alice\",}", "{'username': 'alice'}", "{\"a\": 1} // comment",
            "{\"username\": \"alice\"} {}", "nul"})
    void malformed_json_is_a_parse_error(String body) {
        server.json(body).post("/api/token/")
                .then().statusCode(400).body("detail", startsWith("JSON parse error - ")).body("$", aMapWithSize(1));
    }

    @Test
    void a_duplicate_key_is_refused_rather_than_guessed() {
        server.json("{\"username\": \"mallory\", \"password\": \"x\", \"username\": \"alice\"}").post("/api/token/")
                .then().statusCode(400).body("detail", equalTo("JSON parse error - Duplicate key \"username\""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[1, 2] | list", "\"alice\" | str", "42 | int", "4.2 | float",
            "true | bool", "null | NoneType"})
    void json_that_is_not_an_object_is_refused_with_its_type(String body, String type) {
        server.json(body).post("/api/token/")
                .then().statusCode(400)
                .body("non_field_errors", equalTo(List.of("Invalid data. Expected a dictionary, but got " + type + ".")));
    }

    @Test
    void deeply_nested_json_is_refused_without_a_server_error() {
        String body = "{\"username\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        server.json(body).post("/api/token/").then().statusCode(400).body("detail", startsWith("JSON parse error"));
    }

    @Test
    void a_body_over_the_limit_is_refused_with_413() {
        String password = "x".repeat(200_000);
        server.json(Map.of("username", "alice", "password", password)).post("/api/token/")
                .then().statusCode(413).body("detail", startsWith("Request body is too large"));
    }

    @Test
    void an_unknown_path_is_404_in_drf_s_shape() {
        server.request().get("/api/nothing-here/").then().statusCode(404).body("detail", equalTo("Not found."));
    }

    @Test
    void the_api_root_lists_this_step_s_endpoints() {
        server.request().accept(ContentType.JSON).get("/api/")
                .then().statusCode(200).body("token_obtain_pair", equalTo("/api/token/")).body("$", aMapWithSize(1));
        server.request().get("/").then().statusCode(200).body("token_obtain_pair", equalTo("/api/token/"));
    }

    @Test
    void last_login_is_left_alone_by_default() {
        server.login("alice");
        assertEquals(null, server.services.site().users().findByUsername("alice").orElseThrow().lastLogin());
    }

    @Test
    void update_last_login_records_the_login_time_when_on() {
        try (TestServer withUpdate = TestServer.start(new Main(), Map.of("JWT_UPDATE_LAST_LOGIN", "true"))) {
            withUpdate.createUser("bob");
            withUpdate.login("bob");
            assertEquals(withUpdate.clock.instant(),
                    withUpdate.services.site().users().findByUsername("bob").orElseThrow().lastLogin());
        }
    }

    @Test
    void nothing_of_a_failed_login_is_written_to_the_database() {
        server.json(Map.of("username", "alice", "password", "wrong")).post("/api/token/").then().statusCode(401);
        server.request().get("/nothing").then().body("detail", equalTo("Not found.")).header("WWW-Authenticate", nullValue());
        assertEquals(null, server.services.site().users().findByUsername("alice").orElseThrow().lastLogin());
    }
}
