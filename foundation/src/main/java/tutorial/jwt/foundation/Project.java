package tutorial.jwt.foundation;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tutorial.jwt.foundation.db.Migrations;
import tutorial.jwt.foundation.db.Schema;
import tutorial.jwt.foundation.settings.Settings;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.foundation.web.WebModule;

/**
 * What the command line runs, as a Django project's {@code settings.py} and {@code urls.py}: its
 * settings, its tables, the services it builds on the {@link Site}, its server's modules and its
 * extra commands.
 *
 * @param <S> what the project builds on the site, for its views and commands
 */
public interface Project<S extends Project.Built> {

    /** What a project builds on its {@link Site}; closing it closes the site. */
    interface Built extends AutoCloseable {
        Site site();

        @Override
        default void close() {
            site().close();
        }
    }

    /** Shown on startup and in {@code --help}, e.g. {@code "Step 1 (install)"}. */
    String title();

    /** The launcher's name for this project: {@code ./run <name>}. */
    String launcherName();

    /** The project's own setting values; the environment overrides them. */
    default Map<String, String> settings() {
        return Map.of();
    }

    /** The SQL that creates the project's tables (Django's, on SQLite and on PostgreSQL), run on startup. */
    default Schema migrations() {
        return Migrations.AUTH_USER;
    }

    /** Reads the settings, opens the site, builds what the views need. */
    S open(Settings settings, Path workingDir, Clock clock, Consumer<String> log);

    /** The server's parts: routes, filters and views. */
    List<WebModule> modules(S services);

    /** DRF's {@code authenticate_header}: the {@code WWW-Authenticate} value sent with every 401. */
    String wwwAuthenticate();

    /** The last lines of {@code --help}: where the settings come from. */
    default String settingsHelp() {
        return "Settings come from the environment: PORT, DATABASE_URL, see docs/settings.md.";
    }

    /** What {@code runserver} suggests trying once it listens at {@code base}, e.g. a curl command. */
    default List<String> tryIt(String base) {
        return List.of();
    }

    /** Called after {@code changepassword} set a new password. */
    default void passwordChanged(Launch<S> launch, User user) {
    }

    /** Commands beyond runserver, createsuperuser and changepassword (picocli objects). */
    default List<Object> commands(Launch<S> launch) {
        return List.of();
    }
}
