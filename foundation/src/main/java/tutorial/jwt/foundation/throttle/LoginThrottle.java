package tutorial.jwt.foundation.throttle;

import java.time.Clock;
import java.time.Instant;
import tutorial.jwt.foundation.errors.ApiError;
import tutorial.jwt.foundation.settings.ThrottleSettings;

/**
 * Failed logins, limited per username and per client address: what DRF's {@code ScopedRateThrottle}
 * on a login view, or django-axes, does for a Django site. Once either limit is reached, a login
 * attempt is answered 429 before any password is hashed. Only failures count: an attempt takes a
 * token when it starts (so a burst of concurrent guesses is counted too) and gives it back when the
 * password turns out right. The same answer whether the username exists or not: it tells nothing.
 */
public final class LoginThrottle {

    /** Django's {@code username} column is 150 characters; longer names are keyed by their first 150. */
    static final int MAX_USERNAME_KEY = 150;

    private final Clock clock;
    private final TokenBuckets perUsername;
    private final TokenBuckets perAddress;

    public LoginThrottle(ThrottleSettings settings, Clock clock) {
        this.clock = clock;
        this.perUsername = settings.enabled() ? new TokenBuckets(settings.perUsername()) : null;
        this.perAddress = settings.enabled() ? new TokenBuckets(settings.perAddress()) : null;
    }

    /**
     * Counts an attempt to log in as {@code username} from {@code address}.
     *
     * @throws ApiError 429 with {@code Retry-After} when too many attempts failed lately
     */
    public synchronized Attempt attempt(String username, String address) {
        Attempt attempt = new Attempt(usernameKey(username), address == null ? "" : address);
        if (perUsername == null) {
            return attempt;
        }
        Instant now = clock.instant();
        long wait = Math.max(perUsername.secondsToWait(attempt.username, now), perAddress.secondsToWait(attempt.address, now));
        if (wait > 0) {
            throw ApiError.throttled(wait);
        }
        perUsername.take(attempt.username, now);
        perAddress.take(attempt.address, now);
        return attempt;
    }

    /** How many usernames and addresses are being tracked: bounded, whatever a client sends. */
    public synchronized int tracked() {
        return perUsername == null ? 0 : perUsername.size() + perAddress.size();
    }

    private synchronized void succeeded(Attempt attempt) {
        if (perUsername != null) {
            Instant now = clock.instant();
            perUsername.giveBack(attempt.username, now);
            perAddress.giveBack(attempt.address, now);
        }
    }

    private static String usernameKey(String username) {
        return username.length() <= MAX_USERNAME_KEY ? username : username.substring(0, MAX_USERNAME_KEY);
    }

    /** One login attempt, counted as failed unless {@link #succeeded()} is called. */
    public final class Attempt {
        private final String username;
        private final String address;

        private Attempt(String username, String address) {
            this.username = username;
            this.address = address;
        }

        /** The password was right: this attempt does not count against the limits. */
        public void succeeded() {
            LoginThrottle.this.succeeded(this);
        }
    }
}
