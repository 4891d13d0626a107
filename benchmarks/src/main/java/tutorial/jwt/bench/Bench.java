package tutorial.jwt.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import tutorial.jwt.install.TestServer;

/**
 * What authentication costs, measured: the figures of docs/performance.md. Four parts, each printed
 * as it finishes:
 * <ol>
 *   <li>step servers started in this JVM, loaded endpoint by endpoint, as ratios to {@code /api/public/}
 *       (no authentication: the ceiling) measured just before and after, the median of a few rounds;</li>
 *   <li>login at Django's 600,000 PBKDF2 iterations, with the number of password hashes per attempt;</li>
 *   <li>a real {@code java -jar} step-6 server: time to the first 200, resident memory under load;</li>
 *   <li>JMH microbenchmarks of signing, verifying and password hashing.</li>
 * </ol>
 * Settings (system properties): {@code bench.threads} (4), {@code bench.warmup} (3 s per endpoint, once),
 * {@code bench.rounds} and {@code bench.round.seconds} (3 rounds of 3 s per endpoint), {@code bench.seconds}
 * (5 s per login and real-server run), {@code bench.only} (http,login,jar,jmh), {@code bench.jvm} (the JVM
 * options of the real server, ";" between sets), {@code bench.jmh.forks}/{@code .iterations}/{@code .time}.
 */
public final class Bench {

