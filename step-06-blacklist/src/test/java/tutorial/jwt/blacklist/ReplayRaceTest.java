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

    @RepeatedTest(5)
    void exactly_one_of_twenty_concurrent_refreshes_of_one_token_succeeds() throws Exception {
        try (TestServer server = TestServer.start(new Main())) {
            server.createUser("alice");
            String refresh = server.login("alice").getString("refresh");
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/token/refresh/"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"refresh\": \"" + refresh + "\"}")).build();

            ExecutorService pool = Executors.newFixedThreadPool(RACERS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
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
            assertEquals(1, won, "exactly one refresh wins");
            assertEquals(RACERS - 1, refused, "every other one is refused as blacklisted, none fails otherwise");
        }
    }
}
