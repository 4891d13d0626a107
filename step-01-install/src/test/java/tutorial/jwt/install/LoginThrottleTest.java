package tutorial.jwt.install;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tutorial.jwt.foundation.errors.ApiError;
import tutorial.jwt.foundation.settings.Settings;
import tutorial.jwt.foundation.settings.SettingsException;
import tutorial.jwt.foundation.settings.ThrottleSettings;
import tutorial.jwt.foundation.throttle.LoginThrottle;
import tutorial.jwt.foundation.throttle.ThrottleRate;

/** Failed logins are limited per username and per client address; the clock is the server's, so nobody sleeps. */
class LoginThrottleTest {

    static final String NO_ACCOUNT = "No active account found with the given credentials";
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(new Main(), Map.of("LOGIN_THROTTLE", "on",
                "LOGIN_THROTTLE_USERNAME_RATE", "3/min", "LOGIN_THROTTLE_ADDRESS_RATE", "10/min"));
        server.createUser("alice");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ValidatableResponse login(String username, String password) {
        return server.json(Map.of("username", username, "password", password)).post("/api/token/").then();
    }

    void throttled(ValidatableResponse response, int seconds) {
        response.statusCode(429).header("Retry-After", String.valueOf(seconds))
                .body("detail", equalTo("Request was throttled. Expected available in " + seconds
                        + (seconds == 1 ? " second." : " seconds.")))
                .body("$", aMapWithSize(1));
    }

    @Test
    void after_three_wrong_passwords_the_username_is_throttled_even_with_the_right_one() {
        for (int i = 0; i < 3; i++) {
            login("alice", "wrong").statusCode(401).body("detail", equalTo(NO_ACCOUNT));
        }
        throttled(login("alice", "wrong"), 20); // 3 a minute: one more every 20 seconds
        throttled(login("alice", TestServer.PASSWORD), 20);
    }

    @Test
    void a_throttled_attempt_hashes_no_password() {
        for (int i = 0; i < 3; i++) {
            login("alice", "wrong").statusCode(401);
        }
        long before = server.services.site().passwords().hashesComputed();
        throttled(login("alice", "wrong"), 20);
        assertEquals(before, server.services.site().passwords().hashesComputed());
    }

    @Test
    void the_limit_refills_with_time() {
        for (int i = 0; i < 3; i++) {
            login("alice", "wrong").statusCode(401);
        }
        server.clock.advance(Duration.ofSeconds(19));
        throttled(login("alice", "wrong"), 1);
        server.clock.advance(Duration.ofSeconds(1));
        login("alice", TestServer.PASSWORD).statusCode(200);
    }

    @Test
    void good_logins_do_not_count() {
        for (int i = 0; i < 20; i++) {
            login("alice", TestServer.PASSWORD).statusCode(200);
        }
        login("alice", "wrong").statusCode(401);
    }

    @Test
    void an_unknown_username_is_throttled_exactly_like_a_known_one() {
        for (int i = 0; i < 3; i++) {
            login("nobody", "wrong").statusCode(401).body("detail", equalTo(NO_ACCOUNT));
        }
        throttled(login("nobody", "wrong"), 20);
        login("alice", TestServer.PASSWORD).statusCode(200); // another username is not affected
    }

    @Test
    void one_address_trying_many_usernames_is_throttled_too() {
        for (int i = 0; i < 10; i++) {
            login("user" + i, "wrong").statusCode(401);
        }
        throttled(login("someone-else", "wrong"), 6); // 10 a minute: one more every 6 seconds
    }

    @Test
    void the_sliding_login_of_later_steps_uses_the_same_throttle_through_the_authenticator() {
        var authenticator = server.services.site().authenticator();
        for (int i = 0; i < 3; i++) {
            assertTrue(authenticator.authenticate("alice", "wrong", "10.0.0.1").isEmpty());
        }
        ApiError error = assertThrows(ApiError.class, () -> authenticator.authenticate("alice", "wrong", "10.0.0.2"));
        assertEquals(429, error.status());
        assertEquals(Map.of("Retry-After", "20"), error.headers());
    }

    @Test
    void usernames_and_addresses_that_change_with_every_request_cannot_grow_memory() {
        MutableClock clock = new MutableClock(server.clock.instant());
        LoginThrottle throttle = new LoginThrottle(new ThrottleSettings(true,
                ThrottleRate.parse("5/min").orElseThrow(), ThrottleRate.parse("20/min").orElseThrow()), clock);
        for (int i = 0; i < 50_000; i++) {
            throttle.attempt("user-" + i + "-" + "x".repeat(200), "10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertTrue(tracked(throttle) <= 20_000, "at most 10,000 usernames and 10,000 addresses: " + tracked(throttle));
    }

    @Test
    void the_off_switch_turns_it_off() {
        try (TestServer off = TestServer.start(new Main(), Map.of("LOGIN_THROTTLE", "off",
                "LOGIN_THROTTLE_USERNAME_RATE", "1/day"))) {
            off.createUser("bob");
            for (int i = 0; i < 5; i++) {
                off.json(Map.of("username", "bob", "password", "wrong")).post("/api/token/").then().statusCode(401);
            }
        }
    }

    @Test
    void rates_are_read_as_drf_writes_them() {
        assertEquals(new ThrottleRate(5, Duration.ofMinutes(1)), ThrottleRate.parse("5/min").orElseThrow());
        assertEquals(new ThrottleRate(100, Duration.ofHours(1)), ThrottleRate.parse("100/hour").orElseThrow());
        assertEquals(new ThrottleRate(1000, Duration.ofDays(1)), ThrottleRate.parse("1000/d").orElseThrow());
        assertEquals(new ThrottleRate(2, Duration.ofSeconds(1)), ThrottleRate.parse(" 2/second ").orElseThrow());
        for (String bad : new String[] {"5", "5/", "/min", "0/min", "-1/min", "5/week", "five/min", "1000000/s"}) {
            assertTrue(ThrottleRate.parse(bad).isEmpty(), bad);
        }
    }

    @Test
    void a_setting_it_cannot_use_is_one_clear_line() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> new Settings(Map.of("LOGIN_THROTTLE_USERNAME_RATE", "5 per minute"), Map.of()).loginThrottle());
        assertEquals("LOGIN_THROTTLE_USERNAME_RATE=5 per minute is not a rate: write requests/period,"
                + " e.g. 5/min, 100/hour, 1000/day (1 to 100000 requests).", e.getMessage());
        assertThrows(SettingsException.class, () -> new Settings(Map.of("LOGIN_THROTTLE", "maybe"), Map.of()).loginThrottle());
        ThrottleSettings defaults = new Settings(Map.of(), Map.of()).loginThrottle();
        assertEquals(new ThrottleSettings(true, new ThrottleRate(5, Duration.ofMinutes(1)), new ThrottleRate(20, Duration.ofMinutes(1))),
                defaults);
    }

    static int tracked(LoginThrottle throttle) {
        return throttle.tracked();
    }
}
