package tutorial.jwt.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tutorial.jwt.install.CliRunner;
import tutorial.jwt.install.TestServer;

/**
 * Step 6's server in its own JVM, started as {@code ./run 6} starts it (its own logging configuration,
 * the real clock), with everything it prints going to one file: what an operator's log would hold.
 */
final class ChildServer implements AutoCloseable {

    final Path dir;
    final int port;
    final Path log;
    final Process process;

    private ChildServer(Path dir, int port, Path log, Process process) {
        this.dir = dir;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Creates {@code username} with {@code password} in a fresh database in {@code dir}, then starts the server. */
    static ChildServer start(Path dir, Map<String, String> settings, List<String> jvmOptions, String username,
                             String password) throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("db.sqlite3"),
                "JWT_SIGNING_KEY", TestServer.SIGNING_KEY, "PASSWORD_ITERATIONS", "1000"));
        environment.putAll(settings);
        CliRunner cli = new CliRunner(new tutorial.jwt.blacklist.Main(), dir).env("SUPERUSER_PASSWORD", password);
        environment.forEach(cli::env);
        if (cli.run("", "createsuperuser", "--noinput", "--username", username) != 0) {
            throw new IllegalStateException("createsuperuser failed: " + cli.err);
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), tutorial.jwt.blacklist.Main.class.getName(),
                "runserver", "--port", String.valueOf(port)));
        Path log = dir.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        ChildServer server = new ChildServer(dir, port, log, builder.start());
        server.awaitUp();
        return server;
    }

    private void awaitUp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the server exited: " + Files.readString(log));
                }
                Thread.sleep(100);
            }
        }
        close();
        throw new IllegalStateException("the server did not start within 60 s");
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops it as Ctrl-C would (its shutdown hook runs, so the log is complete), by its own pid. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
