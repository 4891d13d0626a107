package tutorial.jwt.protect;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.install.TestServer;
import tutorial.jwt.install.TestTokens;
import tutorial.jwt.install.tokens.TokenFactory;

/**
 * The protected-views table of CONTRACT.md, for any server that protects the tutorial's views with
 * the tokens of a step-3 issuer: the Javalin step 3 itself, and the Spark variant. Tokens are made
 * with the issuer's key and users live in its database, which the server under test shares.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProtectedViewsContract {

    protected TestServer issuer;
    private int port;
    private User alice;
    private User staff;

    /** Starts the server under test on the issuer's database and key; returns its port. */
    protected abstract int startViews(TestServer issuer);

    protected abstract void stopViews();

    @BeforeAll
    void start() {
        issuer = TestServer.start(new Main());
        alice = issuer.createUser("alice");
        staff = issuer.createStaff("boss");
        port = startViews(issuer);
    }

    @AfterAll
    void stop() {
        stopViews();
        issuer.close();
    }

    RequestSpecification request() {
        return given().baseUri("http://127.0.0.1").port(port);
    }

    ValidatableResponse get(String path, String authorization) {
        RequestSpecification request = request();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.get(path).then();
    }

    String access(User user) {
        TokenFactory tokens = new TokenFactory(issuer.services.jwt(), issuer.clock);
        return issuer.services.codec().encode(tokens.accessFrom(tokens.refreshFor(user)));
    }

    String refresh(User user) {
        TokenFactory tokens = new TokenFactory(issuer.services.jwt(), issuer.clock);
        return issuer.services.codec().encode(tokens.refreshFor(user));
    }

    void notProvided(ValidatableResponse response) {
        response.statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"api\"")
                .body("detail", equalTo("Authentication credentials were not provided."))
                .body("$", aMapWithSize(1));
    }

    void tokenNotValid(ValidatableResponse response, String message) {
        response.statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"api\"")
                .body("detail", equalTo("Given token not valid for any token type"))
                .body("code", equalTo("token_not_valid"))
                .body("messages", equalTo(List.of(Map.of(
                        "token_class", "AccessToken", "token_type", "access", "message", message))))
                .body("$", aMapWithSize(3));
    }

    @Test
    void the_public_view_answers_anyone() {
        get("/api/public/", null).statusCode(200).body("message", equalTo("Hello from a public endpoint!"));
    }

    @Test
    void the_protected_view_without_a_token_says_credentials_were_not_provided() {
        notProvided(get("/api/protected/", null));
    }

    @Test
    void head_is_authenticated_as_get_is_a_challenge_without_a_token_and_200_with_one() {
        request().head("/api/protected/").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"api\"");
        request().header("Authorization", "Bearer " + access(alice)).head("/api/protected/").then().statusCode(200);
        request().head("/api/public/").then().statusCode(200);
    }

    @Test
    void the_protected_view_with_an_access_token_greets_the_user() {
        get("/api/protected/", "Bearer " + access(alice)).statusCode(200)
                .body("message", equalTo("Hello, alice! You are authenticated."));
    }

    @Test
    void the_class_based_twin_answers_an_authenticated_user() {
        get("/api/hello/", "Bearer " + access(alice)).statusCode(200)
                .body("message", equalTo("Hello, authenticated user!"));
        notProvided(get("/api/hello/", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Basic YWxpY2U6c2VjcmV0", "bearer TOKEN", "Token TOKEN", "JWT TOKEN"})
    void another_scheme_or_an_empty_header_is_no_credentials_at_all(String header) {
        notProvided(get("/api/protected/", header.replace("TOKEN", access(alice))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer a b", "Bearer TOKEN TOKEN"})
    void a_bearer_header_without_exactly_one_token_is_malformed(String header) {
        get("/api/protected/", header.replace("TOKEN", access(alice))).statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"api\"")
                .body("detail", equalTo("Authorization header must contain two space-delimited values"))
                .body("code", equalTo("bad_authorization_header"));
    }

    @Test
    void extra_spaces_between_scheme_and_token_are_fine() {
        get("/api/protected/", "Bearer    " + access(alice)).statusCode(200);
    }

    @Test
    void an_invalid_token_is_refused_with_the_reason_in_messages() {
        String token = access(alice);
        tokenNotValid(get("/api/protected/", "Bearer " + token.substring(0, token.length() - 2)), "Token is invalid");
        tokenNotValid(get("/api/protected/", "Bearer not-a-jwt"), "Token is invalid");
    }

    @Test
    void an_expired_access_token_is_refused_as_expired() {
        String token = access(alice);
        issuer.clock.advance(Duration.ofMinutes(5));
        try {
            tokenNotValid(get("/api/protected/", "Bearer " + token), "Token is expired");
        } finally {
            issuer.clock.advance(Duration.ofMinutes(-5));
        }
    }

    @Test
    void a_token_accepted_before_is_refused_once_it_has_expired() {
        String token = access(alice);
        get("/api/protected/", "Bearer " + token).statusCode(200); // checked, and remembered
        issuer.clock.advance(Duration.ofMinutes(5));
        try {
            tokenNotValid(get("/api/protected/", "Bearer " + token), "Token is expired");
        } finally {
            issuer.clock.advance(Duration.ofMinutes(-5));
        }
    }

    @Test
    void a_refresh_token_is_not_an_access_token() {
        tokenNotValid(get("/api/protected/", "Bearer " + refresh(alice)), "Token has wrong type");
    }

    @Test
    void a_token_that_names_no_user_is_refused() {
        long now = issuer.clock.instant().getEpochSecond();
        String token = TestTokens.hs256("{\"token_type\":\"access\",\"exp\":" + (now + 60) + ",\"jti\":\"a\"}");
        get("/api/protected/", "Bearer " + token).statusCode(401)
                .body("detail", equalTo("Token contained no recognizable user identification"))
                .body("code", equalTo("token_not_valid")).body("$", aMapWithSize(2));
    }

    @Test
    void a_deleted_user_s_valid_token_is_refused() {
        User gone = issuer.createUser("gone");
        String token = access(gone);
        issuer.sql("DELETE FROM auth_user WHERE id = ?", gone.id());
        get("/api/protected/", "Bearer " + token).statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"api\"")
                .body("detail", equalTo("User not found")).body("code", equalTo("user_not_found"));
    }

    @Test
    void a_deactivated_user_s_valid_token_is_refused() {
        User quitter = issuer.createUser("quitter");
        String token = access(quitter);
        issuer.sql("UPDATE auth_user SET is_active = false WHERE id = ?", quitter.id());
        get("/api/protected/", "Bearer " + token).statusCode(401)
                .body("detail", equalTo("User is inactive")).body("code", equalTo("user_inactive"));
    }

    @Test
    void the_staff_view_is_401_for_strangers_403_for_users_and_200_for_staff() {
        notProvided(get("/api/staff/", null));
        get("/api/staff/", "Bearer " + access(alice)).statusCode(403)
                .header("WWW-Authenticate", org.hamcrest.Matchers.nullValue())
                .body("detail", equalTo("You do not have permission to perform this action."));
        get("/api/staff/", "Bearer " + access(staff)).statusCode(200)
                .body("message", equalTo("Hello, boss! You are staff."));
    }

    @Test
    void a_bad_token_is_refused_even_on_the_public_view_as_drf_authenticates_every_view() {
        tokenNotValid(get("/api/public/", "Bearer not-a-jwt"), "Token is invalid");
    }

    @Test
    void an_unknown_path_is_404_before_any_authentication() {
        get("/api/nothing/", null).statusCode(404).body("detail", equalTo("Not found."));
        get("/api/nothing/", "Bearer not-a-jwt").statusCode(404).body("detail", equalTo("Not found."));
    }

    @Test
    void a_cors_preflight_is_never_blocked_by_authentication() {
        request().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/api/protected/").then().statusCode(not(401));
    }

    @Test
    void a_token_of_user_id_as_string_authenticates_too() {
        long now = issuer.clock.instant().getEpochSecond();
        Map<String, Object> claims = TestTokens.claims("access", String.valueOf(alice.id()), now, now + 60);
        get("/api/protected/", "Bearer " + TestTokens.hs256(claims)).statusCode(200)
                .body("message", equalTo("Hello, alice! You are authenticated."));
    }

}
