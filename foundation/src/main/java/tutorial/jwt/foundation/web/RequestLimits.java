package tutorial.jwt.foundation.web;

import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import tutorial.jwt.foundation.errors.ApiError;
import tutorial.jwt.foundation.json.StrictJson;

/**
 * How much a client may send, and the contract's JSON for what Jetty refuses on its own, before any
 * view runs: headers too large (431), a URI too long (414), a request that is not well-formed HTTP
 * (400). Jetty's own answers are HTML pages that name Jetty; these name nothing.
 */
final class RequestLimits {

    /** The request line and headers together: Jetty's default, named here so the 431 can say it. */
    static final int MAX_HEADER_BYTES = 8 * 1024;
    /**
     * How much of a refused body is read and dropped before the 413 goes out. Many clients send their
     * whole request before they read a byte of the answer; closing on them with their body unread
     * resets the connection, and they never see the 413. Past this, the connection is closed anyway.
     */
    static final long MAX_DRAINED_BYTES = 32L * 1024 * 1024;
    /** DRF's {@code ParseError} default message. */
    static final String MALFORMED = "Malformed request.";

    private RequestLimits() {
    }

    static void apply(JavalinConfig config, long maxBodyBytes) {
        config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_HEADER_BYTES));
        // Jetty parses a multipart body itself: the same limit, and held in memory, never spooled to disk.
        config.jetty.multipartConfig.maxTotalRequestSize(maxBodyBytes, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxFileSize(maxBodyBytes, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize((int) maxBodyBytes, SizeUnit.BYTES);
        config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
    }

    /**
     * The answer to a request whose body could not be read because of the client (a broken chunked
     * encoding, a connection closed mid-body, a multipart body over the limit): a 4xx, not a server error.
     */
    static Optional<ApiError> clientFault(Throwable e, long maxBodyBytes) {
        boolean malformed = false;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException http && http.getCode() == 413
                    || cause instanceof IllegalStateException && String.valueOf(cause.getMessage()).startsWith("max length exceeded")) {
                return Optional.of(tooLarge(maxBodyBytes)); // the second: Jetty's multipart parser, over the limit
            }
            malformed |= cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500
                    || cause instanceof EofException;
        }
        return malformed ? Optional.of(ApiError.detail(400, MALFORMED)) : Optional.empty();
    }

    /** Reads what is left of a body the server refused, up to {@link #MAX_DRAINED_BYTES}, and drops it. */
    static void drain(HttpServletRequest request) {
        byte[] buffer = new byte[16 * 1024];
        long left = MAX_DRAINED_BYTES;
        try {
            InputStream in = request.getInputStream();
            for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
                left -= n;
            }
        } catch (IOException | RuntimeException brokenOff) {
            // the client stopped sending: the answer still goes out, if it is still listening
        }
    }

    static ApiError tooLarge(long maxBodyBytes) {
        return ApiError.detail(413, "Request body is too large (the limit is " + maxBodyBytes + " bytes).");
    }

    /** What Jetty answers before a request reaches Javalin, in the contract's {@code {"detail": ...}} shape. */
    static final class JsonErrorHandler extends ErrorHandler {

        @Override
        public boolean errorPageForMethod(String method) {
            return true; // a JSON body for every method, not only GET, POST and HEAD
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message,
                                        Throwable cause, Callback callback) {
            // An HTTP version Jetty does not speak is the client's error: 400, as gunicorn answers it, not 505.
            int status = code == 505 ? 400 : code;
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            String body = StrictJson.write(ApiError.detail(status, detail(status)).body());
            response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        }

        /** Our words for each status; never Jetty's message, which can echo the request. */
        private static String detail(int status) {
            return switch (status) {
                case 400 -> MALFORMED;
                case 413 -> "Request body is too large.";
                case 414 -> "Request URI is too long.";
                case 431 -> "Request header fields are too large (the limit is " + MAX_HEADER_BYTES + " bytes).";
                default -> status >= 500 ? "A server error occurred." : "Request refused.";
            };
        }
    }
}
