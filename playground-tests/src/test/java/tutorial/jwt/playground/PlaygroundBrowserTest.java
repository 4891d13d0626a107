package tutorial.jwt.playground;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import tutorial.jwt.install.StepApp;
import tutorial.jwt.install.TestServer;

/**
 * The playground in headless Chromium, as a learner uses it: against step 6's real server (and step
 * 1's, to see the page follow its step), clicking buttons and reading what the page shows.
 * Each test leaves a screenshot in {@code target/screenshots/}.
 */
class PlaygroundBrowserTest {

    private static final String USERNAME = "your_username";
    /** The decoded table's columns. */
    private static final int ACCESS = 0;
    private static final int REFRESH = 1;

    private static Path profile;
    private static ChromeDriver browser;
    private TestServer server;

    @BeforeAll
    static void start_the_browser() throws IOException {
        if (!Chromium.installed()) {
            System.out.println(Chromium.HOW_TO_ENABLE);
            return;
        }
        profile = Files.createTempDirectory("chromium-profile");
        browser = Chromium.start(profile);
    }

    @BeforeEach
    void needs_the_browser() {
        Assumptions.assumeTrue(browser != null, Chromium.HOW_TO_ENABLE);
    }

    @AfterAll
    static void stop_the_browser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @AfterEach
    void stop_the_server() {
        if (server != null) {
            server.close();
        }
    }

