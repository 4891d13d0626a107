package tutorial.jwt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import tutorial.jwt.foundation.json.StrictJson;

/**
 * The load run (not part of the normal build; docs/security.md has the command and its figures):
 * step 6 in its own JVM, as shipped (600,000-iteration password hashes, login throttling on), and many
 * clients on loopback for two minutes, each logging in, calling a protected view, refreshing (so its
 * old refresh token is blacklisted) and now and then logging out and in again. At the end: no 5xx, no
 * unexpected answer, every rotated or logged-out refresh token still refused, and memory flat.
 *
 * <p>{@code ./mvnw -o verify -pl security-tests -am -Dtest=LoadTest -Dsurefire.failIfNoSpecifiedTests=false -Dload=true}
 * ({@code -Dload.seconds=120 -Dload.clients=16} are the defaults).
 */
@EnabledIfSystemProperty(named = "load", matches = "true", disabledReason = "a two-minute load run: -Dload=true")
class LoadTest {

    static final int SECONDS = Integer.getInteger("load.seconds", 120);
    static final int CLIENTS = Integer.getInteger("load.clients", 16);
    static final long MAX_REQUESTS = 2_000_000; // a bound whatever the machine
    static final String PASSWORD = "load-test-password";

    final Map<String, List<Long>> latencies = Collections.synchronizedMap(new TreeMap<>());
    final Map<String, AtomicLong> statuses = Collections.synchronizedMap(new TreeMap<>());
    final Queue<String> retired = new ConcurrentLinkedQueue<>(); // rotated or logged-out refresh tokens
    final AtomicLong requests = new AtomicLong();
    final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());

    @Test
    void two_minutes_of_mixed_traffic_leave_no_5xx_no_replay_and_flat_memory(@TempDir Path dir) throws Exception {
        try (ChildServer server = ChildServer.start(dir, Map.of("PASSWORD_ITERATIONS", "600000"), List.of("-Xmx256m"),
                "client0", PASSWORD)) {
            createUsers(server);
            warmUp(server);
            Memory start = Memory.of(server);
            long began = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                clients.add(pool.submit(() -> {
                    runClient(server.port, "client" + client, began + Duration.ofSeconds(SECONDS).toNanos());
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
            pool.shutdown();
            double elapsed = (System.nanoTime() - began) / 1e9;
            Memory end = Memory.of(server);

            long refusedAtEnd = checkRetiredTokens(server.port);
            String report = report(elapsed, start, end, refusedAtEnd);
            System.out.println(report);
            Files.writeString(Path.of("target", "load-report.txt"), report);

            assertEquals(List.of(), unexpected.subList(0, Math.min(20, unexpected.size())), "unexpected answers");
            assertTrue(statuses.keySet().stream().noneMatch(key -> key.contains(" 5")), "5xx: " + statuses);
            assertEquals(retired.size(), refusedAtEnd, "every rotated or logged-out refresh token is still refused");
            assertTrue(end.heapMiB() <= 2 * start.heapMiB() + 16, "the heap in use after a full GC must stay flat: " + start + " -> " + end);
        }
    }

    private void createUsers(ChildServer server) {
        for (int i = 1; i < CLIENTS; i++) {
            tutorial.jwt.install.CliRunner cli = new tutorial.jwt.install.CliRunner(new tutorial.jwt.blacklist.Main(), server.dir)
                    .env("SUPERUSER_PASSWORD", PASSWORD).env("PASSWORD_ITERATIONS", "600000");
            assertEquals(0, cli.run("", "createuser", "--noinput", "--username", "client" + i), cli.err);
        }
    }

    /** A few seconds of the same traffic first, so the JIT and the heap have settled before memory is measured. */
    private void warmUp(ChildServer server) throws Exception {
        runClient(server.port, "client0", System.nanoTime() + Duration.ofSeconds(5).toNanos());
        latencies.clear();
        statuses.clear();
        requests.set(0);
    }

    /** One client: log in, then protected calls and refreshes; every 25 rounds, log out and back in. */
    private void runClient(int port, String username, long deadline) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String login = "{\"username\": \"" + username + "\", \"password\": \"" + PASSWORD + "\"}";
        Map<?, ?> pair = call(http, port, "login", "/api/token/", login, null, 200);
        int round = 0;
        while (System.nanoTime() < deadline && requests.get() < MAX_REQUESTS && pair != null) {
            String access = (String) pair.get("access");
            String refresh = (String) pair.get("refresh");
            for (int i = 0; i < 8; i++) {
                call(http, port, "protected", "/api/protected/", null, access, 200);
            }
            if (++round % 25 == 0) {
                call(http, port, "logout", "/api/token/blacklist/", "{\"refresh\": \"" + refresh + "\"}", null, 200);
                retired.add(refresh);
                pair = call(http, port, "login", "/api/token/", login, null, 200);
            } else {
                Map<?, ?> rotated = call(http, port, "refresh", "/api/token/refresh/", "{\"refresh\": \"" + refresh + "\"}", null, 200);
                retired.add(refresh);
                pair = rotated;
            }
        }
    }

    private Map<?, ?> call(HttpClient http, int port, String kind, String path, String json, String access, int expected)
            throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (json != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        if (access != null) {
            request.header("Authorization", "Bearer " + access);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            latencies.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime() - start);
            statuses.computeIfAbsent(kind + " " + response.statusCode(), k -> new AtomicLong()).incrementAndGet();
            requests.incrementAndGet();
            if (response.statusCode() != expected) {
                unexpected.add(kind + " " + response.statusCode() + " " + response.body());
                return null;
            }
            return (Map<?, ?>) StrictJson.parse(response.body());
        } catch (IOException e) {
            unexpected.add(kind + " " + e);
            return null;
        }
    }

    /** Every retired refresh token, sent again: each must be refused as blacklisted. */
    private long checkRetiredTokens(int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> checks = new ArrayList<>();
        for (String token : retired) {
            checks.add(pool.submit(() -> {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/api/token/refresh/")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"refresh\": \"" + token + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 401 && response.body().contains("Token is blacklisted");
            }));
        }
        long refused = 0;
        for (Future<Boolean> check : checks) {
            refused += check.get() ? 1 : 0;
        }
        pool.shutdown();
        return refused;
    }

    private String report(double elapsed, Memory start, Memory end, long refusedAtEnd) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("load: %d clients, %.0f s, %d requests, %.0f requests/s%n", CLIENTS, elapsed,
                requests.get(), requests.get() / elapsed));
        out.append(String.format("%-10s %8s %9s %9s %9s%n", "kind", "count", "p50 ms", "p99 ms", "max ms"));
        latencies.forEach((kind, values) -> {
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            out.append(String.format("%-10s %8d %9.1f %9.1f %9.1f%n", kind, sorted.size(), percentile(sorted, 50),
                    percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1e6));
        });
        out.append("statuses: ").append(statuses).append('\n');
        out.append("unexpected answers: ").append(unexpected.size()).append('\n');
        out.append(String.format("retired refresh tokens refused at the end: %d of %d%n", refusedAtEnd, retired.size()));
        out.append(String.format("server memory after warm-up: RSS %d MiB, heap used after GC %d MiB%n", start.rssMiB, start.heapMiB));
        out.append(String.format("server memory at the end:    RSS %d MiB, heap used after GC %d MiB%n", end.rssMiB, end.heapMiB));
        return out.toString();
    }

    private static double percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100)) / 1e6;
    }

    /** The server process's resident memory (Linux /proc) and its heap in use right after a full GC (jcmd). */
    record Memory(long rssMiB, long heapMiB) {
        static Memory of(ChildServer server) throws Exception {
            long pid = server.process.pid();
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            run(jcmd, String.valueOf(pid), "GC.run");
            Matcher used = Pattern.compile("used (\\d+)K").matcher(run(jcmd, String.valueOf(pid), "GC.heap_info"));
            long heapKiB = used.find() ? Long.parseLong(used.group(1)) : -1;
            Matcher rss = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc", String.valueOf(pid), "status")));
            long rssKiB = rss.find() ? Long.parseLong(rss.group(1)) : -1;
            return new Memory(rssKiB / 1024, heapKiB / 1024);
        }

        private static String run(String... command) throws Exception {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            return output;
        }
    }
}
