package tutorial.jwt.browser;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tutorial.jwt.foundation.settings.SettingsException;
import tutorial.jwt.install.CliRunner;
import tutorial.jwt.install.TestServer;
import tutorial.jwt.install.TestTokens;

/** Cookie mode from a browser's side: what login, refresh and logout set, and the CSRF check both ways. */
class CookieModeTest {

    /** HS256 (the test server's secret, so tokens can be read and forged here) and cookie mode on. */
    static final Map<String, String> COOKIES = Map.of("JWT_ALGORITHM", "HS256", "JWT_AUTH_COOKIE", "access_token");

    static TestServer start(Map<String, String> more) {
        Map<String, String> environment = new HashMap<>(COOKIES);
        environment.putAll(more);
        return TestServer.start(new Main(), environment);
    }

    static String csrfClaim(String token) {
        return (String) TestTokens.payload(token).get("csrf");
    }

    @Test
    void a_login_with_the_csrf_header_gets_httponly_cookies_and_no_token_in_the_body() {
        try (TestServer server = start(Map.of())) {
            server.createUser("alice");
            Browser browser = new Browser(server);
            browser.logIn("alice").then().statusCode(200).body("keySet()", equalTo(java.util.Set.of("csrftoken")));

            List<String> cookies = browser.setCookies();
            String access = browser.cookie("access_token");
            assertTrue(cookies.contains("access_token=" + access + "; Path=/; Max-Age=300; HttpOnly; Secure; SameSite=Lax"), cookies.toString());
            String refresh = browser.cookie("refresh_token");
            for (String path : List.of("/api/token/refresh/", "/api/token/blacklist/")) {
                assertTrue(cookies.contains("refresh_token=" + refresh + "; Path=" + path + "; Max-Age=1296000; HttpOnly; Secure; SameSite=Lax"),
                        "the refresh cookie goes to refresh and logout only: " + cookies);
            }
            assertEquals(csrfClaim(access), browser.cookie("csrftoken"), "the session's CSRF token replaces the login form's");
            assertEquals(csrfClaim(access), browser.last.jsonPath().getString("csrftoken"), "and is in the body for the page");
            assertTrue(cookies.stream().anyMatch(c -> c.startsWith("csrftoken=") && !c.contains("HttpOnly")), "page script reads it");

            browser.to("/api/protected/").get("/api/protected/").then().statusCode(200)
                    .body("message", equalTo("Hello, alice! You are authenticated."));
        }
    }

    @Test
    void a_request_the_access_cookie_authenticates_needs_the_sessions_csrf_token_when_unsafe() {
        try (TestServer server = start(Map.of())) {
            server.createUser("alice");
            server.createUser("mallory");
            Browser alice = new Browser(server);
            alice.logIn("alice");
            Browser mallory = new Browser(server);
            mallory.logIn("mallory");
            String path = CookieTransport.LOGOUT_ALL_PATH;

            alice.to(path).post(path).then().statusCode(403).body("detail", equalTo("CSRF Failed: CSRF token missing."));
            alice.to(path).header("X-CSRFToken", "0".repeat(32)).post(path).then()
                    .statusCode(403).body("detail", equalTo("CSRF Failed: CSRF token incorrect."));
            String otherSession = mallory.cookie("csrftoken"); // a token and cookie that match each other, from another session
            server.request().header("Cookie", "access_token=" + alice.cookie("access_token") + "; csrftoken=" + otherSession)
                    .header("X-CSRFToken", otherSession).post(path).then()
                    .statusCode(403).body("detail", equalTo("CSRF Failed: CSRF token incorrect."));
            alice.withCsrf(path).header("Origin", "https://evil.example").post(path).then().statusCode(403)
                    .body("detail", equalTo("CSRF Failed: Origin checking failed - https://evil.example does not match any trusted origins."));
            server.request().header("X-CSRFToken", alice.cookie("csrftoken")).header("Cookie", "access_token=" + alice.cookie("access_token"))
                    .post(path).then().statusCode(403).body("detail", equalTo("CSRF Failed: CSRF cookie not set."));

            alice.post(path).then().statusCode(200).body("blacklisted", equalTo(1));
            assertNull(alice.cookie("access_token"), "logging out everywhere clears the cookies");
            assertNull(alice.cookie("refresh_token"));
        }
    }

