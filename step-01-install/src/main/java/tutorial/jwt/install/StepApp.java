package tutorial.jwt.install;

import java.util.List;
import java.util.Map;
import tutorial.jwt.install.db.Migrations;
import tutorial.jwt.install.db.Schema;
import tutorial.jwt.install.users.User;
import tutorial.jwt.install.web.WebModule;

/**
 * What makes one step of the course: its settings, its tables, its server's modules and its extra
 * commands. Each step's {@code Main} implements it and lists every stage so far, so the whole app of
 * a step reads in one file.
 */
public interface StepApp {

    /** Shown on startup and in {@code --help}: {@code "Step 1 (install)"}. */
    String title();

    /** The launcher's name for this step: {@code "1"}, or a module name for the variants. */
    String launcherName();

    /** This stage's {@code SIMPLE_JWT} values, e.g. {@code REFRESH_TOKEN_LIFETIME=P15D}; the environment overrides them. */
    default Map<String, String> settings() {
        return Map.of();
    }

    /** The SQL that creates this step's tables (Django's, on SQLite and on PostgreSQL), run on startup. */
    default Schema migrations() {
        return Migrations.AUTH_USER;
    }

    /** The server's parts: routes, filters and views of every stage so far. */
    List<WebModule> modules(Services services);

    /** Called after {@code changepassword} set a new password; step 6 logs the user out everywhere. */
    default void passwordChanged(Launch launch, User user) {
    }

    /** Commands beyond runserver, createsuperuser and changepassword (picocli objects). */
    default List<Object> commands(Launch launch) {
        return List.of();
    }
}
