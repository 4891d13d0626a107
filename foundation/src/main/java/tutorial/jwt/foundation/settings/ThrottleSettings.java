package tutorial.jwt.foundation.settings;

import tutorial.jwt.foundation.throttle.ThrottleRate;

/**
 * Login throttling ({@code LOGIN_THROTTLE}, {@code LOGIN_THROTTLE_USERNAME_RATE},
 * {@code LOGIN_THROTTLE_ADDRESS_RATE}): how many failed logins a username, and a client address, may
 * have in a period before the next attempt is answered 429.
 */
public record ThrottleSettings(boolean enabled, ThrottleRate perUsername, ThrottleRate perAddress) {

    public static final String DEFAULT_USERNAME_RATE = "5/min";
    public static final String DEFAULT_ADDRESS_RATE = "20/min";
}
