package tutorial.jwt.browser;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tutorial.jwt.foundation.Launch;
import tutorial.jwt.foundation.cli.Cli;
import tutorial.jwt.foundation.db.Schema;
import tutorial.jwt.foundation.settings.Settings;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.foundation.web.WebModule;
import tutorial.jwt.install.Services;
import tutorial.jwt.install.StepApp;
import tutorial.jwt.protect.web.AuthGate;

/**
 * Step 8: browser clients. Step 7's app, where every login starts a token family and a refresh token
 * presented twice revokes its family, and where, with {@code JWT_AUTH_COOKIE} set, browsers keep their
 * tokens in {@code HttpOnly} cookies, with Django's CSRF check on every request a cookie authenticates.
 */
public final class Main implements StepApp {

    private final tutorial.jwt.keys.Main step7 = new tutorial.jwt.keys.Main();
    /** Read once in {@link #open}, with the other settings: a wrong value stops the start. */
    private CookieSettings cookies;

    public static void main(String[] args) {
        System.exit(Cli.run(new Main(), args));
    }

    @Override
    public String title() {
        return "Step 8 (browser)";
    }

    @Override
    public String launcherName() {
        return "8";
    }

    @Override
    public Map<String, String> settings() {
        return step7.settings();
    }

    @Override
    public Schema migrations() {
        return step7.migrations().and(FamilyTables.CREATE);
    }

    @Override
    public Services open(Settings settings, Path workingDir, Clock clock, Consumer<String> log) {
        cookies = CookieSettings.read(settings);
        Services services = step7.open(settings, workingDir, clock, log, migrations());
        if (!services.jwt().rotateRefreshTokens() || !services.jwt().blacklistAfterRotation()) {
            log.accept("Reuse detection is off: with JWT_ROTATE_REFRESH_TOKENS or JWT_BLACKLIST_AFTER_ROTATION false,"
                    + " a refreshed token stays valid, so presenting it again is no sign of theft. Set both to true.");
        }
        return services;
    }

    /** Step 6's views with families in place of its blacklist, the cookie transport around them, and step 7's key set. */
    @Override
    public List<WebModule> modules(Services services) {
        FamilyBlacklist families = new FamilyBlacklist(services.site().database(), services.site().clock(),
                services.jwt(), services.codec());
        FamilyTokenFactory tokens = new FamilyTokenFactory(services.jwt(), services.site().clock(), families,
                services.codec(), cookies.enabled());
        FamilyRefreshExchange exchange = new FamilyRefreshExchange(tokens, services.codec(), services.jwt(), families);
        List<WebModule> modules = new ArrayList<>();
        AuthGate.Credentials credentials = AuthGate.header(services.jwt().authHeaderName());
        if (cookies.enabled()) {
            CookieTransport transport = new CookieTransport(cookies, services.jwt(), services.codec(),
                    new Csrf(trusted(services.site().server().corsAllowedOrigins(), cookies.trustedOrigins())));
            modules.add(transport);
            credentials = transport.credentials();
        }
        modules.addAll(tutorial.jwt.blacklist.Main.views(services, families, tokens, exchange, credentials));
        modules.add(step7.jwksView());
        return modules;
    }

    /** The origins whose pages may send cookie requests, besides the server's own. */
    private static List<String> trusted(List<String> corsAllowed, List<String> csrfTrusted) {
        List<String> origins = new ArrayList<>(corsAllowed);
        origins.addAll(csrfTrusted);
        return origins;
    }

    /** What {@code runserver} prints: step 1's curl command, and in cookie mode where a browser client starts. */
    @Override
    public List<String> tryIt(String base) {
        List<String> lines = new ArrayList<>(StepApp.super.tryIt(base));
        if (cookies != null && cookies.enabled()) {
            lines.add("Cookie mode is on: a client that sends X-CSRFToken gets its tokens in HttpOnly cookies."
                    + " Start with: curl -c jar.txt " + base + CookieTransport.CSRF_PATH);
        }
        return lines;
    }

    @Override
    public void passwordChanged(Launch<Services> launch, User user) {
        step7.passwordChanged(launch, user);
    }

    @Override
    public List<Object> commands(Launch<Services> launch) {
        return step7.commands(launch);
    }
}
