package tutorial.jwt.foundation;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import tutorial.jwt.foundation.settings.Settings;

/**
 * One run of a project's command line: the project, its environment, and where it reads and writes.
 * Commands get the project's services from here, built on first use, so {@code --help} needs no
 * database; closing the launch closes them.
 *
 * @param <S> what the project builds on its {@link Site}
 */
public final class Launch<S extends Project.Built> implements AutoCloseable {

    private final Project<S> app;
    private Map<String, String> environment;
    private final Path workingDir;
    private final Clock clock;
    private final BufferedReader in;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean console;
    private S services;

    public Launch(Project<S> app, Map<String, String> environment, Path workingDir, Clock clock,
                  BufferedReader in, PrintWriter out, PrintWriter err, boolean console) {
        this.app = app;
        this.environment = environment;
        this.workingDir = workingDir;
        this.clock = clock;
        this.in = in;
        this.out = out;
        this.err = err;
        this.console = console;
    }

    public Project<S> app() {
        return app;
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** Where the project keeps its local files (a development key, say): the folder it runs in. */
    public Path workingDir() {
        return workingDir;
    }

    public BufferedReader in() {
        return in;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** True when a person types at a terminal: passwords are then read without echo. */
    public boolean console() {
        return console;
    }

    /**
     * A command-line option that stands for a setting, {@code runserver --host} for {@code HOST}: the
     * settings read it as if the environment said so, and every check on that setting applies.
     */
    public synchronized void override(String name, String value) {
        if (services != null) {
            throw new IllegalStateException(name + " is set after the settings were read");
        }
        Map<String, String> changed = new HashMap<>(environment);
        changed.put(name, value);
        environment = changed;
    }

    public synchronized S services() {
        if (services == null) {
            services = app.open(new Settings(environment, app.settings()), workingDir, clock, line -> {
                err.println(line);
                err.flush();
            });
        }
        return services;
    }

    public Site site() {
        return services().site();
    }

    @Override
    public synchronized void close() {
        if (services != null) {
            services.close();
            services = null;
        }
    }

    /** How a learner runs this project's commands: {@code ./run 1}. */
    public String runCommand() {
        return "./run " + app.launcherName();
    }
}
