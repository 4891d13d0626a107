package tutorial.jwt.install;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * One run of a step's command line: the step, its environment, and where it reads and writes.
 * Commands get their {@link Services} from here, built on first use, so {@code --help} needs no database;
 * closing the launch closes them.
 */
public final class Launch implements AutoCloseable {

    private final StepApp app;
    private final Map<String, String> environment;
    private final Path workingDir;
    private final Clock clock;
    private final BufferedReader in;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean console;
    private Services services;

    public Launch(StepApp app, Map<String, String> environment, Path workingDir, Clock clock,
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

    public StepApp app() {
        return app;
    }

    public Map<String, String> environment() {
        return environment;
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

    public synchronized Services services() {
        if (services == null) {
            services = Services.open(app, environment, workingDir, clock, line -> {
                err.println(line);
                err.flush();
            });
        }
        return services;
    }

    @Override
    public synchronized void close() {
        if (services != null) {
            services.close();
            services = null;
        }
    }

    /** How a learner runs this step's commands: {@code ./run 1}. */
    public String runCommand() {
        return "./run " + app.launcherName();
    }
}
