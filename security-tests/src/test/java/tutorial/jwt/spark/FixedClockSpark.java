package tutorial.jwt.spark;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import tutorial.jwt.install.Services;

/**
 * The Spark server as {@code runserver} starts it, on the suite's clock (2026-01-01T12:00Z, where
 * every forged token is fresh). Runs in its own JVM, on the Spark jar's class path, never in the
 * suite's: see {@code SparkTarget}. Argument: the port.
 */
public final class FixedClockSpark {

    private FixedClockSpark() {
    }

    public static void main(String[] args) throws InterruptedException {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);
        Services services = Main.openServices(System.getenv(), Path.of("").toAbsolutePath(), clock, System.err::println);
        SparkServer.start("127.0.0.1", Integer.parseInt(args[0]), Main.authentication(services, Main.stateless(System.getenv())),
                services.jwt().authHeaderName(), TutorialViews::register);
        new CountDownLatch(1).await(); // until the suite destroys the process
    }
}
