package tutorial.jwt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tutorial.jwt.foundation.json.StrictJson;
import tutorial.jwt.install.RawHttp;

/**
 * The security suite: every row of {@link AttackTable} against every step's real server that has the
 * endpoint, and the Spark variant's server for the views it serves (on step 3's database and key). Each answer must be the exact contract body with its status; never a 5xx, never a word of
 * a library or a stack trace; every 401 with its {@code WWW-Authenticate}; every answer JSON; and the
 * users and blacklist tables exactly as they were, unless a write is the point of the request. The
 * key-fetching headers point at a socket that must never see a connection ({@link KeyServerWatch}).
 */
class SecuritySuiteTest {

    static final KeyServerWatch KEY_SERVER = KeyServerWatch.start();
    static final Map<Integer, Target> TARGETS = new LinkedHashMap<>();
    /** The views the Spark variant serves: step 3's, without the token endpoints. */
    static final EnumSet<Endpoint> SPARK_ENDPOINTS = EnumSet.of(Endpoint.PUBLIC, Endpoint.PROTECTED);
    static SparkTarget spark;

    @BeforeAll
    static void startEveryStep() throws Exception {
        for (int step : Target.STEPS) {
            TARGETS.put(step, Target.start(step, Map.of()));
        }
        spark = SparkTarget.start(TARGETS.get(3), Files.createTempDirectory("spark-target"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (spark != null) {
            spark.close();
        }
        TARGETS.values().forEach(Target::close);
        KEY_SERVER.close();
    }

    static Stream<Arguments> rows() {
        List<Attack> attacks = AttackTable.all(KEY_SERVER.url());
        Stream<Arguments> steps = Target.STEPS.stream().flatMap(step -> attacks.stream()
                .filter(attack -> step >= attack.endpoint().since)
                .map(attack -> Arguments.of("step " + step + " " + attack, step, false, attack)));
        Stream<Arguments> onSpark = attacks.stream()
                .filter(attack -> SPARK_ENDPOINTS.contains(attack.endpoint()))
                .map(attack -> Arguments.of("spark " + attack, 3, true, attack));
        return Stream.concat(steps, onSpark);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void the_answer_is_the_contract_s_and_nothing_is_let_in_or_lost(String name, int step, boolean onSpark, Attack attack) {
        Target target = TARGETS.get(step);
        DatabaseSnapshot before = DatabaseSnapshot.of(target.server);
        Attack.Exchange exchange = attack.exchange().apply(target);
        RawHttp.Response response = RawHttp.send(onSpark ? spark.port : target.port(), exchange.wire());
        Expected expected = exchange.expected();

        assertTrue(response.status() < 500, () -> name + ": a server error: " + response);
        assertEquals(expected.status(), response.status(), () -> name + ": status; body: " + response.body());
        assertEquals("application/json", response.header("Content-Type"), () -> "content type; headers: " + response.headers());
        if (expected.keys() != null) {
            Object body = StrictJson.parse(response.body());
            assertTrue(body instanceof Map<?, ?>, response.body());
            assertEquals(expected.keys(), ((Map<?, ?>) body).keySet(), response.body());
        } else if ("".equals(expected.body())) {
            assertEquals("", response.body());
        } else {
            assertEquals(expected.body(), parse(response.body()), () -> "body: " + response.body());
        }
        if (response.status() >= 400) {
            assertNull(Leaks.in(response.body()), () -> "a library's word or a stack trace: " + response.body());
        }
        if (response.status() == 401) {
            assertEquals("Bearer realm=\"api\"", response.header("WWW-Authenticate"));
        }
        if (!expected.writes()) {
            assertEquals(before, DatabaseSnapshot.of(target.server), "the request changed the database");
        }
        assertEquals(0, KEY_SERVER.connections(), "a key-fetching header was followed");
    }

    private static Object parse(String body) {
        try {
            return StrictJson.parse(body);
        } catch (StrictJson.JsonSyntaxError e) {
            return fail("not JSON: " + body);
        }
    }
}
