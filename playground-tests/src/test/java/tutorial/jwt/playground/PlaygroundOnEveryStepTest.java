package tutorial.jwt.playground;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tutorial.jwt.install.StepApp;
import tutorial.jwt.install.TestServer;

/**
 * Every step serves the playground, and its files pass step 3's deny-by-default gate without a token,
 * while curl keeps getting the JSON API root. No browser needed.
 */
class PlaygroundOnEveryStepTest {

    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    static Stream<Named<StepApp>> steps() {
        return Stream.<StepApp>of(new tutorial.jwt.install.Main(), new tutorial.jwt.endpoints.Main(),
                        new tutorial.jwt.protect.Main(), new tutorial.jwt.refresh.Main(), new tutorial.jwt.claims.Main(),
                        new tutorial.jwt.blacklist.Main(), new tutorial.jwt.keys.Main(),
                        new tutorial.jwt.browser.Main())
                .map(step -> Named.of(step.title(), step));
    }

    /** Steps 7 and 8 sign with their development key pair: the test server's HMAC secret is unset for it (blank is unset). */
    static Map<String, String> environment(StepApp step) {
        return step instanceof tutorial.jwt.keys.Main || step instanceof tutorial.jwt.browser.Main
                ? Map.of("JWT_SIGNING_KEY", "") : Map.of();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void the_step_serves_the_page_to_a_browser_and_json_to_curl(StepApp step) {
        try (TestServer server = TestServer.start(step, environment(step))) {
            server.request().accept(BROWSER_ACCEPT).get("/").then()
                    .statusCode(200).body(containsString("<title>JWT playground</title>"));
            for (String file : new String[] {"playground.js", "playground.css", "favicon.svg"}) {
                server.request().get("/playground/" + file).then().statusCode(200);
            }
            server.request().accept("*/*").get("/api/").then()
                    .statusCode(200).contentType(startsWith("application/json"))
                    .body("token_obtain_pair", equalTo("/api/token/"));
        }
    }
}
