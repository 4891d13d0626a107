package tutorial.jwt.spark;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Filter;
import spark.Request;
import spark.Response;
import spark.Route;
import spark.Service;
import spark.route.HttpMethod;
import spark.routematch.RouteMatch;
import tutorial.jwt.foundation.errors.ApiError;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.protect.auth.Authentication;
import tutorial.jwt.protect.auth.Permission;

/**
 * Step 3's gate as a Spark {@code before} filter: it authenticates every request for one of our views
 * and checks the permission the view declared where it was routed ({@link #get}). Spark runs before
 * filters for every request, matched or not, so the gate looks the path up in its own table: a path
 * that is not a view passes untouched, and Spark answers 404 without any authentication.
 */
public final class AuthFilter implements Filter {

    static final String NOT_AUTHENTICATED = "Authentication credentials were not provided.";
    static final String PERMISSION_DENIED = "You do not have permission to perform this action.";
    private static final String USER = "tutorial.jwt.user";
    private static final Set<HttpMethod> FILTERS = Set.of(HttpMethod.before, HttpMethod.after, HttpMethod.afterafter);
    private static final Logger LOG = LoggerFactory.getLogger(AuthFilter.class);

    private final Service http;
    private final Authentication authentication;
    private final String headerName;
    /** Every view's path, with and without its trailing slash, and who may GET it. */
    private final Map<String, Permission> permissions = new HashMap<>();

    public AuthFilter(Service http, Authentication authentication, String headerName) {
        this.http = http;
        this.authentication = authentication;
        this.headerName = headerName;
    }

    /** The user the gate authenticated for this request; only call from a view that requires one. */
    public static User user(Request request) {
        return request.attribute(USER);
    }

    /** The Spark service, for routes the gate does not make (a route added here without a permission is refused). */
    public Service http() {
        return http;
    }

    /** {@code GET path} runs {@code view} for whom {@code permission} allows: DRF's {@code @permission_classes}. */
    public void get(String path, Permission permission, Route view) {
        String withoutSlash = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (String spelling : List.of(path, withoutSlash)) { // Spark matches the trailing slash exactly
            permissions.put(spelling, permission);
            http.get(spelling, view);
        }
    }

    @Override
    public void handle(Request request, Response response) {
        Permission permission = permissions.get(request.uri()); // the raw path, as Spark's router matches it
        if (permission == null) {
            return; // not a view: an unknown path (Spark answers 404), or a route without a permission (see below)
        }
        String method = request.requestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) { // HEAD is GET without the body
            throw ApiError.methodNotAllowed(method);
        }
        User user = authentication.authenticate(credentials(request)).orElse(null);
        if (!permission.allows(user)) {
            throw user == null ? ApiError.detail(401, NOT_AUTHENTICATED) : ApiError.detail(403, PERMISSION_DENIED);
        }
        if (user != null) {
            request.attribute(USER, user);
        }
    }

    /**
     * The header, or null. Sent twice, its values are joined with commas, as step 3's gate joins them:
     * {@code Bearer a,Bearer b} is then malformed, never the first or the last token.
     */
    private String credentials(Request request) {
        List<String> values = Collections.list(request.raw().getHeaders(headerName));
        return values.isEmpty() ? null : String.join(",", values);
    }

    /**
     * Deny by default: a route added straight on the service, without {@link #get}, gets a filter that
     * refuses it, so a forgotten permission breaks loudly instead of making a view public. Spark lists
     * its routes, and a path filter uses Spark's own matching. Call once, after the last route.
     */
    public void refuseRoutesWithoutPermission() {
        for (RouteMatch route : http.routes()) {
            String path = route.getMatchUri();
            HttpMethod method = route.getHttpMethod();
            if (FILTERS.contains(method) || permissions.containsKey(path)) {
                continue;
            }
            http.before(path, (request, response) -> {
                if (request.requestMethod().equalsIgnoreCase(method.name())) {
                    LOG.warn("{} {} declares no permission, so it is refused: route it with AuthFilter.get",
                            request.requestMethod(), request.uri());
                    throw ApiError.detail(403, PERMISSION_DENIED);
                }
            });
        }
    }
}
