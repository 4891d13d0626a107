package tutorial.jwt.protect.web;

import io.javalin.security.RouteRole;
import tutorial.jwt.protect.auth.Authentication;

/**
 * A route that authenticates differently from the app's default: DRF's per-view
 * {@code authentication_classes}. Step 5's {@code /api/me/} uses it for the stateless user.
 */
public record AuthenticateWith(Authentication authentication) implements RouteRole {
}
