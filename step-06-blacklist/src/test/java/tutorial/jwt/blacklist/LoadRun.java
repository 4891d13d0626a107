package tutorial.jwt.blacklist;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mixed load against step 6 servers, for the figures in docs/deploying.md; not a test (it asserts
 * nothing and runs for as long as you ask). JDK only, so it runs from its source file:
 * {@code java step-06-blacklist/src/test/java/tutorial/jwt/blacklist/LoadRun.java 30 16 http://127.0.0.1:8080}.
 * <p>
 * Each client logs in once, then loops: 4 × {@code GET /api/protected/} (loads the user), 4 ×
 * {@code GET /api/me/} (the token alone), 1 × {@code POST /api/token/refresh/} (rotation: a blacklist
 * write), using the rotated tokens from then on; it logs out at the end. Several base URLs: the
 * requests take turns over them, as a load balancer would spread them.
 */
public final class LoadRun {

    private static final Pattern FIELD = Pattern.compile("\"(access|refresh)\":\"([^\"]+)\"");

    private final List<String> servers;
    private final String username;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger turn = new AtomicInteger();
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    private LoadRun(List<String> servers, String username, String password) {
        this.servers = servers;
        this.username = username;
        this.password = password;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("Usage: java LoadRun.java <seconds> <clients> <base URL>... "
                    + "(user from LOAD_USERNAME / LOAD_PASSWORD, default your_username / your_password)");
            System.exit(2);
        }
        int seconds = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        List<String> servers = List.of(args).subList(2, args.length);
        LoadRun run = new LoadRun(servers, System.getenv().getOrDefault("LOAD_USERNAME", "your_username"),
                System.getenv().getOrDefault("LOAD_PASSWORD", "your_password"));
        run.go(seconds, clients);
    }

    private void go(int seconds, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            running.add(pool.submit(() -> {
                client(end);
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        report(elapsed, clients);
    }

    /** One client's session: log in, use and refresh the tokens until {@code end}, log out. */
    private void client(long end) throws Exception {
        Map<String, String> tokens = post("login", "/api/token/",
                "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}");
        while (tokens != null && System.nanoTime() < end) {
            for (int i = 0; i < 4; i++) {
                get("protected", "/api/protected/", tokens.get("access"));
                get("me", "/api/me/", tokens.get("access"));
            }
            Map<String, String> rotated = post("refresh", "/api/token/refresh/",
                    "{\"refresh\": \"" + tokens.get("refresh") + "\"}");
            if (rotated != null) {
                tokens = rotated;
            }
        }
        if (tokens != null) {
            post("logout", "/api/token/blacklist/", "{\"refresh\": \"" + tokens.get("refresh") + "\"}");
        }
    }

    private Map<String, String> post(String kind, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(next() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        String body = send(kind, request);
        if (body == null) {
            return null;
        }
        Map<String, String> fields = new TreeMap<>();
        Matcher matcher = FIELD.matcher(body);
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2));
        }
        return fields;
    }

    private void get(String kind, String path, String access) throws Exception {
        send(kind, HttpRequest.newBuilder(URI.create(next() + path)).header("Authorization", "Bearer " + access).build());
    }

    /** The body of a 200 answer; null (and a failure counted) for any other. */
    private String send(String kind, HttpRequest request) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        latencies.computeIfAbsent(kind, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(System.nanoTime() - started);
        if (response.statusCode() != 200) {
            failures.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
            return null;
        }
        return response.body();
    }

    private String next() {
        return servers.get(Math.floorMod(turn.getAndIncrement(), servers.size()));
    }

    private void report(double elapsed, int clients) {
        System.out.printf("%d clients, %.1f s, against %s%n", clients, elapsed, String.join(" + ", servers));
        System.out.printf("%-10s %8s %10s %9s %9s %7s%n", "request", "count", "per second", "p50 ms", "p99 ms", "non-200");
        long total = 0;
        for (String kind : List.of("login", "protected", "me", "refresh", "logout")) {
            List<Long> times = new ArrayList<>(latencies.getOrDefault(kind, List.of()));
            times.sort(null);
            total += times.size();
            System.out.printf("%-10s %8d %10.1f %9.1f %9.1f %7d%n", kind, times.size(), times.size() / elapsed,
                    percentile(times, 50), percentile(times, 99), failures.getOrDefault(kind, new AtomicInteger()).get());
        }
        System.out.printf("%-10s %8d %10.1f%n", "all", total, total / elapsed);
    }

    private static double percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }
}
