package tutorial.jwt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;
import tutorial.jwt.install.RawHttp;
import tutorial.jwt.install.TestServer;

/**
 * A login tells nothing about which usernames exist: a wrong password, an unknown user, an inactive
 * one, a deleted one, one whose stored hash is damaged or unusable, all get the same status, headers
 * and body, and cost the same number of password hashes (one). Times are printed, never asserted.
 */
class EnumerationTest {

    static Target target;

    @BeforeAll
    static void start() {
        // 100,000 iterations, so a hash costs enough time to show in the printed figures.
        target = Target.start(6, Map.of("PASSWORD_ITERATIONS", "100000"));
        target.server.createUser("damaged");
        target.server.sql("UPDATE auth_user SET password = 'pbkdf2_sha256$x$salt$hash' WHERE username = 'damaged'");
        target.server.createUser("unusable");
        target.server.sql("UPDATE auth_user SET password = '!QbK8dTn2Z1aVs9xYw3eRf6gHj0kLm4nPq7uIo5' WHERE username = 'unusable'");
    }

    @AfterAll
    static void stop() {
        target.close();
    }

    static final Map<String, String> FAILURES = new LinkedHashMap<>();

    static {
        FAILURES.put("a wrong password", "alice");
        FAILURES.put("an unknown user", "nobody-of-that-name");
        FAILURES.put("an inactive user", "inactive");
        FAILURES.put("a deleted user", "deleted");
        FAILURES.put("a damaged stored hash", "damaged");
        FAILURES.put("Django's unusable password", "unusable");
    }

    @ParameterizedTest
    @EnumSource(value = Endpoint.class, names = {"OBTAIN", "SLIDING_OBTAIN"}, mode = Mode.INCLUDE)
    void every_failed_login_looks_the_same_and_costs_one_hash(Endpoint endpoint) {
        String reference = null;
        List<String> timings = new ArrayList<>();
        for (Map.Entry<String, String> failure : FAILURES.entrySet()) {
            String password = failure.getValue().equals("alice") ? "not the password" : TestServer.PASSWORD;
            long hashesBefore = target.server.services.site().passwords().hashesComputed();
            RawHttp.Response response = login(endpoint, failure.getValue(), password);
            long hashes = target.server.services.site().passwords().hashesComputed() - hashesBefore;

            String seen = response.status() + " " + response.header("Content-Type") + " "
                    + response.header("WWW-Authenticate") + " " + response.headers().keySet() + " " + response.body();
            if (reference == null) {
                reference = seen;
            }
            assertEquals(reference, seen, failure.getKey() + " must look like a wrong password");
            assertEquals(1, hashes, failure.getKey() + " must cost exactly one password hash");
            timings.add(failure.getKey() + " " + medianMillis(endpoint, failure.getValue(), password) + " ms");
        }
        assertEquals("401 application/json Bearer realm=\"api\"", reference.substring(0, reference.indexOf(" [")));
        assertEquals("{\"detail\":\"No active account found with the given credentials\"}",
                reference.substring(reference.indexOf("] ") + 2));
        System.out.println(endpoint + ", median of 5 logins at 100,000 iterations: " + String.join(", ", timings));
    }

    static RawHttp.Response login(Endpoint endpoint, String username, String password) {
        return AttackTable.json(endpoint, AttackTable.credentials(username, password)).send(target.port());
    }

    static String medianMillis(Endpoint endpoint, String username, String password) {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            login(endpoint, username, password);
            nanos.add(System.nanoTime() - start);
        }
        nanos.sort(null);
        return String.format("%.1f", nanos.get(2) / 1e6);
    }
}
