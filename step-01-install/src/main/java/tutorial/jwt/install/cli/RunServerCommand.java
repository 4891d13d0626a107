package tutorial.jwt.install.cli;

import io.javalin.Javalin;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tutorial.jwt.install.Launch;
import tutorial.jwt.install.Services;
import tutorial.jwt.install.web.ApiServer;

/** Django's {@code runserver}: starts this step's server and keeps it running until Ctrl-C. */
@Command(name = "runserver", mixinStandardHelpOptions = true,
        description = "Starts this step's server (default: http://127.0.0.1:8000/, or $PORT).")
final class RunServerCommand implements Callable<Integer> {

    private final Launch launch;

    @Option(names = {"-p", "--port"}, description = "The port to listen on (default: $PORT, else 8000).")
    Integer port;

    @Option(names = "--host", description = "The address to listen on (default: $HOST, else 127.0.0.1;"
            + " 0.0.0.0 for every interface).")
    String host;

    RunServerCommand(Launch launch) {
        this.launch = launch;
    }

    @Override
    public Integer call() throws InterruptedException {
        Services services = launch.services();
        String listenHost = host != null ? host : services.server().host();
        int listenPort = port != null ? port : services.server().port();
        Javalin server = ApiServer.create(launch.app().modules(services));
        try {
            server.start(listenHost, listenPort);
        } catch (RuntimeException e) {
            throw new Cli.CommandFailed("cannot listen on " + listenHost + ":" + listenPort
                    + " (is another server using that port? Try --port " + (listenPort + 1) + ")");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }));
        String base = "http://" + listenHost + ":" + server.port();
        launch.out().println(launch.app().title() + " is running at " + base + "/ (database: "
                + services.database().displayUrl() + ")");
        launch.out().println(nextSteps(services, base));
        launch.out().println("Quit the server with CONTROL-C.");
        launch.out().flush();
        stopped.await();
        return 0;
    }

    private String nextSteps(Services services, String base) {
        String login = "Get a token: curl -X POST " + base + "/api/token/ -H \"Content-Type: application/json\""
                + " -d '{\"username\":\"your_username\", \"password\":\"your_password\"}'";
        return services.users().count() == 0
                ? "No users yet: create one with " + launch.runCommand() + " createsuperuser\n" + login
                : login;
    }
}
