package tutorial.jwt.spark;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tutorial.jwt.install.Services;
import tutorial.jwt.install.settings.SigningKey;

/** Django's {@code runserver} for the Spark variant: starts the views and keeps them running until Ctrl-C. */
@Command(name = "runserver", mixinStandardHelpOptions = true,
        description = "Starts the Spark server (default: http://127.0.0.1:8001/, or $PORT).")
final class RunServerCommand implements Callable<Integer> {

    @Option(names = {"-p", "--port"}, description = "The port to listen on (default: $PORT, else 8001).")
    Integer port;

    @Option(names = "--host", description = "The address to listen on (default: $HOST, else 127.0.0.1;"
            + " 0.0.0.0 for every interface).")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> environment = System.getenv();
        PrintStream out = System.out;
        Services services = Main.openServices(environment, Path.of("").toAbsolutePath(), Clock.systemUTC(),
                System.err::println);
        boolean stateless = Main.stateless(environment);
        String listenHost = host != null ? host : services.site().server().host();
        int listenPort = port != null ? port : portFrom(environment, services);
        SparkServer server = SparkServer.start(listenHost, listenPort, Main.authentication(services, stateless),
                services.jwt().authHeaderName(), TutorialViews::register);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));

        String base = "http://" + listenHost + ":" + server.port();
        out.println(runningAt(base, services));
        out.println("It issues no tokens: it accepts access tokens signed with " + keySource(environment) + ".");
        out.println(stateless
                ? "STATELESS=true: the user comes from the token alone; the user table is not read."
                : "Each request's user is read from auth_user, as in step 3 (STATELESS=true skips that).");
        String issuer = environment.getOrDefault("JWT_JWK_URL", "").isBlank() ? "./run 3" : "./run 7";
        out.println("Try: curl " + base + "/api/protected/ -H \"Authorization: Bearer <access token from " + issuer + ">\"");
        out.println("Quit the server with CONTROL-C.");
        stopped.await();
        return 0;
    }

    /** The first line the server prints: where it listens, and its database with the password masked. */
    static String runningAt(String base, Services services) {
        return Main.TITLE + " is running at " + base + "/ (database: " + services.site().database().displayUrl() + ")";
    }

    /** {@code $PORT} when set (a hosting platform sets it), else 8001: 8000 is the Javalin step's. */
    private static int portFrom(Map<String, String> environment, Services services) {
        String value = environment.get("PORT");
        return value == null || value.isBlank() ? Main.DEFAULT_PORT : services.site().server().port();
    }

    private static String keySource(Map<String, String> environment) {
        String jwkUrl = environment.get("JWT_JWK_URL");
        if (jwkUrl != null && !jwkUrl.isBlank()) {
            return "the public keys at " + jwkUrl.trim() + " (it holds no secret)";
        }
        String key = environment.get("JWT_SIGNING_KEY");
        if (key != null && !key.isBlank()) {
            return "JWT_SIGNING_KEY";
        }
        return "the development key in " + SigningKey.DEV_KEY_FILE + " (shared by every step started in this folder)";
    }
}
