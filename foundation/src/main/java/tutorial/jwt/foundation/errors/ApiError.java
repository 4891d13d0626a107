package tutorial.jwt.foundation.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error answer in one of the contract's shapes, framework-neutral. Thrown from anywhere in a request;
 * the web layer (Javalin's ApiServer, Spark's filter) writes it out, so every error body is made here.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final Map<String, Object> body;
    private final Map<String, String> headers;

    public ApiError(int status, Map<String, Object> body) {
        this(status, body, Map.of());
    }

    /** With response headers, such as a 429's {@code Retry-After}. */
    public ApiError(int status, Map<String, Object> body, Map<String, String> headers) {
        super("HTTP " + status, null, false, false); // an answer, not a bug: no stack trace
        this.status = status;
        this.body = Collections.unmodifiableMap(new LinkedHashMap<>(body)); // keeps the fields' order
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public Map<String, Object> body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** {@code {"detail": "..."}}: DRF's shape for errors that are not about one field. */
    public static ApiError detail(int status, String detail) {
        return new ApiError(status, Map.of("detail", detail));
    }

    /** {@code {"detail": "...", "code": "..."}}: DRF's shape when an error names its code. */
    public static ApiError detail(int status, String detail, String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", detail);
        body.put("code", code);
        return new ApiError(status, body);
    }

    /** 400 {@code {"field": ["message"], ...}}: DRF's validation errors, one key per bad field. */
    public static ApiError fields(Map<String, List<String>> errors) {
        return new ApiError(400, new LinkedHashMap<>(errors));
    }

    public static ApiError parseError(String reason) {
        return detail(400, "JSON parse error - " + reason);
    }

    public static ApiError unsupportedMediaType(String contentType) {
        return detail(415, "Unsupported media type \"" + contentType + "\" in request.");
    }

    public static ApiError methodNotAllowed(String method) {
        return detail(405, "Method \"" + method + "\" not allowed.");
    }

    /**
     * 429 with DRF's {@code Throttled} message and {@code Retry-After}: "Request was throttled. Expected
     * available in 12 seconds."
     */
    public static ApiError throttled(long waitSeconds) {
        String detail = "Request was throttled. Expected available in " + waitSeconds
                + (waitSeconds == 1 ? " second." : " seconds.");
        return new ApiError(429, Map.of("detail", detail), Map.of("Retry-After", String.valueOf(waitSeconds)));
    }

    public static ApiError notFound() {
        return detail(404, "Not found.");
    }
}
