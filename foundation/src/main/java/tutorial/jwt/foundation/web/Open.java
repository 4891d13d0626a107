package tutorial.jwt.foundation.web;

import io.javalin.security.RouteRole;

/**
 * The role of a route that authenticates nobody, as a DRF view with {@code authentication_classes = ()}:
 * a login view, the API root. Once a project checks permissions, every other route must declare one,
 * or it is refused.
 */
public enum Open implements RouteRole {
    NO_AUTHENTICATION
}
