package tutorial.jwt.install;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The playground's HTTP side: a browser gets the page at the API root, every other client still gets
 * the JSON it always got, and the page's files come with headers that let only them run.
 * (PlaygroundBrowserTest, in playground-tests, clicks through the page in Chromium.)
 */
class PlaygroundPageTest {

    /** What Chromium sends when a learner opens http://127.0.0.1:8000/. */
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,"
            + "image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(new Main());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/", "/api"})
    void a_browser_gets_the_playground_page_at_the_api_root(String path) {
        server.request().accept(BROWSER_ACCEPT).get(path).then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Vary", "Accept")
                .body(containsString("<title>JWT playground</title>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/json", "application/json, text/html", "text/html;q=0.5, */*",
            "text/html;q=0.5, application/json;q=0.9", "text/plain", "text/html;q=0"})
    void every_other_client_still_gets_the_json_api_root(String accept) {
        server.request().accept(accept).get("/api/").then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Vary", "Accept")
                .body("token_obtain_pair", equalTo("/api/token/")).body("$", aMapWithSize(1));
    }

    @Test
    void a_client_that_sends_no_accept_header_gets_the_json_api_root() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.request().headers().firstValue("Accept").isEmpty());
        assertEquals(200, response.statusCode());
        assertEquals("{\"token_obtain_pair\":\"/api/token/\"}", response.body());
    }

    @Test
    void the_page_comes_with_a_strict_content_security_policy() {
        server.request().accept(BROWSER_ACCEPT).get("/").then()
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"playground.js:text/javascript", "playground.css:text/css", "favicon.svg:image/svg+xml"})
    void the_page_s_files_are_served_with_their_type_and_the_same_headers(String fileAndType) {
        String[] parts = fileAndType.split(":");
        server.request().get("/playground/" + parts[0]).then()
                .statusCode(200)
                .contentType(startsWith(parts[1]))
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/playground/secret.txt", "/playground/..%2F..%2Fpom.xml", "/playground/"})
    void nothing_else_is_served_from_the_playground(String path) {
        server.request().urlEncodingEnabled(false).get(path).then()
                .statusCode(404).body("detail", equalTo("Not found."));
    }

    @Test
    void the_page_has_no_inline_script_style_or_event_handler_and_loads_nothing_from_elsewhere() {
        String html = page().asString();
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(html).find(), "inline <script>");
        assertFalse(Pattern.compile("<style|\\sstyle=").matcher(html).find(), "inline style");
        assertFalse(Pattern.compile("\\son[a-z]+=").matcher(html).find(), "inline event handler");
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "a file from another site");
    }

    @Test
    void the_script_never_stores_a_token_in_the_browser() {
        String script = server.request().get("/playground/playground.js").asString();
        for (String storage : new String[] {"localStorage", "sessionStorage", "indexedDB", "innerHTML"}) {
            assertFalse(script.contains(storage), "playground.js uses " + storage);
        }
        // It may read document.cookie, to show that it cannot see the HttpOnly ones, but never write it.
        assertFalse(Pattern.compile("document\\.cookie\\s*=(?!=)").matcher(script).find(), "playground.js sets a cookie");
    }

    private static Response page() {
        return server.request().accept(BROWSER_ACCEPT).get("/");
    }
}
