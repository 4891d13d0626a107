package tutorial.jwt.install;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import tutorial.jwt.foundation.Launch;
import tutorial.jwt.foundation.cli.Cli;
import tutorial.jwt.foundation.settings.Settings;

/**
 * Runs a step's command line in this JVM with typed input, and keeps what it printed. The database
 * is a fresh {@link TestDatabase}; close the runner to close what {@link #services()} opened.
 */
public final class CliRunner implements AutoCloseable {

    private final StepApp app;
    private final Path dir;
    private final Map<String, String> environment = new HashMap<>();
    public String out = "";
    public String err = "";
    private Services services;

    public CliRunner(StepApp app, Path dir) {
        this.app = app;
        this.dir = dir;
        environment.put("DATABASE_URL", TestDatabase.fresh(dir));
        environment.put("JWT_SIGNING_KEY", TestServer.SIGNING_KEY);
        environment.put("PASSWORD_ITERATIONS", "1000");
    }

    public CliRunner env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Runs {@code args} with {@code input} as the lines typed; returns the exit code. */
    public int run(String input, String... args) {
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        int code;
        try (Launch<Services> launch = new Launch<>(app, environment, dir, new MutableClock(java.time.Instant.now()),
                new BufferedReader(new StringReader(input)), new PrintWriter(outText), new PrintWriter(errText), false)) {
            code = Cli.execute(launch, args);
        }
        out = outText.toString();
        err = errText.toString();
        return code;
    }

    /** The step's services on the same database, to check what a command did. */
    public Services services() {
        if (services == null) {
            services = app.open(new Settings(environment, app.settings()), dir, java.time.Clock.systemUTC(), line -> { });
        }
        return services;
    }

    @Override
    public void close() {
        if (services != null) {
            services.close();
        }
    }
}
