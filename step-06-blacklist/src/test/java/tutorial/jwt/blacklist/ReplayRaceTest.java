package tutorial.jwt.blacklist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
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
        int won = 0;
        int refused = 0;
        for (HttpResponse<String> response : RefreshRace.run(refresh, RACERS, ports)) {
            if (response.statusCode() == 200) {
                won++;
            } else if (response.statusCode() == 401 && response.body().contains("Token is blacklisted")) {
                refused++;
            }
        }
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
