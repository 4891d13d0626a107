package tutorial.jwt.protect.auth;

import tutorial.jwt.foundation.users.User;

/** DRF's permission classes: who may call a view. {@code user} is null for an anonymous request. */
public enum Permission {
    /** {@code AllowAny}: everyone, logged in or not. */
    ALLOW_ANY,
    /** {@code IsAuthenticated}: any authenticated user. */
    IS_AUTHENTICATED,
    /** {@code IsAdminUser}: authenticated staff ({@code is_staff}). */
    IS_ADMIN_USER;

    public boolean allows(User user) {
        return switch (this) {
            case ALLOW_ANY -> true;
            case IS_AUTHENTICATED -> user != null;
            case IS_ADMIN_USER -> user != null && user.isStaff();
        };
    }
}
