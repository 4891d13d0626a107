package tutorial.jwt.foundation.throttle;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A rate as DRF writes one in {@code DEFAULT_THROTTLE_RATES}: {@code 5/min} is five a minute. The
 * period is read from its first letter, as DRF does: {@code 10/s}, {@code 5/min}, {@code 100/hour},
 * {@code 1000/day}.
 */
public record ThrottleRate(int requests, Duration period) {

    static final int MAX_REQUESTS = 100_000;
    private static final Map<Character, Duration> PERIODS = Map.of(
            's', Duration.ofSeconds(1), 'm', Duration.ofMinutes(1), 'h', Duration.ofHours(1), 'd', Duration.ofDays(1));

    public ThrottleRate {
        if (requests < 1 || requests > MAX_REQUESTS) {
            throw new IllegalArgumentException("requests must be between 1 and " + MAX_REQUESTS + ", got " + requests);
        }
    }

    /** {@code "5/min"} as a rate; empty when {@code text} is not one. */
    public static Optional<ThrottleRate> parse(String text) {
        String[] parts = text.trim().split("/", 2);
        if (parts.length != 2 || !parts[0].trim().matches("[0-9]{1,6}") || parts[1].isBlank()) {
            return Optional.empty();
        }
        int requests = Integer.parseInt(parts[0].trim());
        Duration period = PERIODS.get(Character.toLowerCase(parts[1].trim().charAt(0)));
        if (period == null || requests < 1 || requests > MAX_REQUESTS) {
            return Optional.empty();
        }
        return Optional.of(new ThrottleRate(requests, period));
    }
}
