package tutorial.jwt.refresh.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tutorial.jwt.foundation.Launch;
import tutorial.jwt.foundation.cli.Prompter;
import tutorial.jwt.install.Services;

/**
 * {@code ./run 4 demo}: a session that outlives its access token. Logs in to a running server, calls
 * the protected view, waits for the access token to expire, and calls it again: the client refreshes
 * by itself and the call succeeds.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the self-refreshing client against a running step-4 server and prints every request.",
                "Start the server with a short access lifetime to watch it expire:",
                "  JWT_ACCESS_TOKEN_LIFETIME=PT10S ./run 4"})
public final class DemoCommand implements Callable<Integer> {

    /** How long the demo is willing to wait for an access token to expire. */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

    /** How the demo waits; the tests move a clock instead of sleeping. */
    public interface Waiter {
        void waitFor(Duration duration) throws InterruptedException;
    }

    private final Launch<Services> launch;
    private final Clock clock;
    private final Waiter waiter;

    @Option(names = "--url", description = "The server (default: http://127.0.0.1:$PORT, else 8000).")
    String url;

    @Option(names = "--username", defaultValue = "your_username", description = "Who logs in (default: ${DEFAULT-VALUE}).")
    String username;

    public DemoCommand(Launch<Services> launch, Clock clock, Waiter waiter) {
        this.launch = launch;
        this.clock = clock;
        this.waiter = waiter;
    }

    /** The demo as a learner runs it: real time, real sleeping. */
    public DemoCommand(Launch<Services> launch) {
        this(launch, Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()));
    }

    @Override
    public Integer call() throws InterruptedException {
        URI server = URI.create(url != null ? url : "http://127.0.0.1:" + launch.environment().getOrDefault("PORT", "8000"));
        String password = launch.environment().get("DEMO_PASSWORD");
        if (password == null) {
            password = new Prompter(launch).askHidden("Password for " + username + ": ");
        }
        SessionClient client = new SessionClient(server, launch.out()::println);
        if (!client.login(username, password)) {
            launch.err().println("Error: the login failed (see the answer above).");
            return 1;
        }
        client.get("/api/protected/");

        Duration left = Duration.ofSeconds(Tokens.expiresAt(client.accessToken()) - clock.instant().getEpochSecond());
        if (left.compareTo(LONGEST_WAIT) > 0) {
            launch.out().println("The access token lives " + left.toSeconds() + " s. To watch it expire, restart the"
                    + " server with JWT_ACCESS_TOKEN_LIFETIME=PT10S and run the demo again.");
            return 0;
        }
        launch.out().println("The access token expires in " + left.toSeconds() + " s: waiting for that...");
        launch.out().flush();
        waiter.waitFor(left.plusSeconds(1));
        SessionClient.Response response = client.get("/api/protected/");
        launch.out().println(response.status() == 200
                ? "The session went on across the expiry, without logging in again."
                : "The session could not go on: log in again.");
        return response.status() == 200 ? 0 : 1;
    }
}
