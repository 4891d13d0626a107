package tutorial.jwt.spark;

import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tutorial.jwt.install.TestServer;
import tutorial.jwt.protect.Main;

/** What only the Spark side does: deny by default, JSON instead of Spark's HTML pages, paths and methods. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkGateTest {

    private TestServer issuer;
    private IsolatedSpark spark;
    private String access;

    @BeforeAll
    void start() {
        issuer = TestServer.start(new Main());
        issuer.createUser("alice");
        access = issuer.login("alice").getString("access");
        spark = IsolatedSpark.start(issuer, Map.of(), true);
    }

    @AfterAll
    void stop() {
        spark.close();
        issuer.close();
    }

    @Test
    void a_route_that_declares_no_permission_is_refused_not_public() {
        spark.request().get("/api/forgotten/").then().statusCode(403)
                .body("detail", equalTo("You do not have permission to perform this action."));
        spark.request().header("Authorization", "Bearer " + access).get("/api/forgotten/").then()
                .statusCode(403).body("secret", nullValue());
    }

    @Test
    void an_unexpected_error_is_a_json_500_that_shows_nothing_of_it() {
        spark.request().get("/api/broken/").then().statusCode(500)
                .contentType("application/json")
                .body(equalTo("{\"detail\":\"A server error occurred.\"}"));
    }

    @Test
    void an_error_that_escapes_spark_is_the_same_json_500_from_jetty() {
        spark.request().get("/api/broken-badly/").then().statusCode(500)
                .contentType("application/json")
                .body(equalTo("{\"detail\":\"A server error occurred.\"}"));
    }

    @Test
    void an_unknown_path_is_json_not_spark_s_html_page() {
        spark.request().get("/nothing/here").then().statusCode(404)
                .contentType("application/json").body(equalTo("{\"detail\":\"Not found.\"}"));
    }

    @Test
    void a_view_answers_with_and_without_its_trailing_slash() {
        spark.request().get("/api/public").then().statusCode(200)
                .body("message", equalTo("Hello from a public endpoint!"));
        spark.request().header("Authorization", "Bearer " + access).get("/api/protected").then().statusCode(200);
    }

    @Test
    void another_method_on_a_view_is_405_before_authentication() {
        spark.request().header("Authorization", "Bearer not-a-jwt").post("/api/protected/").then()
                .statusCode(405).body("detail", equalTo("Method \"POST\" not allowed."));
    }

    @Test
    void head_is_get_without_the_body() {
        spark.request().head("/api/public/").then().statusCode(200).body(emptyString());
        spark.request().head("/api/protected/").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"api\"");
    }

    @Test
    void a_request_jetty_refuses_before_spark_sees_it_is_json_too() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", spark.port)) {
            String malformed = "GET /api/% HTTP/1.1\r\nHost: localhost\r\n\r\n";
            socket.getOutputStream().write(malformed.getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 400 "), response);
            assertTrue(response.contains("Content-Type: application/json"), response);
            assertTrue(response.endsWith("{\"detail\":\"Malformed request.\"}"), response); // step 1's words
        }
    }

    @Test
    void the_spark_server_runs_on_the_last_jetty_9_4_not_the_one_spark_was_built_on() {
        String version = IsolatedSpark.jettyVersion(); // e.g. 9.4.58.v20250814
        String[] parts = version.split("\\.");
        assertTrue(parts[0].equals("9") && parts[1].equals("4") && Integer.parseInt(parts[2]) >= 58, version);
    }

    @Test
    void jetty_does_not_announce_its_version() {
        spark.request().get("/api/public/").then().header("Server", nullValue());
    }

    @Test
    void the_views_answer_json() {
        spark.request().get("/api/public/").then().contentType("application/json");
    }
}
