package tutorial.jwt.docs;

import java.util.List;
import java.util.Map;

/** What a server answered, printed as curl prints it. */
record CurlResponse(int status, List<CurlCommand.Header> headers, String body) {

    /** The reason phrases curl shows in a status line ({@code HTTP/1.1 401 Unauthorized}). */
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(204, "No Content"),
            Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"), Map.entry(304, "Not Modified"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"),
            Map.entry(413, "Payload Too Large"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
            Map.entry(503, "Service Unavailable"));

    /** The body, or with {@code -i} the status line, the headers, a blank line and the body. */
    String output(boolean include) {
        if (!include) {
            return body;
        }
        StringBuilder out = new StringBuilder("HTTP/1.1 " + status + " " + REASONS.getOrDefault(status, "")).append('\n');
        headers.forEach(header -> out.append(header.name()).append(": ").append(header.value()).append('\n'));
        return out.append('\n').append(body).toString();
    }
}
