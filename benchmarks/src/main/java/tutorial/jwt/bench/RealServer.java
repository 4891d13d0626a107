package tutorial.jwt.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The step-6 fat jar as a user starts it ({@code java [options] -jar step-06-blacklist-*-all.jar runserver}),
 * once per set of JVM options: how long until its first 200, and its peak resident memory (VmRSS in
 * /proc) while it serves the stateless view, verify and refresh with rotation and blacklist, with the
 * ratios to its own /api/public/. This is how the launcher's default JVM options were chosen.
 */
final class RealServer {

    private static final String PASSWORD = "bench-password-0123";

    /** The option sets compared by default: the JVM's own defaults, the launcher's, and C1 only (a smaller JIT). */
    private static final String DEFAULT_SETS = "(none);-Xmx128m -XX:+UseSerialGC;-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private RealServer() { }

    static void run(Path root) throws Exception {
        Path jar = fatJar(root.resolve("step-06-blacklist/target"));
        System.out.printf("%nReal server: java [options] -jar %s runserver, %d client threads, %ds per endpoint%n",
                root.relativize(jar), Bench.THREADS, Bench.MEASURE.toSeconds());
        System.out.printf("%-52s %9s %9s %9s %9s %9s %9s%n", "JVM options", "first 200", "peak RSS",
                "public/s", "x public", "x public", "x verify");
        System.out.printf("%-52s %9s %9s %9s %9s %9s %9s%n", "", "", "", "", "(me)", "(verify)", "(refresh)");
        for (String set : System.getProperty("bench.jvm", DEFAULT_SETS).split(";")) {
            List<String> options = set.equals("(none)") || set.isBlank() ? List.of() : List.of(set.trim().split("\\s+"));
            one(jar, set, options);
        }
    }

    private static void one(Path jar, String label, List<String> options) throws Exception {
        Path dir = Files.createTempDirectory("jwt-bench-real");
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            // The user is made beforehand by the jar's own createsuperuser; it is not part of the figures.
            ProcessBuilder create = command(jar, List.of(), dir, port, "createsuperuser", "--noinput",
                    "--username", "bench", "--email", "bench@example.com");
            if (create.start().waitFor() != 0) {
                throw new IllegalStateException("createsuperuser failed");
            }
            String base = "http://127.0.0.1:" + port;
            long started = System.nanoTime();
            Process server = command(jar, options, dir, port, "runserver").start();
            try {
                double firstOk = waitForFirst200(base, started);
                AtomicLong peak = new AtomicLong();
                ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
                sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(rssKb(server.pid()), Math::max),
                        0, 50, TimeUnit.MILLISECONDS);
                String access = Load.field(Load.login(base, "bench", PASSWORD), "access");
                String verifyBody = "{\"token\":\"" + access + "\"}";
                List<java.util.function.Function<Integer, Load.Client>> endpoints = List.of(
                        i -> () -> Load.get(base, "/api/public/", null),
                        i -> () -> Load.get(base, "/api/me/", access),
                        i -> () -> Load.postJson(base, "/api/token/verify/", verifyBody),
                        i -> rotating(base, login(base)));
                // A warm-up round over all four first (the JIT compiles what they share), then the measured one.
                for (var clients : endpoints) {
                    Load.run(Bench.THREADS, Bench.WARMUP, clients);
                }
                double[] rates = new double[endpoints.size()];
                for (int e = 0; e < rates.length; e++) {
                    rates[e] = Load.run(Bench.THREADS, Bench.MEASURE, endpoints.get(e)).perSecond();
                }
                double publicRate = rates[0];
                double me = rates[1];
                double verify = rates[2];
                double refresh = rates[3];
                sampler.shutdown();
                sampler.awaitTermination(1, TimeUnit.SECONDS);
                System.out.printf("%-52s %7.2f s %6d MB %9.0f %9.2f %9.2f %9.2f%n", label, firstOk,
                        peak.get() / 1024, publicRate, me / publicRate, verify / publicRate, refresh / verify);
            } catch (Exception e) { // the server's own account of what went wrong, before its folder is deleted
                List<String> log = Files.readAllLines(dir.resolve("server.log"));
                log.subList(Math.max(0, log.size() - 40), log.size()).forEach(line -> System.out.println("  server: " + line));
                throw e;
            } finally {
                server.destroy();
                if (!server.waitFor(10, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static Load.Client rotating(String base, String first) {
        String[] refresh = {first};
        return new Load.Client() {
            @Override
            public java.net.http.HttpRequest next() {
                return Load.postJson(base, "/api/token/refresh/", "{\"refresh\":\"" + refresh[0] + "\"}");
            }

            @Override
            public void answered(String body) {
                refresh[0] = Load.field(body, "refresh");
            }
        };
    }

    private static String login(String base) {
        try {
            return Load.field(Load.login(base, "bench", PASSWORD), "refresh");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProcessBuilder command(Path jar, List<String> options, Path dir, int port, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("SUPERUSER_PASSWORD", PASSWORD);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        return builder;
    }

    /** Seconds from starting the process to the first 200 from /api/public/. */
    private static double waitForFirst200(String base, long started) throws Exception {
        var request = Load.get(base, "/api/public/", null);
        long deadline = started + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (Load.HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - started) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no 200 from " + base + " within 30 s");
    }

    /** The process's resident memory in kB, from /proc/<pid>/status (Linux). */
    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process has ended
        }
        return 0;
    }

    private static Path fatJar(Path target) throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(path -> path.getFileName().toString().matches("step-06-blacklist-.*-all\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("No fat jar in " + target
                            + ": build it with ./mvnw -o -q -pl benchmarks -am verify -Pbench -DskipTests"));
        }
    }
}
