package tutorial.jwt.install.users;

import java.time.Instant;

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

    /** Never the password hash: a record's default toString would put it in any log line. */
    @Override
    public String toString() {
        return "User[id=" + id + ", username=" + username + ", active=" + isActive + ", staff=" + isStaff + "]";
    }
}
