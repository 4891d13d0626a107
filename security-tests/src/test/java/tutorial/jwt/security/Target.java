package tutorial.jwt.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tutorial.jwt.install.StepApp;
import tutorial.jwt.install.TestServer;

/**
 * One step's real server under attack, with the users every case needs: alice (active, id 1), an
 * inactive user (id 2), and the id of a user who was deleted (3).
 */
final class Target implements AutoCloseable {

    static final long ALICE = 1;
    static final long INACTIVE = 2;
    static final long DELETED = 3;
    static final List<Integer> STEPS = List.of(1, 2, 3, 4, 5, 6, 7, 8);
    /**
     * Steps 7 and 8 sign with HS256 here, so the table's tokens (signed with the shared secret) mean what
     * they mean in step 6; {@link KeysAttackTest} attacks step 7's key pairs. Step 8 runs in cookie mode:
     * its Bearer clients must see nothing of it; {@link BrowserAttackTest} attacks the cookies.
     */
    private static final Map<Integer, Map<String, String>> STEP_SETTINGS = Map.of(7, Map.of("JWT_ALGORITHM", "HS256"),
            8, Map.of("JWT_ALGORITHM", "HS256", "JWT_AUTH_COOKIE", "access_token"));
    private static final Map<Integer, Supplier<StepApp>> APPS = Map.of(
            1, tutorial.jwt.install.Main::new,
            2, tutorial.jwt.endpoints.Main::new,
            3, tutorial.jwt.protect.Main::new,
            4, tutorial.jwt.refresh.Main::new,
            5, tutorial.jwt.claims.Main::new,
            6, tutorial.jwt.blacklist.Main::new,
            7, tutorial.jwt.keys.Main::new,
            8, tutorial.jwt.browser.Main::new);

    final int step;
    final TestServer server;

    private Target(int step, TestServer server) {
        this.step = step;
        this.server = server;
    }

    static StepApp app(int step) {
        return APPS.get(step).get();
    }

    /** Step {@code step}'s server with its three users; {@code environment} as for {@link TestServer#start}. */
    static Target start(int step, Map<String, String> environment) {
        Map<String, String> settings = new HashMap<>(STEP_SETTINGS.getOrDefault(step, Map.of()));
        settings.putAll(environment);
        TestServer server = TestServer.start(app(step), settings);
        long alice = server.createUser("alice").id();
        long inactive = server.createUser("inactive").id();
        long deleted = server.createUser("deleted").id();
        server.sql("UPDATE auth_user SET is_active = 0 WHERE id = ?", inactive);
        server.sql("DELETE FROM auth_user WHERE id = ?", deleted);
        if (alice != ALICE || inactive != INACTIVE || deleted != DELETED) {
            throw new IllegalStateException("unexpected user ids " + alice + ", " + inactive + ", " + deleted);
        }
        return new Target(step, server);
    }

    boolean has(Endpoint endpoint) {
        return step >= endpoint.since;
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
