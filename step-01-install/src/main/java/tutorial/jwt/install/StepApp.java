package tutorial.jwt.install;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import tutorial.jwt.foundation.Project;
import tutorial.jwt.foundation.settings.Settings;

/**
 * One step of the course: a {@link Project} whose views are built from Simple JWT's {@link Services}.
 * Each step's {@code Main} implements it and lists every stage so far, so the whole app of a step
 * reads in one file.
 */
public interface StepApp extends Project<Services> {

    /** Simple JWT's {@code JWTAuthentication.authenticate_header}, sent with every 401. */
    String WWW_AUTHENTICATE = "Bearer realm=\"api\"";

    @Override
    default Services open(Settings settings, Path workingDir, Clock clock, Consumer<String> log) {
        return Services.open(settings, migrations(), workingDir, clock, log);
    }

    @Override
    default String wwwAuthenticate() {
        return WWW_AUTHENTICATE;
    }

    @Override
    default String settingsHelp() {
        return "Settings come from the environment: PORT, DATABASE_URL, JWT_<SETTING> "
                + "(e.g. JWT_ACCESS_TOKEN_LIFETIME=PT2S), see docs/settings.md.";
    }

    @Override
    default List<String> tryIt(String base) {
        return List.of("Get a token: curl -X POST " + base + "/api/token/ -H \"Content-Type: application/json\""
                + " -d '{\"username\":\"your_username\", \"password\":\"your_password\"}'");
    }
}
