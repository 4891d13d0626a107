package tutorial.jwt.protect.auth;

import java.util.Optional;
import tutorial.jwt.foundation.users.User;

/**
 * A DRF authentication class: turns a request's {@code Authorization} header into a user. Empty when
 * the header carries no credentials for it; an {@code ApiError} (401) when they are bad.
 */
public interface Authentication {

    Optional<User> authenticate(String header);
}
