package tutorial.jwt.install.web;

import io.javalin.security.RouteRole;

/**
 * The role of a route that authenticates nobody: the token endpoints (Simple JWT's token views set
 * {@code authentication_classes = ()}) and the API root. From step 3 on, every other route must
 * declare a permission, or it is refused.
 */
public enum Open implements RouteRole {
    NO_AUTHENTICATION
}
