package tutorial.jwt.endpoints;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tutorial.jwt.install.TestServer;

/** Every hostile token, at both endpoints: the contract's 401 and nothing of the library's words. */
class HostileTokenTest {

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(new Main());
        server.createUser("alice");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> attacks() {
        return Stream.concat(
                HostileTokens.of("refresh").stream().map(c -> Arguments.of("/api/token/refresh/", "refresh", c)),
                HostileTokens.of("access").stream().map(c -> Arguments.of("/api/token/verify/", "token", c)));
    }

    @ParameterizedTest(name = "{0} refuses {2}")
    @MethodSource("attacks")
    void a_hostile_token_is_invalid_and_nothing_leaks(String path, String field, HostileTokens.Case attack) {
        var response = server.json(Map.of(field, attack.token())).post(path).then();
        if (attack.token().isBlank()) {
            response.statusCode(400).body(field, equalTo(java.util.List.of("This field may not be blank.")));
            return;
        }
        response.statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"api\"")
                .body("detail", equalTo("Token is invalid"))
                .body("code", equalTo("token_not_valid"))
                .body("$", aMapWithSize(2));
    }
}
