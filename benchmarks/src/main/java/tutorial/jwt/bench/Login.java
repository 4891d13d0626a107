package tutorial.jwt.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import tutorial.jwt.foundation.users.PasswordHasher;
import tutorial.jwt.install.TestServer;

/**
 * Login, {@code POST /api/token/}, at Django's default 600,000 PBKDF2 iterations: bounded by the
 * password hash by design, so its figure is given per core. It also checks that every attempt costs
 * exactly one hash, whether the password is right, wrong, or the user does not exist (a second hash,
 * or none, would show in the CPU time and would tell an attacker which usernames exist).
 */
final class Login {

    private static final String USER = "bench";

    private Login() { }

    static void run() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        try (TestServer server = TestServer.start(new tutorial.jwt.blacklist.Main(),
                Map.of("PASSWORD_ITERATIONS", "600000"))) {
            server.createUser(USER);
            double hashMillis = cpuMillisPerHash(server.services.site().passwords());
            System.out.printf("%nLogin (step 6, PBKDF2 at 600,000 iterations): %d client threads (one per core), "
                    + "%ds each; one hash alone takes %.0f ms of CPU%n", cores, Bench.MEASURE.toSeconds(), hashMillis);
            System.out.printf("%-40s %8s %10s %8s %8s %12s%n", "attempt", "logins/s", "per core", "p50 ms", "p99 ms",
                    "hashes each");
            attempt("right password (200)", server, cores, hashMillis, USER, TestServer.PASSWORD, 200);
            attempt("wrong password (401)", server, cores, hashMillis, USER, "not the password", 401);
            attempt("unknown user (401)", server, cores, hashMillis, "nobody", "not the password", 401);
        }
    }

    private static void attempt(String what, TestServer server, int threads, double hashMillis, String username,
                                String password, int status) throws Exception {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
        long cpuBefore = Bench.Machine.processCpuNanos();
        Load.Result result = Load.run(threads, Bench.MEASURE, i -> new Load.Client() {
            @Override
            public java.net.http.HttpRequest next() {
                return Load.postJson(Bench.base(server), "/api/token/", body);
            }

            @Override
            public int expectedStatus() {
                return status;
            }
        });
        double cpuMillisEach = (Bench.Machine.processCpuNanos() - cpuBefore) / 1e6 / result.requests();
        System.out.printf("%-40s %8.2f %10.2f %8.0f %8.0f %12.2f%n", what, result.perSecond(),
                result.perSecond() / threads, result.p50Millis(), result.p99Millis(), cpuMillisEach / hashMillis);
    }

    /** The CPU time of one check against a 600,000-iteration hash, on this thread, once warm. */
    private static double cpuMillisPerHash(PasswordHasher hasher) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 3; i++) {
            hasher.verifyDummy("warm up");
        }
        int rounds = 5;
        long before = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            hasher.verifyDummy("measure");
        }
        return (threads.getCurrentThreadCpuTime() - before) / 1e6 / rounds;
    }
}
