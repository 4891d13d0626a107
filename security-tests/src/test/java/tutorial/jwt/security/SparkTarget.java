package tutorial.jwt.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tutorial.jwt.install.TestServer;

/**
 * The Spark variant's server in a JVM of its own, on the database and key of a step-3 {@link Target}
 * (which holds the users and issues nothing the Spark server needs). Its Jetty 9 cannot share the
 * suite's class path with Javalin's Jetty 12, so it runs from the Spark module's runnable jar.
 */
final class SparkTarget implements AutoCloseable {

    final int port;
    private final Process process;
    private final Path log;

    private SparkTarget(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static SparkTarget start(Target issuer, Path dir) throws Exception {
        String jar = System.getProperty("spark.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("No Spark jar (" + jar + "): run with Maven, ./mvnw verify -pl security-tests -am");
        }
        // FixedClockSpark is compiled with these tests: its class file sits beside this one's.
        Path testClasses = Path.of(SparkTarget.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        int port = ChildServer.freePort();
        Path log = dir.resolve("spark.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-cp", jar + java.io.File.pathSeparator + testClasses, "tutorial.jwt.spark.FixedClockSpark", String.valueOf(port)))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DATABASE_URL", issuer.server.databaseUrl());
        builder.environment().put("JWT_SIGNING_KEY", TestServer.SIGNING_KEY);
        SparkTarget target = new SparkTarget(port, builder.start(), log);
        target.awaitUp();
        return target;
    }

    private void awaitUp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/public/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Spark server exited: " + Files.readString(log));
                }
                Thread.sleep(100);
            }
        }
        close();
        throw new IllegalStateException("the Spark server did not start within 60 s: " + Files.readString(log));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
