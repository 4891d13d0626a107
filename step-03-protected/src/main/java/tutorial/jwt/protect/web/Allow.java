package tutorial.jwt.protect.web;

import io.javalin.security.RouteRole;
import tutorial.jwt.protect.auth.Permission;

/**
 * A route's permission, as a Javalin route role: {@code config.routes.get(path, view, Allow.AUTHENTICATED)}
 * is DRF's {@code @permission_classes([IsAuthenticated])}.
 */
public record Allow(Permission permission) implements RouteRole {

    public static final Allow ANY = new Allow(Permission.ALLOW_ANY);
    public static final Allow AUTHENTICATED = new Allow(Permission.IS_AUTHENTICATED);
    public static final Allow STAFF = new Allow(Permission.IS_ADMIN_USER);
}
