package tutorial.jwt.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tutorial.jwt.install.OnPostgreSql;
import tutorial.jwt.install.TestServer;

/** {@link TokenFamilyTest} on PostgreSQL, and a reuse that meets a rotation in flight there. */
@OnPostgreSql
class TokenFamilyOnPostgreSqlTest extends TokenFamilyTest {

    /**
     * The thief rotates R2 while the user presents R1 again. The reuse waits for the rotation (both
     * write R2's blacklist row); the token the rotation then records, R3, must be revoked with the family.
     * A lock on {@code token_family_member} holds the rotation between its two writes, so the order is sure.
     */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void a_reuse_that_waits_for_a_rotation_in_flight_revokes_the_token_it_recorded() throws Exception {
        try (TestServer server = start(); Connection holder = DriverManager.getConnection(server.databaseUrl())) {
            server.createUser("alice");
            String r1 = server.login("alice").getString("refresh");
            String r2 = server.json(Map.of("refresh", r1)).post("/api/token/refresh/").then().statusCode(200)
                    .extract().path("refresh");

            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("LOCK TABLE token_family_member IN SHARE MODE");
            }
            CompletableFuture<String> thief = CompletableFuture.supplyAsync(() ->
                    server.json(Map.of("refresh", r2)).post("/api/token/refresh/").then().extract().path("refresh"));
            waitForBlockedQueries(server, 1); // the rotation: R2 blacklisted, R3 waiting for the lock
            CompletableFuture<Integer> user = CompletableFuture.supplyAsync(() -> refresh(server, r1));
            waitForBlockedQueries(server, 2); // the reuse: waiting on R2's blacklist row
            holder.commit();

            String r3 = thief.get(30, TimeUnit.SECONDS);
            assertEquals(401, user.get(30, TimeUnit.SECONDS));
            assertEquals(401, refresh(server, r3), "the token recorded by the rotation in flight is revoked too");
        }
    }

    /** Waits until {@code count} of the server's queries wait for a lock. */
    static void waitForBlockedQueries(TestServer server, int count) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            if (server.count("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND datname = current_database()") >= count) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(count + " queries never waited for a lock");
    }
}
