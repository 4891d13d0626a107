package tutorial.jwt.spark;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Response;
import spark.Service;
import spark.embeddedserver.EmbeddedServers;
import spark.embeddedserver.jetty.EmbeddedJettyFactory;
import tutorial.jwt.foundation.errors.ApiError;
import tutorial.jwt.foundation.json.StrictJson;
import tutorial.jwt.install.StepApp;
import tutorial.jwt.protect.auth.Authentication;

/**
 * A running Spark server: the gate, the views, and every error as the contract's JSON. It uses Spark's
 * instance API ({@code Service.ignite()}) rather than the static {@code Spark.get(...)}, so one JVM (a
 * test) can run several.
 */
public final class SparkServer implements AutoCloseable {

    /** Spark's name for our Jetty, {@link JsonJetty}. */
    private static final String JSON_JETTY = "jetty-json-errors";
    private static final Logger LOG = LoggerFactory.getLogger(SparkServer.class);

    static {
        EmbeddedServers.add(JSON_JETTY, new EmbeddedJettyFactory(new JsonJetty()));
    }

    private final Service http;

    private SparkServer(Service http) {
        this.http = http;
    }

    /** Starts listening on {@code host:port} (0: any free port) and returns once it does. */
    public static SparkServer start(String host, int port, Authentication authentication,
                                    String headerName, Consumer<AuthFilter> views) {
        Service http = Service.ignite().ipAddress(host).port(port);
        http.embeddedServerIdentifier(JSON_JETTY);
        AtomicReference<Exception> failure = new AtomicReference<>();
        http.initExceptionHandler(failure::set); // Spark's own handler would exit the JVM
        answerErrorsInJson(http);
        AuthFilter gate = new AuthFilter(http, authentication, headerName);
        http.before(gate); // Spark starts serving in the background from the first route or filter on
        views.accept(gate);
        gate.refuseRoutesWithoutPermission();
        http.afterAfter((request, response) -> // never a query string or header: they may hold a token
                LOG.info("\"{} {}\" {}", request.requestMethod(), request.uri(), response.status()));
        http.awaitInitialization();
        if (failure.get() != null) {
            http.stop();
            throw new IllegalStateException("cannot listen on " + host + ":" + port
                    + " (is another server using that port? Try --port " + (port + 1) + ")", failure.get());
        }
        return new SparkServer(http);
    }

    /** The port it listens on: the free port picked for port 0. */
    public int port() {
        return http.port();
    }

    /**
     * Stops Jetty and waits for it, 10 seconds at most: if Jetty fails to stop, Spark calls
     * {@code System.exit}, which during Ctrl-C's shutdown would wait for this method forever.
     */
    @Override
    public void close() {
        http.stop();
        Thread stopping = new Thread(http::awaitStop);
        stopping.setDaemon(true);
        stopping.start();
        try {
            stopping.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Spark answers errors with HTML pages. Here every error is JSON: ours (an {@link ApiError} thrown by
     * the gate or a view), an unknown path, and anything unexpected, which is logged and never shown.
     */
    private static void answerErrorsInJson(Service http) {
        http.exception(ApiError.class, (error, request, response) -> response.body(json(response, error)));
        http.exception(Exception.class, (error, request, response) -> {
            LOG.error("Unhandled error on {} {}", request.requestMethod(), request.uri(), error);
            response.body(json(response, serverError()));
        });
        http.notFound((request, response) -> json(response, ApiError.notFound()));
        http.internalServerError((request, response) -> json(response, serverError()));
    }

    private static ApiError serverError() {
        return ApiError.detail(500, "A server error occurred.");
    }

    /** Sets the status and headers of {@code error} and returns its body. */
    private static String json(Response response, ApiError error) {
        response.status(error.status());
        response.type("application/json");
        if (error.status() == 401) {
            response.header("WWW-Authenticate", StepApp.WWW_AUTHENTICATE); // the Javalin steps' challenge
        }
        return StrictJson.write(error.body());
    }
}
