package tutorial.jwt.install.users;

import java.util.Optional;

/**
 * Django's {@code authenticate(username=..., password=...)} with the default model backend: the user
 * when the password matches and the account is active, nothing otherwise. An unknown username costs
 * one password hash too, so response times do not tell which usernames exist.
 */
public final class Authenticator {

    private final UserStore users;
    private final PasswordHasher hasher;

    public Authenticator(UserStore users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    public Optional<User> authenticate(String username, String password) {
        Optional<User> user = users.findByUsername(username);
        if (user.isEmpty()) {
            hasher.verifyDummy(password);
            return Optional.empty();
        }
        boolean matches = hasher.verify(password, user.get().passwordHash());
        return matches && user.get().isActive() ? user : Optional.empty();
    }
}
