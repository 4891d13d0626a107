package tutorial.jwt.spark;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import spark.Service;
import tutorial.jwt.install.Services;
import tutorial.jwt.install.TestServer;
import tutorial.jwt.protect.auth.Permission;

/**
 * The Spark server under test, in a class loader of its own. These tests need both frameworks in one
 * JVM: the token issuer is step 3's Javalin server (Jetty 12), the server under test is Spark (Jetty 9),
 * and the two Jettys have the same class names, so no single class path holds both. Surefire's class
 * path keeps Javalin's Jetty (see the pom); Spark, Jetty 9 and this module's classes are loaded here,
 * from the module's runtime class path. Only JDK types cross over: a {@code Map}, the issuer's
 * {@code Clock} (so moving it expires tokens on both servers), an {@code AutoCloseable}.
 */
final class IsolatedSpark implements AutoCloseable {

    /** One loader for every test: Spark and Jetty 9 are loaded once. */
    private static final ClassLoader SPARK_LOADER = sparkLoader();

    private final AutoCloseable server;
    final int port;

    private IsolatedSpark(AutoCloseable server, int port) {
        this.server = server;
        this.port = port;
    }

    /** A Spark server on a free port, with the issuer's database, key and clock (unless {@code settings} differ). */
    static IsolatedSpark start(TestServer issuer, Map<String, String> settings) {
        return start(issuer, settings, false);
    }

    /** {@code withTestRoutes}: also a route that forgot its permission, and two that fail (see {@link Inside}). */
    static IsolatedSpark start(TestServer issuer, Map<String, String> settings, boolean withTestRoutes) {
        Map<String, String> environment = new HashMap<>(settings);
        environment.putIfAbsent("DATABASE_URL", issuer.services.site().server().databaseUrl());
        environment.putIfAbsent("JWT_SIGNING_KEY", issuer.services.jwt().signingKey());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SPARK_LOADER); // Jetty and Spark's threads inherit it, and load from it
        try {
            Object server = SPARK_LOADER.loadClass(IsolatedSpark.class.getName() + "$Inside") // never loaded here
                    .getMethod("start", Map.class, Clock.class, boolean.class)
                    .invoke(null, environment, issuer.clock, withTestRoutes);
            int port = (Integer) server.getClass().getMethod("port").invoke(server);
            return new IsolatedSpark((AutoCloseable) server, port);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The version of the Jetty that the Spark server runs on, as Jetty reports it. */
    static String jettyVersion() {
        try {
            return (String) SPARK_LOADER.loadClass("org.eclipse.jetty.util.Jetty").getField("VERSION").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    RequestSpecification request() {
        return given().baseUri("http://127.0.0.1").port(port);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The runtime class path that the dependency plugin wrote for this module (Spark, Jetty 9, steps 1-3,
     * no Javalin), and this module's classes and test classes beside it in {@code target/}.
     */
    private static ClassLoader sparkLoader() {
        String written = System.getProperty("spark.runtime.classpath");
        if (written == null) {
            throw new IllegalStateException("Run these tests with Maven (./mvnw verify -pl"
                    + " step-03-protected-spark -am): they need the class path file that the pom writes.");
        }
        Path classpathFile = Path.of(written);
        Path target = classpathFile.getParent();
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(target.resolve("classes").toUri().toURL());
            urls.add(target.resolve("test-classes").toUri().toURL());
            for (String entry : Files.readString(classpathFile).trim().split(java.io.File.pathSeparator)) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classpathFile, e);
        }
        // The platform loader as parent: the JDK is shared, nothing of the test class path is.
        return new URLClassLoader("spark", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** The half that runs inside the Spark class loader: it only ever sees the module's runtime class path. */
    public static final class Inside {

        private Inside() {
        }

        public static AutoCloseable start(Map<String, String> environment, Clock clock, boolean withTestRoutes)
                throws ClassNotFoundException {
            // JDBC drivers register once per JVM, and the issuer's SQLite driver is not ours: register ours.
            Class.forName("org.sqlite.JDBC");
            Services services = Main.openServices(environment, Path.of(System.getProperty("java.io.tmpdir")), clock,
                    line -> { });
            boolean stateless = Main.stateless(environment);
            return SparkServer.start("127.0.0.1", 0, Main.authentication(services, stateless),
                    services.jwt().authHeaderName(), gate -> {
                        TutorialViews.register(gate);
                        if (withTestRoutes) {
                            testRoutes(gate);
                        }
                    });
        }

        private static void testRoutes(AuthFilter gate) {
            Service http = gate.http();
            http.get("/api/forgotten/", (request, response) -> "{\"secret\":42}"); // no permission: a mistake
            gate.get("/api/broken/", Permission.ALLOW_ANY, (request, response) -> {
                throw new IllegalStateException("a bug, with a secret in its message");
            });
            gate.get("/api/broken-badly/", Permission.ALLOW_ANY, (request, response) -> {
                throw new AssertionError("an Error: Spark catches Exceptions only, so Jetty answers this one");
            });
        }
    }
}
