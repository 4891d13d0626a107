package tutorial.jwt.docs;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tutorial.jwt.install.StepApp;

/** The server each step's transcripts replay against. A new step of the course is one line here, plus its two dependencies in docs/pom.xml. */
final class Steps {

    private static final Map<Integer, Supplier<StepApp>> APPS = Map.of(
            1, tutorial.jwt.install.Main::new,
            2, tutorial.jwt.endpoints.Main::new,
            3, tutorial.jwt.protect.Main::new,
            4, tutorial.jwt.refresh.Main::new,
            5, tutorial.jwt.claims.Main::new,
            6, tutorial.jwt.blacklist.Main::new);

    private Steps() {
    }

    static Optional<StepApp> app(int step) {
        return Optional.ofNullable(APPS.get(step)).map(Supplier::get);
    }
}
