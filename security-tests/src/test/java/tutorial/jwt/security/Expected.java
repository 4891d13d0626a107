package tutorial.jwt.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import tutorial.jwt.foundation.json.StrictJson;

/**
 * What one request must get: the status and the exact contract body (or, for an answer that carries
 * fresh tokens, its exact keys), and whether the database may change.
 */
record Expected(int status, Object body, Set<String> keys, boolean writes) {

    static Expected json(int status, String json) {
        return new Expected(status, StrictJson.parse(json), null, false);
    }

    static Expected keys(int status, String... keys) {
        return new Expected(status, null, Set.of(keys), false);
    }

    /** An answer without a body, as HEAD gets. */
    static Expected empty(int status) {
        return new Expected(status, "", null, false);
    }

    /** The database may change: a login, a rotation or a logout is the point of the request. */
    Expected writing(boolean writes) {
        return new Expected(status, body, keys, writes);
    }

    // The contract's bodies, named.

    static Expected tokenError(String message) {
        return json(401, StrictJson.write(Map.of("detail", message, "code", "token_not_valid")));
    }

    static Expected detail(int status, String detail) {
        return json(status, StrictJson.write(Map.of("detail", detail)));
    }

    static Expected field(String field, String message) {
        return json(400, StrictJson.write(Map.of(field, List.of(message))));
    }

    static final Expected NOT_PROVIDED = detail(401, "Authentication credentials were not provided.");
    static final Expected BAD_HEADER = json(401, "{\"detail\": \"Authorization header must contain two space-delimited values\","
            + " \"code\": \"bad_authorization_header\"}");
    static final Expected NO_ACCOUNT = detail(401, "No active account found with the given credentials");
    static final Expected NO_ACCOUNT_FOR_TOKEN = detail(401, "No active account found for the given token.");
    static final Expected TOO_LARGE = detail(413, "Request body is too large (the limit is 65536 bytes).");
    static final Expected HEADERS_TOO_LARGE = detail(431, "Request header fields are too large (the limit is 8192 bytes).");
    static final Expected MALFORMED = detail(400, "Malformed request.");

    static Expected parseError(String reason) {
        return detail(400, "JSON parse error - " + reason);
    }

    static Expected unsupported(String contentType) {
        return detail(415, "Unsupported media type \"" + contentType + "\" in request.");
    }

    static Expected notADictionary(String pythonType) {
        return json(400, StrictJson.write(Map.of("non_field_errors",
                List.of("Invalid data. Expected a dictionary, but got " + pythonType + "."))));
    }

    @Override
    public String toString() {
        return status + " " + (keys != null ? "keys " + keys : StrictJson.write(body));
    }
}
