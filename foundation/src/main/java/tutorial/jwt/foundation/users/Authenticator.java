package tutorial.jwt.foundation.users;

import java.util.Optional;
import tutorial.jwt.foundation.throttle.LoginThrottle;

/**
 * Django's {@code authenticate(request, username=..., password=...)} with the default model backend: the
 * user when the password matches and the account is active, nothing otherwise. An unknown username
 * costs one password hash too, so response times do not tell which usernames exist. Like a Django
 * site with django-axes, failed attempts are throttled per username and per client address.
 */
public final class Authenticator {

    private final UserStore users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;

    public Authenticator(UserStore users, PasswordHasher hasher, LoginThrottle throttle) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
    }

    /** {@code clientAddress} is the request's: the throttle counts failures per address too (429 when over). */
    public Optional<User> authenticate(String username, String password, String clientAddress) {
        LoginThrottle.Attempt attempt = throttle.attempt(username, clientAddress);
        Optional<User> user = check(username, password);
        if (user.isPresent()) {
            attempt.succeeded(); // only failures count
        }
        return user;
    }

    private Optional<User> check(String username, String password) {
        Optional<User> user = users.findByUsername(username);
        if (user.isEmpty()) {
            hasher.verifyDummy(password);
            return Optional.empty();
        }
        boolean matches = hasher.verify(password, user.get().passwordHash());
        return matches && user.get().isActive() ? user : Optional.empty();
    }
}
