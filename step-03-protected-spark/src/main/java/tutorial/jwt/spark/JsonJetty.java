package tutorial.jwt.spark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import spark.embeddedserver.jetty.JettyServerFactory;
import tutorial.jwt.foundation.json.StrictJson;

/**
 * The Jetty under Spark, with two changes. Jetty answers a few errors itself, before Spark sees the
 * request (a malformed URL: 400, huge headers: 431), with an HTML page: here they are JSON too. And it
 * does not announce its version in a {@code Server} header.
 */
final class JsonJetty implements JettyServerFactory {

    /** The request line and headers together, as step 1 bounds them. */
    private static final int MAX_HEADER_BYTES = 8 * 1024;

    /** As Spark's own factory makes it, then {@link #configured}. */
    @Override
    public Server create(int maxThreads, int minThreads, int threadTimeoutMillis) {
        return configured(maxThreads > 0
                ? new Server(new QueuedThreadPool(maxThreads, minThreads > 0 ? minThreads : 8,
                        threadTimeoutMillis > 0 ? threadTimeoutMillis : 60_000))
                : new Server());
    }

    @Override
    public Server create(ThreadPool threadPool) {
        return configured(threadPool != null ? new Server(threadPool) : new Server());
    }

    private Server configured(Server server) {
        server.setErrorHandler(new JsonErrors());
        server.addLifeCycleListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) { // Spark has added its connector by now
                for (var connector : server.getConnectors()) {
                    var http = connector.getConnectionFactory(HttpConnectionFactory.class);
                    if (http != null) {
                        http.getHttpConfiguration().setSendServerVersion(false);
                        http.getHttpConfiguration().setRequestHeaderSize(MAX_HEADER_BYTES);
                    }
                }
            }
        });
        return server;
    }

    /** Jetty's error pages, in JSON: the status's standard reason only, as Jetty's message may quote the request. */
    private static final class JsonErrors extends ErrorHandler {

        /** An error found while parsing the request, before there is one to dispatch. */
        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
            fields.put(HttpHeader.CONTENT_TYPE, "application/json");
            return BufferUtil.toBuffer(body(status));
        }

        /** Any other error Jetty answers (one that escaped Spark, such as an {@code Error}). */
        @Override
        protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                                  HttpServletResponse response, int code, String message)
                throws IOException {
            baseRequest.setHandled(true);
            response.setContentType("application/json");
            response.getWriter().write(body(code));
        }

        /** Step 1's words for each status (its {@code RequestLimits}), so both servers answer alike. */
        private static String body(int status) {
            String detail = switch (status) {
                case 400 -> "Malformed request.";
                case 414 -> "Request URI is too long.";
                case 431 -> "Request header fields are too large (the limit is " + MAX_HEADER_BYTES + " bytes).";
                case 500 -> "A server error occurred.";
                default -> HttpStatus.getMessage(status);
            };
            return StrictJson.write(Map.of("detail", detail));
        }
    }
}
