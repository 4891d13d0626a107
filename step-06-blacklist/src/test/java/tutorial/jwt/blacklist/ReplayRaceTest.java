package tutorial.jwt.blacklist;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.RepeatedTest;
import tutorial.jwt.install.TestServer;

/** Twenty requests race to refresh one token: the database lets exactly one win, every time. */
class ReplayRaceTest {

    static final int RACERS = 20;

    /** How a race ended: refreshes that got a new pair, and those refused as blacklisted. */
    record Outcome(int won, int refused) {
    }

    /** {@link #RACERS} refreshes of one token, released at once, taking turns over the servers on {@code ports}. */
    static Outcome race(String refresh, int... ports) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
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
        int won = 0;
        int refused = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            if (response.statusCode() == 200) {
                won++;
            } else if (response.statusCode() == 401 && response.body().contains("Token is blacklisted")) {
                refused++;
            }
        }
        pool.shutdown();
        return new Outcome(won, refused);
    }

    @RepeatedTest(5)
    void exactly_one_of_twenty_concurrent_refreshes_of_one_token_succeeds() throws Exception {
        try (TestServer server = TestServer.start(new Main())) {
            server.createUser("alice");
            Outcome outcome = race(server.login("alice").getString("refresh"), server.port());
            assertEquals(1, outcome.won(), "exactly one refresh wins");
            assertEquals(RACERS - 1, outcome.refused(), "every other one is refused as blacklisted, none fails otherwise");
        }
    }
}