    @Test
    void refresh_and_logout_take_the_refresh_cookie_with_the_csrf_token_and_answer_in_cookies() {
        try (TestServer server = start(Map.of())) {
            server.createUser("alice");
            Browser browser = new Browser(server);
            browser.logIn("alice");
            String firstRefresh = browser.cookie("refresh_token");
            String refreshPath = "/api/token/refresh/";

            browser.to(refreshPath).post(refreshPath).then().statusCode(403).body("detail", equalTo("CSRF Failed: CSRF token missing."));
            browser.post(refreshPath).then().statusCode(200).body("keySet()", equalTo(java.util.Set.of("csrftoken")));
            assertNotNull(browser.cookie("refresh_token"));
            assertTrue(!firstRefresh.equals(browser.cookie("refresh_token")), "rotated, into the cookie");
            browser.to("/api/protected/").get("/api/protected/").then().statusCode(200);

            browser.post(CookieTransport.LOGOUT_PATH).then().statusCode(200).body(equalTo("{}"));
            assertNull(browser.cookie("access_token"));
            assertNull(browser.cookie("refresh_token"));
            assertNull(browser.cookie("csrftoken"));
        }
    }

    @Test
    void a_client_that_sends_bearer_headers_and_bodies_sees_simple_jwts_api_and_needs_no_csrf_token() {
        try (TestServer server = start(Map.of())) {
            server.createUser("alice");
            var login = server.json(Map.of("username", "alice", "password", TestServer.PASSWORD)).post("/api/token/");
            login.then().statusCode(200);
            assertTrue(login.headers().getValues("Set-Cookie").isEmpty(), "no cookies for a client that did not ask");
            String access = login.jsonPath().getString("access");
            String refresh = login.jsonPath().getString("refresh");
            server.json(Map.of("refresh", refresh)).post("/api/token/refresh/").then().statusCode(200)
                    .body("access", org.hamcrest.Matchers.notNullValue());
            server.request().header("Authorization", "Bearer " + access).post(CookieTransport.LOGOUT_ALL_PATH)
                    .then().statusCode(200);
            // A header wins over a cookie, and then no CSRF token is asked for.
            server.request().header("Authorization", "Bearer " + access).header("Cookie", "access_token=garbage")
                    .get("/api/protected/").then().statusCode(200);
        }
    }

