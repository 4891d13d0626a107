package tutorial.jwt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tutorial.jwt.foundation.json.StrictJson;
import tutorial.jwt.install.RawHttp;
import tutorial.jwt.install.TestServer;

/**
 * Step 8's cookies, attacked as a hostile page and a thief would: a cookie request without the CSRF
 * token, with a forged one or another session's, from another site, and a rotated refresh token
 * replayed. Each CSRF attempt is DRF's 403 and writes nothing; a replay is 401 and revokes its family.
 */
class BrowserAttackTest {

    static final Map<String, String> COOKIE_MODE = Map.of("JWT_ALGORITHM", "HS256", "JWT_AUTH_COOKIE", "access_token");
    static TestServer server;
    /** Alice's and Mallory's cookies after logging in from a browser: name → value. */
    static Map<String, String> alice;
    static Map<String, String> mallory;

    @BeforeAll
    static void start() {
        server = TestServer.start(new tutorial.jwt.browser.Main(), COOKIE_MODE);
        server.createUser("alice");
        server.createUser("mallory");
        alice = browserLogin("alice");
        mallory = browserLogin("mallory");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** What a page does: fetch a CSRF token, then log in with it; the cookies it is left with. */
    static Map<String, String> browserLogin(String username) {
        Map<String, String> jar = new LinkedHashMap<>();
        keep(jar, RawHttp.request("GET", "/api/token/csrf/").send(server.port()));
        RawHttp.Response login = RawHttp.request("POST", "/api/token/").header("Content-Type", "application/json")
                .header("Cookie", "csrftoken=" + jar.get("csrftoken")).header("X-CSRFToken", jar.get("csrftoken"))
                .body(StrictJson.write(Map.of("username", username, "password", TestServer.PASSWORD))).send(server.port());
        assertEquals(200, login.status(), login.body());
        keep(jar, login);
        return jar;
    }

    static void keep(Map<String, String> jar, RawHttp.Response response) {
        for (String cookie : response.headers().getOrDefault("set-cookie", List.of())) {
            String pair = cookie.split(";", 2)[0];
            jar.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
    }

    static String cookies(String... pairs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parts.add(pairs[i] + "=" + pairs[i + 1]);
        }
        return String.join("; ", parts);
    }

    static RawHttp post(String path, String cookieHeader, Map<String, String> headers) {
        RawHttp request = RawHttp.request("POST", path).header("Cookie", cookieHeader);
        headers.forEach(request::header);
        return request;
    }

    static Stream<Arguments> csrfAttacks() {
        String refresh = "/api/token/refresh/";
        String logoutAll = "/api/token/blacklist/all/";
        String access = alice.get("access_token");
        String aliceRefresh = alice.get("refresh_token");
        String aliceCsrf = alice.get("csrftoken");
        String otherSession = mallory.get("csrftoken");
        String forged = "f".repeat(32);
        return Stream.of(
                Arguments.of("the refresh cookie without a CSRF token", post(refresh,
                        cookies("refresh_token", aliceRefresh, "csrftoken", aliceCsrf), Map.of()), "CSRF token missing."),
                Arguments.of("the access cookie without a CSRF token", post(logoutAll,
                        cookies("access_token", access, "csrftoken", aliceCsrf), Map.of()), "CSRF token missing."),
                Arguments.of("a CSRF token the attacker made, in header and cookie", post(refresh,
                        cookies("refresh_token", aliceRefresh, "csrftoken", forged), Map.of("X-CSRFToken", forged)), "CSRF token incorrect."),
                Arguments.of("another session's CSRF token, in header and cookie", post(logoutAll,
                        cookies("access_token", access, "csrftoken", otherSession), Map.of("X-CSRFToken", otherSession)), "CSRF token incorrect."),
                Arguments.of("the header without the cookie", post(refresh,
                        cookies("refresh_token", aliceRefresh), Map.of("X-CSRFToken", aliceCsrf)), "CSRF cookie not set."),
                Arguments.of("the cookies on a request from another site", post(logoutAll,
                        cookies("access_token", access, "csrftoken", aliceCsrf),
                        Map.of("X-CSRFToken", aliceCsrf, "Origin", "https://evil.example")),
                        "Origin checking failed - https://evil.example does not match any trusted origins."),
                Arguments.of("a login form posted from another site", post("/api/token/", cookies("csrftoken", forged),
                        Map.of("X-CSRFToken", forged, "Origin", "https://evil.example", "Content-Type", "application/json")),
                        "Origin checking failed - https://evil.example does not match any trusted origins."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("csrfAttacks")
    void is_refused_with_drfs_403_and_writes_nothing(String name, RawHttp request, String reason) {
        DatabaseSnapshot before = DatabaseSnapshot.of(server);
        RawHttp.Response response = request.send(server.port());
        assertEquals(403, response.status(), name + ": " + response.body());
        assertEquals(Map.of("detail", "CSRF Failed: " + reason), StrictJson.parse(response.body()), name);
        assertTrue(response.headers().getOrDefault("set-cookie", List.of()).isEmpty(), name + ": no cookie is set");
        assertEquals(before, DatabaseSnapshot.of(server), name + ": the request changed the database");
    }

    @Test
    void with_her_own_csrf_token_alices_requests_go_through_so_the_refusals_are_the_attacks_own() {
        RawHttp.Response response = post("/api/token/verify/", "", Map.of("Content-Type", "application/json"))
                .body(StrictJson.write(Map.of("token", alice.get("access_token")))).send(server.port());
        assertEquals(200, response.status(), response.body());
        RawHttp.Response protectedView = RawHttp.request("GET", "/api/protected/")
                .header("Cookie", cookies("access_token", alice.get("access_token"))).send(server.port());
        assertEquals(200, protectedView.status(), "a safe request needs no CSRF token");
    }

    @Test
    void a_replayed_rotated_refresh_cookie_is_refused_and_its_family_revoked() {
        Map<String, String> victim = browserLogin("alice");
        String stolen = victim.get("refresh_token");
        RawHttp.Response rotated = post("/api/token/refresh/", cookies("refresh_token", stolen, "csrftoken", victim.get("csrftoken")),
                Map.of("X-CSRFToken", victim.get("csrftoken"))).send(server.port());
        assertEquals(200, rotated.status(), rotated.body());
        keep(victim, rotated);

        RawHttp.Response replay = post("/api/token/refresh/", "", Map.of("Content-Type", "application/json"))
                .body(StrictJson.write(Map.of("refresh", stolen))).send(server.port()); // the thief, with a copy
        assertEquals(401, replay.status());
        assertEquals("Token is blacklisted", ((Map<?, ?>) StrictJson.parse(replay.body())).get("detail"));

        RawHttp.Response successor = post("/api/token/refresh/",
                cookies("refresh_token", victim.get("refresh_token"), "csrftoken", victim.get("csrftoken")),
                Map.of("X-CSRFToken", victim.get("csrftoken"))).send(server.port());
        assertEquals(401, successor.status(), "the family is revoked: " + successor.body());
    }
}
