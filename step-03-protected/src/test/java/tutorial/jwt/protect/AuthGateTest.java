package tutorial.jwt.protect;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tutorial.jwt.foundation.settings.SettingsException;
import tutorial.jwt.foundation.web.WebModule;
import tutorial.jwt.install.Services;
import tutorial.jwt.install.StepApp;
import tutorial.jwt.install.TestServer;

/** What only the Javalin gate does: deny by default, open token endpoints, settings, CORS. */
class AuthGateTest {

    /** Step 3 with one more route, registered without a permission. */
    static final class WithForgottenPermission implements StepApp {
        @Override
        public String title() {
            return "step 3 and a mistake";
        }

        @Override
        public String launcherName() {
            return "3";
        }

        @Override
        public List<WebModule> modules(Services services) {
            List<WebModule> modules = new ArrayList<>(new Main().modules(services));
            modules.add(config -> config.routes.get("/api/forgotten/", ctx -> ctx.json(Map.of("secret", 42))));
            return modules;
        }
    }

    @Test
    void a_route_that_declares_no_permission_is_refused_not_public() {
        try (TestServer server = TestServer.start(new WithForgottenPermission())) {
            server.createUser("alice");
            server.request().get("/api/forgotten/").then().statusCode(403)
                    .body("detail", equalTo("You do not have permission to perform this action."));
            server.request().header("Authorization", "Bearer " + server.login("alice").getString("access"))
                    .get("/api/forgotten/").then().statusCode(403).body("secret", nullValue());
        }
    }

    @Test
    void the_token_endpoints_ignore_the_authorization_header() {
        try (TestServer server = TestServer.start(new Main())) {
            server.createUser("alice");
            server.json(Map.of("username", "alice", "password", TestServer.PASSWORD))
                    .header("Authorization", "Bearer garbage").post("/api/token/").then().statusCode(200);
            server.json(Map.of("token", server.login("alice").getString("access")))
                    .header("Authorization", "Bearer garbage").post("/api/token/verify/").then().statusCode(200);
        }
    }

    @Test
    void the_header_name_and_types_are_settings() {
        try (TestServer server = TestServer.start(new Main(),
                Map.of("JWT_AUTH_HEADER_TYPES", "JWT,Bearer", "JWT_AUTH_HEADER_NAME", "X-Access-Token"))) {
            server.createUser("alice");
            String access = server.login("alice").getString("access");
            server.request().header("X-Access-Token", "JWT " + access).get("/api/protected/").then().statusCode(200);
            server.request().header("Authorization", "Bearer " + access).get("/api/protected/").then().statusCode(401)
                    .body("detail", equalTo("Authentication credentials were not provided."));
        }
    }

    @Test
    void cors_is_off_by_default() {
        try (TestServer server = TestServer.start(new Main())) {
            server.request().header("Origin", "http://localhost:3000").get("/api/public/").then()
                    .statusCode(200).header("Access-Control-Allow-Origin", nullValue());
        }
    }

    @Test
    void cors_answers_a_configured_origin_s_preflight_and_requests() {
        try (TestServer server = TestServer.start(new Main(), Map.of("CORS_ALLOWED_ORIGINS", "http://localhost:3000"))) {
            server.request().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "authorization")
                    .options("/api/protected/").then().statusCode(200)
                    .header("Access-Control-Allow-Origin", "http://localhost:3000");
            server.request().header("Origin", "http://evil.example").get("/api/public/").then()
                    .header("Access-Control-Allow-Origin", nullValue());
        }
    }

    @Test
    void a_lowercase_bearer_is_refused_even_after_a_good_header_on_the_same_connection() throws Exception {
        try (TestServer server = TestServer.start(new Main())) {
            server.createUser("alice");
            String access = server.login("alice").getString("access");
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(); // keeps the connection
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/protected/");
            HttpResponse<String> good = client.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + access)
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> lowercase = client.send(HttpRequest.newBuilder(uri).header("Authorization", "bearer " + access)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, good.statusCode());
            assertEquals(401, lowercase.statusCode(), lowercase.body());
            assertEquals("{\"detail\":\"Authentication credentials were not provided.\"}", lowercase.body());
        }
    }

    @Test
    void an_authorization_header_sent_twice_is_malformed_whichever_value_is_good() throws Exception {
        try (TestServer server = TestServer.start(new Main())) {
            server.createUser("alice");
            String access = server.login("alice").getString("access");
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/protected/");
            for (String[] pair : new String[][] {{access, "garbage"}, {"garbage", access}, {access, access}}) {
                HttpResponse<String> twice = client.send(HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + pair[0]).header("Authorization", "Bearer " + pair[1])
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(401, twice.statusCode(), twice.body());
                assertEquals("{\"detail\":\"Authorization header must contain two space-delimited values\","
                        + "\"code\":\"bad_authorization_header\"}", twice.body());
                assertEquals("Bearer realm=\"api\"", twice.headers().firstValue("WWW-Authenticate").orElse(null));
            }
        }
    }

    @Test
    void the_api_root_lists_the_views_too() {
        try (TestServer server = TestServer.start(new Main())) {
            server.request().get("/api/").then().statusCode(200)
                    .body("protected_view", equalTo("/api/protected/"))
                    .body("public_view", equalTo("/api/public/"))
                    .body("token_refresh", equalTo("/api/token/refresh/"));
        }
    }

    @Test
    void auth_token_classes_naming_sliding_tokens_stops_step_3_before_it_serves() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> TestServer.start(new Main(), Map.of("JWT_AUTH_TOKEN_CLASSES", "AccessToken,SlidingToken")));
        assertEquals("JWT_AUTH_TOKEN_CLASSES names SlidingToken, which this step does not have:"
                + " sliding tokens come in step 4.", e.getMessage());
    }
}
