package tutorial.jwt.docs;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tutorial.jwt.install.StepApp;

/** The server each step's transcripts replay against. A new step of the course is one line here, plus its dependencies in docs/pom.xml. */
final class Steps {

    private static final Map<Integer, Supplier<StepApp>> APPS = Map.of(
            1, tutorial.jwt.install.Main::new,
            2, tutorial.jwt.endpoints.Main::new,
            3, tutorial.jwt.protect.Main::new,
            4, tutorial.jwt.refresh.Main::new,
            5, tutorial.jwt.claims.Main::new,
            6, tutorial.jwt.blacklist.Main::new,
            7, tutorial.jwt.keys.Main::new,
            8, tutorial.jwt.browser.Main::new);

    /**
     * What a step's server and commands get on top of the test server's settings. Steps 7 and 8 sign
     * with their development key ring, as {@code ./run 7} does when no key is set (a blank value is
     * unset); step 8 runs in cookie mode, as its page starts it.
     */
    private static final Map<Integer, Map<String, String>> ENVIRONMENT = Map.of(7, Map.of("JWT_SIGNING_KEY", ""),
            8, Map.of("JWT_SIGNING_KEY", "", "JWT_AUTH_COOKIE", "access_token"));

    private Steps() {
    }

    static Optional<StepApp> app(int step) {
        return Optional.ofNullable(APPS.get(step)).map(Supplier::get);
    }

    static Map<String, String> environment(int step) {
        return ENVIRONMENT.getOrDefault(step, Map.of());
    }
}
