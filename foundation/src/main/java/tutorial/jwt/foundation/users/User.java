package tutorial.jwt.foundation.users;

import java.time.Instant;
import java.util.Optional;

/** A row of Django's {@code auth_user}. */
public record User(
        long id,
        String username,
        String email,
        String firstName,
        String lastName,
        String passwordHash,
        boolean isActive,
        boolean isStaff,
        boolean isSuperuser,
        Instant lastLogin,
        Instant dateJoined) {

    /**
     * A user id as a JSON value holds it: a number, or a numeric string (clients in the wild write one
     * or the other, and both are accepted). Empty for anything else.
     */
    public static Optional<Long> idFromJson(Object claim) {
        if (claim instanceof Long id) {
            return Optional.of(id);
        }
        if (claim instanceof String text && text.matches("[0-9]{1,18}")) {
            return Optional.of(Long.parseLong(text));
        }
        return Optional.empty();
    }

    /** Never the password hash: a record's default toString would put it in any log line. */
    @Override
    public String toString() {
        return "User[id=" + id + ", username=" + username + ", active=" + isActive + ", staff=" + isStaff + "]";
    }
}
