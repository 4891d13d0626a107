package tutorial.jwt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tutorial.jwt.install.RawHttp;
import tutorial.jwt.install.TestServer;

/**
 * Login throttling on step 6, with its default rates: both login endpoints share the limits, a 429 is
 * DRF's shape with {@code Retry-After}, costs no hash and writes nothing, and the limit lifts with time.
 */
class ThrottleTest {

    static final String THROTTLED_12 = "{\"detail\":\"Request was throttled. Expected available in 12 seconds.\"}";
    Target target;

    @BeforeEach
    void start() {
        target = Target.start(6, Map.of("LOGIN_THROTTLE", "on")); // the defaults: 5/min per username, 20/min per address
    }

    @AfterEach
    void stop() {
        target.close();
    }

    RawHttp.Response login(Endpoint endpoint, String username, String password) {
        return AttackTable.json(endpoint, AttackTable.credentials(username, password)).send(target.port());
    }

    @Test
    void five_failures_on_either_login_endpoint_throttle_both_without_a_hash_or_a_write() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(i % 2 == 0 ? Endpoint.OBTAIN : Endpoint.SLIDING_OBTAIN, "alice", "wrong").status());
        }
        DatabaseSnapshot before = DatabaseSnapshot.of(target.server);
        long hashes = target.server.services.site().passwords().hashesComputed();
        for (Endpoint endpoint : new Endpoint[] {Endpoint.OBTAIN, Endpoint.SLIDING_OBTAIN}) {
            RawHttp.Response response = login(endpoint, "alice", TestServer.PASSWORD);
            assertEquals(429, response.status(), response.body());
            assertEquals("12", response.header("Retry-After"));
            assertEquals("application/json", response.header("Content-Type"));
            assertEquals(THROTTLED_12, response.body());
        }
        assertEquals(hashes, target.server.services.site().passwords().hashesComputed(), "a throttled login hashes nothing");
        assertEquals(before, DatabaseSnapshot.of(target.server), "a throttled login writes nothing");

        target.server.clock.advance(Duration.ofSeconds(12));
        assertEquals(200, login(Endpoint.OBTAIN, "alice", TestServer.PASSWORD).status());
    }

    @Test
    void an_attacker_rotating_usernames_hits_the_address_limit() {
        for (int i = 0; i < 20; i++) {
            assertEquals(401, login(Endpoint.OBTAIN, "guess-" + i, "wrong").status());
        }
        RawHttp.Response response = login(Endpoint.OBTAIN, "guess-20", "wrong");
        assertEquals(429, response.status());
        assertEquals("3", response.header("Retry-After")); // 20 a minute: one more every 3 seconds
    }

    @Test
    void a_user_who_logs_in_often_is_never_throttled() {
        for (int i = 0; i < 30; i++) {
            assertEquals(200, login(i % 2 == 0 ? Endpoint.OBTAIN : Endpoint.SLIDING_OBTAIN, "alice", TestServer.PASSWORD).status());
        }
    }
}
