package tutorial.jwt.install.tokens;

import java.time.Instant;
import java.util.Optional;

/**
 * A time claim ({@code exp}, {@code iat}, {@code nbf}, a sliding token's {@code refresh_exp}): RFC 7519's
 * NumericDate, read as Simple JWT can use it. Whole seconds from year 1 to year 9999, Python's
 * {@code datetime} range and Django's; anything else is not a time. Without the bounds, a signed
 * {@code "exp": 9223372036854775807} would overflow {@link Instant} and fail the request with a 500.
 */
public final class NumericDate {

    /** 0001-01-01T00:00:00Z. */
    static final long MIN_SECONDS = -62_135_596_800L;
    /** 9999-12-31T23:59:59Z. */
    static final long MAX_SECONDS = 253_402_300_799L;

    private NumericDate() {
    }

    /** The instant {@code claim} names, or empty when it is not a whole number of seconds in range. */
    public static Optional<Instant> of(Object claim) {
        if (claim instanceof Long seconds && seconds >= MIN_SECONDS && seconds <= MAX_SECONDS) {
            return Optional.of(Instant.ofEpochSecond(seconds));
        }
        return Optional.empty(); // a string, a float, null, or out of range
    }
}
