package tutorial.jwt.foundation.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per key (a username, a client address): it holds up to {@code rate.requests()}
 * tokens and regains one every {@code rate.period() / rate.requests()}; an attempt takes one. Each
 * bucket is kept as the instant it will be full again, so the arithmetic is exact. Memory is bounded:
 * at most {@link #MAX_KEYS} buckets, the least recently used dropped first, so an attacker who sends
 * a new username with every request cannot grow the map; a full bucket is no bucket at all.
 * Not thread-safe: {@link LoginThrottle} holds the lock.
 */
final class TokenBuckets {

    static final int MAX_KEYS = 10_000;

    private final Duration period;
    private final Duration perToken;
    private final Map<String, Instant> fullAgainAt = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_KEYS;
        }
    };

    TokenBuckets(ThrottleRate rate) {
        this.period = rate.period();
        this.perToken = rate.period().dividedBy(rate.requests());
    }

    /** Whole seconds until {@code key} has a token again; 0 when it has one now. */
    long secondsToWait(String key, Instant now) {
        Duration wait = Duration.between(now.plus(period), fullAfterTaking(key, now));
        if (wait.isNegative() || wait.isZero()) {
            return 0;
        }
        return wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    }

    void take(String key, Instant now) {
        fullAgainAt.put(key, fullAfterTaking(key, now));
    }

    /** Returns the token an attempt took: used when the attempt turned out to be a good login. */
    void giveBack(String key, Instant now) {
        Instant full = fullAgainAt.get(key);
        if (full == null) {
            return;
        }
        Instant earlier = full.minus(perToken);
        if (earlier.isAfter(now)) {
            fullAgainAt.put(key, earlier);
        } else {
            fullAgainAt.remove(key);
        }
    }

    int size() {
        return fullAgainAt.size();
    }

    /** When the bucket would be full again if one more token were taken now. */
    private Instant fullAfterTaking(String key, Instant now) {
        Instant full = fullAgainAt.get(key);
        return (full == null || full.isBefore(now) ? now : full).plus(perToken);
    }
}
