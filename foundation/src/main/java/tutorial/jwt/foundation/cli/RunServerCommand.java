package tutorial.jwt.foundation.cli;

import io.javalin.Javalin;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tutorial.jwt.foundation.Launch;
import tutorial.jwt.foundation.Project;
import tutorial.jwt.foundation.Site;
import tutorial.jwt.foundation.web.ApiServer;

/** Django's {@code runserver}: starts this step's server and keeps it running until Ctrl-C. */
@Command(name = "runserver", mixinStandardHelpOptions = true,
        description = "Starts this step's server (default: http://127.0.0.1:8000/, or $PORT).")
final class RunServerCommand<S extends Project.Built> implements Callable<Integer> {

    private final Launch<S> launch;

    @Option(names = {"-p", "--port"}, description = "The port to listen on (default: $PORT, else 8000).")
    Integer port;

    @Option(names = "--host", description = "The address to listen on (default: $HOST, else 127.0.0.1;"
            + " 0.0.0.0 for every interface).")
    String host;

    RunServerCommand(Launch<S> launch) {
        this.launch = launch;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (host != null) {
            launch.override("HOST", host);
        }
        S services = launch.services();
        Site site = services.site();
        String listenHost = site.server().host();
        int listenPort = port != null ? port : site.server().port();
        Javalin server = ApiServer.create(launch.app().modules(services), launch.app().wwwAuthenticate());
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
                + site.database().displayUrl() + ")");
        if (site.users().count() == 0) {
            launch.out().println("No users yet: create one with " + launch.runCommand() + " createsuperuser");
        }
        launch.app().tryIt(base).forEach(launch.out()::println);
        launch.out().println("Quit the server with CONTROL-C.");
        launch.out().flush();
        stopped.await();
        return 0;
    }
}