    static final int THREADS = Integer.getInteger("bench.threads", 4);
    static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 3));
    static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 5));
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final Duration ROUND_RUN = Duration.ofSeconds(Integer.getInteger("bench.round.seconds", 3));
    static final String ONLY = System.getProperty("bench.only", "http,login,jar,jmh");
    /** The row the refresh rows are also compared with. */
    private static final String VERIFY = "POST /api/token/verify/";
    /** The row the views that authenticate a request are also compared with. */
    private static final String FLOOR = "GET bare Javalin + jjwt (floor)";

    public static void main(String[] args) throws Exception {
        // Jetty closes a connection idle for 30 s, and a request sent on a connection just as either side
        // closes it fails ("header parser received no bytes"). Each measured run opens its own connections
        // (Load.drive); the logins between runs share a client that drops connections idle for 2 s.
        System.setProperty("jdk.httpclient.keepalive.timeout", "2");
        // And should a POST still meet a connection being closed, the JDK client sends it again on a new
        // one, as it does for a GET. A refresh that had reached the server would then be refused (401, its
        // token spent) and stop the run: a retry cannot make a figure look better than it is.
        System.setProperty("jdk.httpclient.enableAllMethodRetry", "true");
        System.out.println(Machine.describe());
        if (ONLY.contains("http")) {
            endpoints();
        }
        if (ONLY.contains("login")) {
            Login.run();
        }
        if (ONLY.contains("jar")) {
            RealServer.run(Path.of("").toAbsolutePath());
        }
        if (ONLY.contains("jmh")) {
            microbenchmarks();
        }
        System.exit(0); // the servers' non-daemon threads would keep the JVM alive
    }

    // ---- 1. Endpoints, in-process ----

    /** One measured run: {@code serverMicros} is the CPU time of the servers' threads per request. */
    record Run(Load.Result result, double serverMicros) { }

    private static void endpoints() throws Exception {
        System.out.printf("%nEndpoints: %d client threads, %d rounds of %ds per endpoint after a %ds warm-up,"
                + " step servers in this JVM (SQLite in a temporary folder)%n",
                THREADS, ROUNDS, ROUND_RUN.toSeconds(), WARMUP.toSeconds());
        try (TestServer step3 = TestServer.start(new tutorial.jwt.protect.Main());
             TestServer step4 = TestServer.start(new tutorial.jwt.refresh.Main());
             TestServer step5 = TestServer.start(new tutorial.jwt.claims.Main());
             TestServer step6 = TestServer.start(new tutorial.jwt.blacklist.Main());
             FloorServer floor = FloorServer.start(TestServer.SIGNING_KEY, step3.clock)) {
            for (TestServer server : List.of(step3, step4, step5, step6)) {
                server.createUser("bench");
            }
            Scenario ceiling = new Scenario("GET /api/public/ (ceiling)", "3", step3,
                    server -> get(server, "/api/public/", null));
            List<Scenario> scenarios = List.of(
                    new Scenario(FLOOR, "-", step3, server -> { // logs in to step 3, which shares the key
                        String access = Load.field(login(server), "access");
                        java.net.http.HttpRequest request = Load.get("http://127.0.0.1:" + floor.port(),
                                FloorServer.PATH, access);
                        return () -> request;
                    }),
                    new Scenario("GET /api/protected/ (DB-backed user)", "3", step3, server -> {
                        String access = Load.field(login(server), "access");
                        return get(server, "/api/protected/", access);
                    }),
                    new Scenario("GET /api/me/ (stateless user)", "5", step5, server -> {
                        String access = Load.field(login(server), "access");
                        return get(server, "/api/me/", access);
                    }),
                    new Scenario(VERIFY, "3", step3, server -> {
                        String body = "{\"token\":\"" + Load.field(login(server), "access") + "\"}";
                        return () -> Load.postJson(base(server), "/api/token/verify/", body);
                    }),
                    new Scenario("POST /api/token/refresh/ (no rotation)", "3", step3, Bench::refreshing),
                    new Scenario("POST /api/token/refresh/ (rotation)", "4", step4, Bench::refreshing),
                    new Scenario("POST /api/token/refresh/ (rotation + blacklist)", "6", step6, Bench::refreshing));
            // A warm-up round over every server and endpoint first, so the JIT has compiled the code they
            // share before any figure is taken.
            for (TestServer server : List.of(step3, step4, step5, step6)) {
                Load.run(THREADS, WARMUP, clients(server, ceiling.perThread()));
            }
            for (Scenario scenario : scenarios) {
                Load.run(THREADS, WARMUP, clients(scenario.server(), scenario.perThread()));
            }
            print(ceiling, rounds(ceiling, scenarios));
        }
    }

    /** Every run of the rounds, and each endpoint's ratio to the ceiling, round by round. */
    record Measured(List<Run> ceilingRuns, Map<Scenario, List<Run>> runs, Map<Scenario, double[]> ratios) { }

    /**
     * The rounds: ceiling, endpoint, ceiling, endpoint... ceiling. Each endpoint's ratio is to the two
     * ceiling runs around it, taken seconds apart on a machine that drifts over a minute.
     */
    private static Measured rounds(Scenario ceiling, List<Scenario> scenarios) throws Exception {
        Measured measured = new Measured(new ArrayList<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        for (Scenario scenario : scenarios) {
            measured.runs().put(scenario, new ArrayList<>());
            measured.ratios().put(scenario, new double[ROUNDS]);
        }
        for (int round = 0; round < ROUNDS; round++) {
            System.out.printf("  round %d of %d%n", round + 1, ROUNDS);
            Run before = measure(ceiling);
            measured.ceilingRuns().add(before);
            for (Scenario scenario : scenarios) {
                Run run = measure(scenario);
                Run after = measure(ceiling);
                measured.ceilingRuns().add(after);
                measured.runs().get(scenario).add(run);
                measured.ratios().get(scenario)[round] = Rounds.toCeiling(
                        before.result().perSecond(), run.result().perSecond(), after.result().perSecond());
                before = after;
            }
        }
        return measured;
    }

    /** A client factory: for each thread, a client (it may log in first). */
    interface PerThread {
        Load.Client make(TestServer server) throws Exception;
    }

    record Scenario(String what, String step, TestServer server, PerThread perThread) { }

    private static java.util.function.Function<Integer, Load.Client> clients(TestServer server, PerThread perThread) {
        return i -> {
            try {
                return perThread.make(server);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static Run measure(Scenario scenario) throws Exception {
        List<Load.Client> clients = Load.clients(THREADS, clients(scenario.server(), scenario.perThread())); // logging in is not measured
        long serverCpu = Machine.serverCpuNanos();
        Load.Result result = Load.drive(clients, ROUND_RUN);
        return new Run(result, (Machine.serverCpuNanos() - serverCpu) / 1e3 / result.requests());
    }

    /** Refreshes over and over, always with the newest refresh token (with rotation the old one is spent). */
    private static Load.Client refreshing(TestServer server) throws Exception {
        String[] refresh = {Load.field(login(server), "refresh")};
        return new Load.Client() {
            @Override
            public java.net.http.HttpRequest next() {
                return Load.postJson(base(server), "/api/token/refresh/", "{\"refresh\":\"" + refresh[0] + "\"}");
            }

            @Override
            public void answered(String body) {
                String rotated = Load.field(body, "refresh");
                if (rotated != null) {
                    refresh[0] = rotated;
                }
            }
        };
    }

    private static Load.Client get(TestServer server, String path, String access) {
        java.net.http.HttpRequest request = Load.get(base(server), path, access);
        return () -> request;
    }

    private static String login(TestServer server) throws Exception {
        return Load.login(base(server), "bench", TestServer.PASSWORD);
    }

    static String base(TestServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    /** The table: every figure the median of the rounds. */
    private static void print(Scenario ceiling, Measured measured) {
        System.out.printf("%n%-48s %4s %9s %8s %8s %10s %9s %10s %9s %9s%n", "endpoint", "step", "req/s", "p50 ms",
                "p99 ms", "server us", "x public", "range", "x floor", "x verify");
        double[] ceilingRates = measured.ceilingRuns().stream().mapToDouble(run -> run.result().perSecond()).toArray();
        double ceilingRate = Rounds.median(ceilingRates);
        double[] drift = Arrays.stream(ceilingRates).map(rate -> rate / ceilingRate).toArray();
        printLine(ceiling, measured.ceilingRuns(), 1.0, Rounds.range(drift), "", "");
        double[] verify = ratios(measured, VERIFY);
        double[] floor = ratios(measured, FLOOR);
        measured.runs().forEach((scenario, runs) -> {
            double[] ratio = measured.ratios().get(scenario);
            boolean authenticates = scenario.what().startsWith("GET /api/");
            printLine(scenario, runs, Rounds.median(ratio), Rounds.range(ratio),
                    authenticates ? String.format("%9.2f", perRound(ratio, floor)) : "",
                    scenario.what().contains("refresh") ? String.format("%9.2f", perRound(ratio, verify)) : "");
        });
        System.out.printf("(medians of %d rounds. x public: the rate over the mean of the two /api/public/ runs just"
                + " before and after it, %d in all; range: the lowest and the highest round, and for /api/public/"
                + " its runs over their median. x floor: over bare Javalin + jjwt in the same round. server us: CPU time of the servers' request threads per request,"
                + " the load generator's left out)%n", ROUNDS, measured.ceilingRuns().size());
    }

    private static double[] ratios(Measured measured, String what) {
        return measured.ratios().entrySet().stream().filter(entry -> entry.getKey().what().equals(what))
                .findFirst().orElseThrow().getValue();
    }

    /** The median over the rounds of one row's rate over another's, both to the ceiling of their own round. */
    private static double perRound(double[] ratio, double[] other) {
        double[] over = new double[ratio.length];
        for (int round = 0; round < ratio.length; round++) {
            over[round] = ratio[round] / other[round];
        }
        return Rounds.median(over);
    }

    private static void printLine(Scenario scenario, List<Run> runs, double perPublic, String range, String perFloor,
                                  String perVerify) {
        System.out.printf("%-48s %4s %9.0f %8.2f %8.2f %10.1f %9.2f %10s %9s %9s%n", scenario.what(), scenario.step(),
                median(runs, run -> run.result().perSecond()), median(runs, run -> run.result().p50Millis()),
                median(runs, run -> run.result().p99Millis()), median(runs, Run::serverMicros), perPublic, range,
                perFloor, perVerify);
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> figure) {
        return Rounds.median(runs.stream().mapToDouble(figure).toArray());
    }

    // ---- 4. Microbenchmarks ----

    private static void microbenchmarks() throws Exception {
        int forks = Integer.getInteger("bench.jmh.forks", 1);
        int iterations = Integer.getInteger("bench.jmh.iterations", 3);
        int seconds = Integer.getInteger("bench.jmh.time", 2);
        System.out.printf("%nJMH: %d fork(s), %d warm-up and %d measured iterations of %ds each%n",
                forks, iterations, iterations, seconds);
        new Runner(new OptionsBuilder()
                .include(CryptoBenchmarks.class.getName())
                .forks(forks)
                .warmupIterations(iterations)
                .measurementIterations(iterations)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementTime(TimeValue.seconds(seconds))
                .jvmArgsAppend("-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                .build()).run();
    }

    /** The machine the figures come from. */
    static final class Machine {
        static String describe() throws Exception {
            String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
            return String.format("Machine: %d cores (%s), %s; Java %s (%s); load average before: %s",
                    Runtime.getRuntime().availableProcessors(), model, System.getProperty("os.name"),
                    System.getProperty("java.version"), System.getProperty("java.vm.name"),
                    Files.readString(Path.of("/proc/loadavg")).trim());
        }

        /** CPU time of the threads serving requests (Javalin names them JettyServerThreadPool-N), all servers. */
        static long serverCpuNanos() {
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long sum = 0;
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().startsWith("JettyServerThreadPool")) {
                    sum += Math.max(0, threads.getThreadCpuTime(thread.getId())); // -1 once a thread has ended
                }
            }
            return sum;
        }

        static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        private Machine() { }
    }

    private Bench() { }
}
