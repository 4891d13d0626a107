package tutorial.jwt.blacklist;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.ValidatableResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tutorial.jwt.install.TestDatabase;
import tutorial.jwt.install.TestServer;

/**
 * Two step-6 servers on one database and one signing key, as behind a load balancer: a client's
 * requests land on either, and what one server decides the other honours. On SQLite here (two
 * servers on one file); {@link TwoServersOnPostgreSqlTest} runs the same on PostgreSQL.
 */
class TwoServersTest {

    TestServer a;
    TestServer b;

    @BeforeEach
    void start() {
        a = TestServer.start(new Main());
        b = a.beside(new Main());
        a.createUser("alice");
    }

    @AfterEach
    void stop() {
        b.close();
        a.close();
    }

    static ValidatableResponse post(TestServer server, String path, String field, String token) {
        return server.json(Map.of(field, token)).post(path).then();
    }

    static void blacklisted(ValidatableResponse response) {
        response.statusCode(401).body("detail", equalTo("Token is blacklisted"));
    }

    @Test
    void an_access_token_from_a_opens_b_without_asking_the_database() {
        String access = a.login("alice").getString("access");
        long before = b.services.site().database().connectionsOpened();
        b.request().header("Authorization", "Bearer " + access).get("/api/me/")
                .then().statusCode(200).body("username", equalTo("alice"));
        assertEquals(before, b.services.site().database().connectionsOpened(), "only the shared key was needed");
    }

    @Test
    void logged_in_on_a_refreshed_on_b_logged_out_on_b_and_refused_on_a() {
        String first = a.login("alice").getString("refresh");
        String second = post(b, "/api/token/refresh/", "refresh", first).statusCode(200).extract().path("refresh");
        blacklisted(post(a, "/api/token/refresh/", "refresh", first)); // B's rotation blacklisted it for A too

        post(b, "/api/token/blacklist/", "refresh", second).statusCode(200);
        blacklisted(post(a, "/api/token/refresh/", "refresh", second));
        post(a, "/api/token/verify/", "token", second).statusCode(400);
    }

    @RepeatedTest(3)
    void of_twenty_concurrent_refreshes_of_one_token_split_across_a_and_b_exactly_one_succeeds() throws Exception {
        ReplayRaceTest.Outcome outcome = ReplayRaceTest.race(a.login("alice").getString("refresh"), a.port(), b.port());
        assertEquals(1, outcome.won(), "exactly one refresh wins, on one of the two servers");
        assertEquals(ReplayRaceTest.RACERS - 1, outcome.refused(), "the other 19 are refused as blacklisted");
    }

    @Test
    void logout_everywhere_on_a_holds_on_b() {
        String laptop = a.login("alice").getString("refresh");
        String phone = b.login("alice").getString("refresh");
        String access = b.login("alice").getString("access");

        a.request().header("Authorization", "Bearer " + access).post("/api/token/blacklist/all/")
                .then().statusCode(200).body("blacklisted", equalTo(3));
        blacklisted(post(b, "/api/token/refresh/", "refresh", laptop));
        blacklisted(post(b, "/api/token/refresh/", "refresh", phone));
    }

    @RepeatedTest(3)
    void two_servers_starting_together_on_an_empty_database_both_come_up(@TempDir Path dir) throws Exception {
        String empty = TestDatabase.fresh(dir);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<TestServer>> starting = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            starting.add(pool.submit(() -> {
                go.await();
                return TestServer.start(new Main(), Map.of("DATABASE_URL", empty)); // both create the tables
            }));
        }
        go.countDown();
        List<TestServer> started = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Future<TestServer> server : starting) {
            try {
                started.add(server.get());
            } catch (ExecutionException e) {
                failed.add(e.getCause().getMessage());
            }
        }
        pool.shutdown();
        started.forEach(TestServer::close);
        assertEquals(List.of(), failed, "both servers created or found the tables");
    }
}
