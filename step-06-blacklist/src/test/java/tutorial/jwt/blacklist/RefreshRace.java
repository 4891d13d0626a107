package tutorial.jwt.blacklist;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Many refreshes of one refresh token, released at once from their own threads. */
public final class RefreshRace {

    private RefreshRace() {
    }

    /** {@code racers} refreshes of {@code refresh}, taking turns over the servers on {@code ports}; the answers in order. */
    public static List<HttpResponse<String>> run(String refresh, int racers, int... ports) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                HttpRequest request = HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + ports[i % ports.length] + "/api/token/refresh/"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"refresh\": \"" + refresh + "\"}")).build();
                answers.add(pool.submit(() -> {
                    start.await();
                    return client.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } finally {
            pool.shutdown();
        }
    }
}
