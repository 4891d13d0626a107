package tutorial.jwt.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in load generator: a few threads on loopback, each sending one request after the other
 * over a kept-alive HTTP/1.1 connection (the JDK's HttpClient), for a fixed time. Every response must
 * have the expected status (200 but for failed logins): counting errors as throughput would flatter
 * the server.
 */
final class Load {

    /** What one client thread sends next; it may keep state (a rotated refresh token) between calls. */
    interface Client {
        HttpRequest next();

        /** The status every answer must have. */
        default int expectedStatus() {
            return 200;
        }

        /** Sees each response, e.g. to pick up the new refresh token. */
        default void answered(String body) { }
    }

    /** Requests per second and latency percentiles of one measured run. */
    record Result(long requests, double seconds, double p50Millis, double p99Millis) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private static final Pattern FIELD = Pattern.compile("\"(access|refresh)\":\"([^\"]+)\"");

    /** For logging in and polling: the measured runs each have their own, see {@link #drive}. */
    static final HttpClient HTTP = newClient();

    private Load() { }

    /** Makes {@code threads} clients, then sends their requests for {@code length}. */
    static Result run(int threads, Duration length, Function<Integer, Client> clients) throws Exception {
        return drive(clients(threads, clients), length);
    }

    /** One client per thread, each made (and logged in) before anything is measured. */
    static List<Client> clients(int threads, Function<Integer, Client> clients) {
        List<Client> made = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            made.add(clients.apply(i));
        }
        return made;
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * Sends requests from every client until {@code length} has passed, on connections of its own: a
     * connection left idle by an earlier run may be closed by either side just as it is reused, and a
     * refresh sent on it is then lost or, sent again, refused (its token spent) and stops the run.
     */
    static Result drive(List<Client> clients, Duration length) throws Exception {
        HttpClient http = newClient();
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            long start = System.nanoTime();
            long end = start + length.toNanos();
            List<Future<long[]>> running = new ArrayList<>();
            for (Client client : clients) {
                running.add(pool.submit(() -> loop(http, client, end)));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> future : running) {
                all.add(future.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(latencies.length, seconds, percentile(latencies, 0.50), percentile(latencies, 0.99));
        } finally {
            pool.shutdown();
        }
    }

    private static long[] loop(HttpClient http, Client client, long end) throws Exception {
        long[] latencies = new long[1 << 16];
        int count = 0;
        while (System.nanoTime() < end) {
            HttpRequest request = client.next();
            long sent = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - sent;
            if (response.statusCode() != client.expectedStatus()) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            client.answered(response.body());
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = took;
        }
        return Arrays.copyOf(latencies, count);
    }

    private static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    // ---- Requests ----

    static HttpRequest get(String base, String path, String accessToken) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (accessToken != null) {
            builder.header("Authorization", "Bearer " + accessToken);
        }
        return builder.build();
    }

    static HttpRequest postJson(String base, String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    /** The {@code access} or {@code refresh} field of a token response. */
    static String field(String body, String name) {
        Matcher matcher = FIELD.matcher(body);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        return null;
    }

    /** Logs in once and returns the token pair's response body. */
    static String login(String base, String username, String password) throws Exception {
        HttpResponse<String> response = HTTP.send(postJson(base, "/api/token/",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
