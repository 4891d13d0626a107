package tutorial.jwt.playground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver. Both paths are given to Selenium,
 * so it never looks for a browser or a driver: Selenium Manager, which would download them, does not
 * run. The environment variables {@code CHROMIUM} and {@code CHROMEDRIVER} name other installs.
 */
final class Chromium {

    static final Path BROWSER = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** The one line a run without Chromium prints. */
    static final String HOW_TO_ENABLE = "Browser tests skipped: they need " + BROWSER + " and " + DRIVER
            + ". To run them: apt-get install chromium chromium-driver";

    /** Selenium warns it has no DevTools classes for this Chromium's version: these tests use none. */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
    }

    private Chromium() {
    }

    static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** A fresh browser with a throwaway profile, nothing in the background, the console log kept. */
    static ChromeDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-US");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * Saves the whole page as {@code target/screenshots/<name>.png}: the window grows to the page's
     * height for the picture (so the sticky log is shown from its top), then shrinks back.
     */
    static Path screenshot(ChromeDriver browser, String name) {
        Dimension window = browser.manage().window().getSize();
        long chrome = window.height - (Long) browser.executeScript("return window.innerHeight");
        long page = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(window.width, (int) (page + chrome)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            browser.manage().window().setSize(window);
        }
    }
}