    /**
     * After each test, the page's console: no script error and no Content-Security-Policy violation.
     * (A 4xx answer is logged too, as "Failed to load resource": those are the lesson, not a fault.)
     */
    @AfterEach
    void the_console_shows_no_script_error_or_policy_violation() {
        if (browser == null) {
            return; // skipped: no Chromium
        }
        List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("Failed to load resource"))
                .toList();
        assertEquals(List.of(), problems);
    }

    @Test
    void a_learner_logs_in_calls_the_protected_view_logs_out_and_sees_the_refresh_refused() {
        open(new tutorial.jwt.blacklist.Main());

        logIn();
        assertEquals("\"" + USERNAME + "\"", claim(ACCESS, "username"));
        assertEquals("custom claim", meaning("username"));
        assertTrue(claim(ACCESS, "exp").matches("(?s).*expires in [45] min.*"), claim(ACCESS, "exp")); // 5 minutes, counting down

        click("call-protected_view");
        assertTrue(newestResponse().startsWith("HTTP/1.1 200 OK"), newestResponse());
        assertTrue(newestResponse().contains("\"message\": \"Hello, " + USERNAME + "! You are authenticated.\""));
        assertTrue(newestRequest().contains("Authorization: Bearer " + token("access-token")), newestRequest());

        click("logout");
        assertTrue(newestResponse().startsWith("HTTP/1.1 200 OK"), newestResponse());
        assertTrue(text("refresh-token-title").contains("blacklisted"));

        click("refresh");
        assertTrue(newestResponse().startsWith("HTTP/1.1 401 Unauthorized"), newestResponse());
        assertTrue(newestResponse().contains("\"detail\": \"Token is blacklisted\""), newestResponse());
        assertTrue(newestResponse().contains("www-authenticate: Bearer realm=\"api\""), newestResponse());
        assertTrue(text("status").contains("Token is blacklisted"), text("status"));
        Chromium.screenshot(browser, "playground-step-6");
    }

    @Test
    void a_refresh_shows_the_rotated_refresh_token_and_the_old_one_is_refused() {
        open(new tutorial.jwt.blacklist.Main());
        logIn();
        String firstRefresh = token("refresh-token");

        click("refresh");
        assertTrue(newestResponse().startsWith("HTTP/1.1 200 OK"), newestResponse());
        assertNotEquals(firstRefresh, token("refresh-token"));
        assertTrue(text("refresh-token-title").contains("rotated"));

        click("refresh-previous");
        assertTrue(newestRequest().contains(firstRefresh), newestRequest());
        assertTrue(newestResponse().contains("\"detail\": \"Token is blacklisted\""), newestResponse());
        Chromium.screenshot(browser, "playground-rotation");
    }

    @Test
    void views_answer_401_without_a_token_and_403_to_a_user_who_is_not_staff_with_headers_and_bodies() {
        open(new tutorial.jwt.blacklist.Main());

        click("call-protected_view");
        assertFalse(newestRequest().contains("Authorization"), newestRequest());
        assertTrue(newestResponse().startsWith("HTTP/1.1 401 Unauthorized"), newestResponse());
        assertTrue(newestResponse().contains("www-authenticate: Bearer realm=\"api\""), newestResponse());
        assertTrue(newestResponse().contains("\"detail\": \"Authentication credentials were not provided.\""));
        Chromium.screenshot(browser, "playground-401");

        logIn();
        click("call-staff_view");
        assertTrue(newestResponse().startsWith("HTTP/1.1 403 Forbidden"), newestResponse());
        assertTrue(newestResponse().contains("\"detail\": \"You do not have permission to perform this action.\""));
    }

    @Test
    void log_out_everywhere_blacklists_the_refresh_tokens_of_every_device() {
        open(new tutorial.jwt.blacklist.Main());
        String otherDevice = server.login(USERNAME).getString("refresh");
        logIn();

        click("logout-all");
        assertTrue(newestResponse().contains("\"blacklisted\": 2"), newestResponse());
        assertTrue(text("refresh-token-title").contains("blacklisted"));
        server.json(Map.of("refresh", otherDevice)).post("/api/token/refresh/").then()
                .statusCode(401).body("detail", equalTo("Token is blacklisted"));
    }

    @Test
    void tokens_live_in_memory_only_so_a_reload_logs_you_out() {
        open(new tutorial.jwt.blacklist.Main());
        logIn();

        assertEquals(0L, browser.executeScript("return localStorage.length + sessionStorage.length"));
        assertEquals("", browser.executeScript("return document.cookie"));
        browser.navigate().refresh();
        waitUntilReady();
        assertTrue(browser.findElements(By.cssSelector("#tokens article")).isEmpty());
        assertTrue(browser.findElement(By.id("no-tokens")).isDisplayed());
    }

    @Test
    void on_step_1_the_page_offers_only_what_step_1_has() {
        open(new tutorial.jwt.install.Main());

        for (String group : List.of("views", "token-actions")) {
            assertFalse(browser.findElement(By.id(group)).isDisplayed(), group + " shown on step 1");
        }
        assertTrue(browser.findElements(By.id("logout")).isEmpty(), "no blacklist before step 6");
        assertTrue(browser.findElement(By.id("forget")).isDisplayed(), "forgetting the tokens is all a client can do");
        logIn();
        assertTrue(browser.findElements(By.cssSelector("#claims tr.custom")).isEmpty(), "step 1 adds no claims");
        assertEquals("\"access\"", claim(ACCESS, "token_type"));
        assertEquals("\"refresh\"", claim(REFRESH, "token_type"));
        Chromium.screenshot(browser, "playground-step-1");
    }

    // ---- what a learner does ---------------------------------------------------------------------

    @Test
    void in_cookie_mode_the_page_never_holds_a_token_and_still_logs_in_refreshes_and_logs_out() {
        open(new tutorial.jwt.browser.Main(), Map.of("JWT_ALGORITHM", "HS256", "JWT_AUTH_COOKIE", "access_token"));

        assertTrue(text("storage-note").startsWith("Kept in HttpOnly cookies"), text("storage-note"));
        logIn("cookie-tokens");
        String readable = text("cookie-tokens");
        assertTrue(readable.contains("csrftoken="), readable);
        assertFalse(readable.contains("access_token") || readable.contains("refresh_token") || readable.contains("eyJ"),
                "page script sees no token: " + readable);
        assertFalse(newestResponse().contains("eyJ"), "the login answer carries no token: " + newestResponse());

        click("call-protected_view");
        assertTrue(newestResponse().startsWith("HTTP/1.1 200 OK"), newestResponse());
        assertFalse(newestRequest().contains("Authorization"), newestRequest());

        click("refresh");
        assertTrue(newestResponse().startsWith("HTTP/1.1 200 OK"), newestResponse());
        assertTrue(newestRequest().contains("X-CSRFToken: "), newestRequest());
        assertFalse(newestResponse().contains("eyJ"), newestResponse());
        Chromium.screenshot(browser, "playground-step-8-cookies");

        click("logout");
        assertTrue(newestResponse().startsWith("HTTP/1.1 200 OK"), newestResponse());
        click("call-protected_view");
        assertTrue(newestResponse().startsWith("HTTP/1.1 401 Unauthorized"), "the browser dropped the cookies: " + newestResponse());
    }

    @Test
    void on_step_8_the_previous_refresh_token_is_caught_as_a_reuse_and_the_current_one_dies_with_it() {
        open(new tutorial.jwt.browser.Main(), Map.of("JWT_ALGORITHM", "HS256"));
        logIn();
        click("refresh");
        assertTrue(newestResponse().startsWith("HTTP/1.1 200 OK"), newestResponse());

        click("refresh-previous");
        assertTrue(newestResponse().startsWith("HTTP/1.1 401 Unauthorized"), newestResponse());
        assertTrue(text("status").contains("A reuse"), text("status"));
        click("refresh");
        assertTrue(newestResponse().startsWith("HTTP/1.1 401 Unauthorized"), "the family is revoked: " + newestResponse());
        Chromium.screenshot(browser, "playground-step-8-reuse");
    }

    private void open(StepApp step) {
        open(step, Map.of());
    }

    private void open(StepApp step, Map<String, String> environment) {
        server = TestServer.start(step, environment);
        server.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS)); // the countdowns read as in real use
        server.createUser(USERNAME);
        browser.get("http://127.0.0.1:" + server.port() + "/");
        waitUntilReady();
    }

    private void waitUntilReady() {
        waiting().until(driver -> "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    /** Types the username and password and presses Enter, as with a keyboard only. */
    private void logIn() {
        logIn("access-token");
    }

    /** Logs in and waits until the page shows {@code shown}: the access token, or the note that cookies hold it. */
    private void logIn(String shown) {
        int exchanges = exchanges();
        browser.findElement(By.id("username")).sendKeys(USERNAME);
        browser.findElement(By.id("password")).sendKeys(TestServer.PASSWORD, Keys.ENTER);
        waiting().until(driver -> exchanges() > exchanges);
        waiting().until(driver -> !driver.findElements(By.id(shown)).isEmpty());
    }

    /** Clicks a button and waits for the exchange it sends to be in the log. */
    private void click(String buttonId) {
        int exchanges = exchanges();
        browser.findElement(By.id(buttonId)).click();
        waiting().until(driver -> exchanges() > exchanges);
    }

    // ---- what the page shows ---------------------------------------------------------------------

    private int exchanges() {
        return browser.findElements(By.cssSelector("#log > li")).size();
    }

    private String newestRequest() {
        return browser.findElement(By.cssSelector("#log > li:first-child pre.request")).getText();
    }

    private String newestResponse() {
        return browser.findElement(By.cssSelector("#log > li:first-child pre.response")).getText();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** A token as the page shows it, encoded. */
    private String token(String card) {
        return browser.findElement(By.cssSelector("#" + card + " .encoded")).getText();
    }

    /** A claim's row in the decoded table: its name and meaning, then its value in each token. */
    private WebElement claimRow(String claim) {
        return browser.findElements(By.cssSelector("#claims tbody tr")).stream()
                .filter(row -> row.findElements(By.cssSelector("th code")).stream().anyMatch(name -> name.getText().equals(claim)))
                .findFirst().orElseThrow(() -> new AssertionError("no claim " + claim + " in the decoded table"));
    }

    private String claim(int column, String claim) {
        return claimRow(claim).findElements(By.tagName("td")).get(column).getText();
    }

    private String meaning(String claim) {
        return claimRow(claim).findElement(By.cssSelector("th .meaning")).getText();
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }
}