    @Test
    void secure_can_be_turned_off_on_127_0_0_1_only() {
        try (TestServer server = start(Map.of("JWT_AUTH_COOKIE_SECURE", "false"))) {
            server.createUser("alice");
            Browser browser = new Browser(server);
            browser.logIn("alice");
            assertTrue(browser.setCookies().stream().noneMatch(c -> c.contains("Secure")), browser.setCookies().toString());
        }
        SettingsException error = assertThrows(SettingsException.class,
                () -> start(Map.of("JWT_AUTH_COOKIE_SECURE", "false", "HOST", "0.0.0.0")));
        assertTrue(error.getMessage().contains("for development on 127.0.0.1 only"), error.getMessage());
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // were the check skipped, the server would run on
    void runserver_host_is_checked_as_host_is(@TempDir Path dir) {
        try (CliRunner cli = new CliRunner(new Main(), dir)) {
            COOKIES.forEach(cli::env);
            cli.env("JWT_AUTH_COOKIE_SECURE", "false");
            assertEquals(1, cli.run("", "runserver", "--host", "0.0.0.0", "--port", "0"));
            assertTrue(cli.err.contains("for development on 127.0.0.1 only, and this server listens on 0.0.0.0"), cli.err);
        }
    }

    @Test
    void asking_for_a_csrf_token_again_keeps_the_session_s_so_it_can_still_refresh_and_log_out() {
        try (TestServer server = start(Map.of())) {
            server.createUser("alice");
            Browser browser = new Browser(server);
            String session = browser.logIn("alice").then().statusCode(200).extract().path("csrftoken");
            browser.keep(browser.to(CookieTransport.CSRF_PATH).get(CookieTransport.CSRF_PATH)).then()
                    .statusCode(200).body("csrftoken", equalTo(session));
            assertEquals(session, browser.cookie("csrftoken"));
            browser.post("/api/token/refresh/").then().statusCode(200);
            browser.post(CookieTransport.LOGOUT_PATH).then().statusCode(200);
        }
    }

    @Test
    void other_methods_on_the_token_views_are_405_whatever_the_cookies() {
        try (TestServer server = start(Map.of())) {
            server.createUser("alice");
            Browser browser = new Browser(server);
            browser.logIn("alice").then().statusCode(200);
            for (String path : List.of("/api/token/", "/api/token/refresh/", CookieTransport.LOGOUT_PATH)) {
                browser.to(path).header("X-CSRFToken", "wrong").get(path).then().statusCode(405);
            }
        }
    }

    @Test
    void behind_a_tls_proxy_the_public_origin_is_trusted_by_csrf_trusted_origins() {
        try (TestServer server = start(Map.of("CSRF_TRUSTED_ORIGINS", "https://api.example.com"))) {
            server.createUser("alice");
            Browser browser = new Browser(server);
            browser.logIn("alice").then().statusCode(200);
            // The proxy speaks plain HTTP to the server; the browser names the address it sees.
            browser.keep(browser.withCsrf("/api/token/refresh/").header("Origin", "https://api.example.com")
                    .post("/api/token/refresh/")).then().statusCode(200);
            browser.withCsrf("/api/token/refresh/").header("Origin", "https://other.example.com").post("/api/token/refresh/")
                    .then().statusCode(403).body("detail", equalTo("CSRF Failed: Origin checking failed -"
                            + " https://other.example.com does not match any trusted origins."));
        }
        SettingsException error = assertThrows(SettingsException.class,
                () -> start(Map.of("CSRF_TRUSTED_ORIGINS", "api.example.com")));
        assertTrue(error.getMessage().startsWith("CSRF_TRUSTED_ORIGINS lists api.example.com"), error.getMessage());
    }

    @Test
    void runserver_says_when_cookie_mode_is_on() {
        Main cookieMode = new Main();
        try (TestServer server = TestServer.start(cookieMode, COOKIES)) {
            assertEquals("Cookie mode is on: a client that sends X-CSRFToken gets its tokens in HttpOnly cookies."
                    + " Start with: curl -c jar.txt http://127.0.0.1:8000/api/token/csrf/", cookieMode.tryIt("http://127.0.0.1:8000").get(1));
        }
        Main bearerOnly = new Main();
        try (TestServer server = TestServer.start(bearerOnly, Map.of("JWT_ALGORITHM", "HS256"))) {
            assertEquals(1, bearerOnly.tryIt("http://127.0.0.1:8000").size());
        }
    }

    @Test
    void without_jwt_auth_cookie_step_8_sets_no_cookie_and_has_no_csrf_endpoint() {
        try (TestServer server = TestServer.start(new Main(), Map.of("JWT_ALGORITHM", "HS256"))) {
            server.createUser("alice");
            server.request().get(CookieTransport.CSRF_PATH).then().statusCode(404);
            var login = server.json(Map.of("username", "alice", "password", TestServer.PASSWORD))
                    .header("X-CSRFToken", "x").contentType(ContentType.JSON).post("/api/token/");
            login.then().statusCode(200).body("access", org.hamcrest.Matchers.notNullValue());
            assertTrue(login.headers().getValues("Set-Cookie").isEmpty());
        }
    }
}
