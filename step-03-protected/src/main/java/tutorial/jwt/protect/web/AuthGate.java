package tutorial.jwt.protect.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tutorial.jwt.foundation.errors.ApiError;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.foundation.web.Open;
import tutorial.jwt.foundation.web.WebModule;
import tutorial.jwt.install.Services;
import tutorial.jwt.protect.auth.Authentication;

/**
 * The one gate every request passes: DRF's {@code DEFAULT_AUTHENTICATION_CLASSES} (here
 * Simple JWT's {@code JWTAuthentication}) and each view's permission, checked before the view runs. It runs for
 * matched routes only ({@code beforeMatched}), so an unknown path is a 404 before any authentication.
 */
public final class AuthGate implements WebModule {

    static final String NOT_AUTHENTICATED = "Authentication credentials were not provided.";
    static final String PERMISSION_DENIED = "You do not have permission to perform this action.";
    private static final String USER = "tutorial.jwt.user";
    private static final Logger LOG = LoggerFactory.getLogger(AuthGate.class);

    private final Authentication authentication;
    private final Credentials credentials;
    private final List<String> corsAllowedOrigins;

    /** Where a request's credentials come from: the header's value, or null for none. */
    @FunctionalInterface
    public interface Credentials {
        String of(Context ctx);
    }

    /** {@code authentication} is the default (DRF's {@code DEFAULT_AUTHENTICATION_CLASSES}). */
    /** The header is Simple JWT's {@code AUTH_HEADER_NAME}; browser origins come from {@code CORS_ALLOWED_ORIGINS}. */
    public AuthGate(Authentication authentication, Services services) {
        this(authentication, services, header(services.jwt().authHeaderName()));
    }

    /** The seam for step 8, whose browser clients send the access token in a cookie instead of the header. */
    public AuthGate(Authentication authentication, Services services, Credentials credentials) {
        this.authentication = authentication;
        this.credentials = credentials;
        this.corsAllowedOrigins = services.site().server().corsAllowedOrigins();
    }

    /** The user the gate authenticated for this request; only call from a view that requires one. */
    public static User user(Context ctx) {
        return ctx.attribute(USER);
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.beforeMatched(this::check);
        // Django answers HEAD with the GET view, after the same checks. Javalin answers it by itself,
        // without the route's roles, so each GET route registered after the gate gets its HEAD twin.
        config.events.handlerAdded(route -> {
            if (route.getHttpMethod() == HandlerType.GET) {
                config.routes.addHttpHandler(HandlerType.HEAD, route.getPath(), route.getHandler(),
                        route.getRoles().toArray(RouteRole[]::new));
            }
        });
        if (!corsAllowedOrigins.isEmpty()) { // CORS stays off unless origins are configured
            config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                corsAllowedOrigins.forEach(origin -> rule.allowHost(origin));
                rule.exposeHeader("WWW-Authenticate");
            }));
        }
    }

    /**
     * The {@code Authorization} header, or null. Sent twice, its values are joined with commas, as the
     * WSGI servers in front of Django join them: {@code Bearer a,Bearer b} is then a malformed header,
     * never the first or the last token (which one a proxy checked, the app cannot know).
     */
    public static Credentials header(String headerName) {
        return ctx -> {
            List<String> values = Collections.list(ctx.req().getHeaders(headerName));
            return values.isEmpty() ? null : String.join(",", values);
        };
    }

    private void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.contains(Open.NO_AUTHENTICATION) || ctx.method() == HandlerType.OPTIONS) {
            return; // token endpoints authenticate nobody; a CORS preflight carries no credentials
        }
        List<Allow> permissions = new ArrayList<>(1);
        Authentication chosen = authentication;
        for (RouteRole role : roles) { // a plain loop: streams here were a measurable share of a request
            if (role instanceof Allow allow) {
                permissions.add(allow);
            } else if (role instanceof AuthenticateWith with) {
                chosen = with.authentication();
            }
        }
        if (permissions.isEmpty()) { // deny by default: a forgotten permission must not make a view public
            LOG.warn("{} {} declares no permission, so it is refused: add Allow.ANY, Allow.AUTHENTICATED or Allow.STAFF",
                    ctx.method(), ctx.path());
            throw ApiError.detail(403, PERMISSION_DENIED);
        }
        User user = chosen.authenticate(credentials.of(ctx)).orElse(null);
        for (Allow allow : permissions) {
            if (!allow.permission().allows(user)) {
                throw user == null ? ApiError.detail(401, NOT_AUTHENTICATED) : ApiError.detail(403, PERMISSION_DENIED);
            }
        }
        if (user != null) {
            ctx.attribute(USER, user);
        }
    }
}
