package tutorial.jwt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tutorial.jwt.endpoints.HostileTokens;
import tutorial.jwt.install.RawHttp;

/**
 * A token's {@code jku}, {@code x5u} or {@code jwk} never makes the server fetch or trust a key: tokens
 * pointing at a socket we watch go to every endpoint of every step, and the socket sees no connection.
 */
class NoKeyFetchTest {

    @Test
    void the_watch_does_count_a_connection() throws Exception {
        try (KeyServerWatch watch = KeyServerWatch.start()) {
            try (Socket client = new Socket("127.0.0.1", watch.port())) {
                assertTrue(client.isConnected());
            }
            waitFor(() -> watch.connections() == 1);
            assertEquals(1, watch.connections(), "the watch must see what a server's fetch would look like");
        }
    }

    @Test
    void no_key_url_in_a_token_is_ever_fetched() throws Exception {
        try (KeyServerWatch watch = KeyServerWatch.start()) {
            int sent = 0;
            for (int step : Target.STEPS) {
                try (Target target = Target.start(step, Map.of())) {
                    for (Endpoint endpoint : AttackTable.TOKEN_ENDPOINTS) {
                        if (!target.has(endpoint)) {
                            continue;
                        }
                        List<HostileTokens.Case> keyed = HostileTokens.of(endpoint.hostileType(), watch.url()).stream()
                                .filter(c -> c.name().matches(".*(jku|x5u|jwk|kid).*")).toList();
                        for (HostileTokens.Case hostile : keyed) {
                            RawHttp.Response response = AttackTable.carrying(endpoint, hostile.token()).send(target.port());
                            assertEquals(401, response.status(), endpoint + " " + hostile + ": " + response.body());
                            sent++;
                        }
                    }
                }
            }
            Thread.sleep(500); // a fetch made in the background would have connected by now
            assertTrue(sent >= 6 * 2 * 5, "tokens sent: " + sent);
            assertEquals(0, watch.connections(), "a server fetched a key from a URL in a token");
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
    }
}
