package tutorial.jwt.install.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tutorial.jwt.install.throttle.ThrottleRate;

/**
 * Reads the settings. Each value comes from, in order: the environment ({@code JWT_ACCESS_TOKEN_LIFETIME}),
 * then the step's own values ({@code Map.of("REFRESH_TOKEN_LIFETIME", "P15D")}, the way a Django
 * project sets {@code SIMPLE_JWT}), then Simple JWT's default.
 */
public final class SettingsLoader {

    private static final Set<String> ALGORITHMS = Set.of("HS256", "HS384", "HS512");
    private static final Set<String> USER_ID_FIELDS = Set.of("id", "username");
    private static final Set<String> TOKEN_CLASSES = Set.of("AccessToken", "SlidingToken");

    private final Map<String, String> environment;
    private final Map<String, String> stageValues;

    public SettingsLoader(Map<String, String> environment, Map<String, String> stageValues) {
        this.environment = environment;
        this.stageValues = stageValues;
    }

    public JwtSettings jwt() {
        String algorithm = text("ALGORITHM", "HS256");
        if (!ALGORITHMS.contains(algorithm)) {
            throw new SettingsException("JWT_ALGORITHM=" + algorithm
                    + " is not supported: use HS256, HS384 or HS512.");
        }
        String userIdField = text("USER_ID_FIELD", "id");
        if (!USER_ID_FIELDS.contains(userIdField)) {
            throw new SettingsException("JWT_USER_ID_FIELD=" + userIdField
                    + " is not supported: use id or username.");
        }
        return new JwtSettings(
                lifetime("ACCESS_TOKEN_LIFETIME", "PT5M"),
                lifetime("REFRESH_TOKEN_LIFETIME", "P1D"),
                flag("ROTATE_REFRESH_TOKENS", false),
                flag("BLACKLIST_AFTER_ROTATION", false),
                flag("UPDATE_LAST_LOGIN", false),
                algorithm,
                text("SIGNING_KEY", null),
                text("AUDIENCE", null),
                text("ISSUER", null),
                duration("LEEWAY", "PT0S"),
                list("AUTH_HEADER_TYPES", "Bearer"),
                text("AUTH_HEADER_NAME", "Authorization"),
                userIdField,
                text("USER_ID_CLAIM", "user_id"),
                text("TOKEN_TYPE_CLAIM", "token_type"),
                text("JTI_CLAIM", "jti"),
                flag("CHECK_USER_IS_ACTIVE", true),
                lifetime("SLIDING_TOKEN_LIFETIME", "PT5M"),
                lifetime("SLIDING_TOKEN_REFRESH_LIFETIME", "P1D"),
                text("SLIDING_TOKEN_REFRESH_EXP_CLAIM", "refresh_exp"),
                tokenClasses("AUTH_TOKEN_CLASSES", "AccessToken"));
    }

    public ServerSettings server() {
        return new ServerSettings(
                plain("HOST", "127.0.0.1"),
                number("PORT", ServerSettings.DEFAULT_PORT, 0, 65_535),
                plain("DATABASE_URL", ServerSettings.DEFAULT_DATABASE_URL),
                number("PASSWORD_ITERATIONS", ServerSettings.DEFAULT_PASSWORD_ITERATIONS, 1, 100_000_000),
                origins("CORS_ALLOWED_ORIGINS"));
    }

    /** Login throttling: on unless {@code LOGIN_THROTTLE=off}, with DRF-style rates. */
    public ThrottleSettings loginThrottle() {
        String enabled = plain("LOGIN_THROTTLE", "on").toLowerCase(Locale.ROOT);
        if (!Set.of("on", "off", "true", "false").contains(enabled)) {
            throw new SettingsException("LOGIN_THROTTLE=" + enabled + " is not on or off.");
        }
        return new ThrottleSettings(enabled.equals("on") || enabled.equals("true"),
                rate("LOGIN_THROTTLE_USERNAME_RATE", ThrottleSettings.DEFAULT_USERNAME_RATE),
                rate("LOGIN_THROTTLE_ADDRESS_RATE", ThrottleSettings.DEFAULT_ADDRESS_RATE));
    }

    // --- JWT_<NAME>: environment first, then the step's value, then the default --------------------

    private String text(String name, String fallback) {
        String value = environment.get("JWT_" + name);
        if (value == null) {
            value = stageValues.get(name);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private boolean flag(String name, boolean fallback) {
        String value = text(name, String.valueOf(fallback)).toLowerCase();
        return switch (value) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new SettingsException("JWT_" + name + "=" + value + " is not a boolean: use true or false.");
        };
    }

    private Duration duration(String name, String fallback) {
        String value = text(name, fallback);
        try {
            Duration duration = Duration.parse(value);
            if (duration.isNegative()) {
                throw new SettingsException("JWT_" + name + "=" + value + " must not be negative.");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new SettingsException("JWT_" + name + "=" + value
                    + " is not an ISO-8601 duration: write PT5M for 5 minutes, PT10S for 10 seconds, P1D for a day.");
        }
    }

    /** A token lifetime: a duration of at least one second (JWT times are whole seconds). */
    private Duration lifetime(String name, String fallback) {
        Duration duration = duration(name, fallback);
        if (duration.getSeconds() < 1) {
            throw new SettingsException("JWT_" + name + "=" + text(name, fallback) + " must be at least one second (PT1S).");
        }
        return duration;
    }

    private List<String> list(String name, String fallback) {
        List<String> values = Arrays.stream(text(name, fallback).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (values.isEmpty()) {
            throw new SettingsException("JWT_" + name + " must list at least one value.");
        }
        return values;
    }

    /**
     * Token class names, as Simple JWT's {@code AUTH_TOKEN_CLASSES} lists them: {@code AccessToken},
     * {@code SlidingToken}, or their full Python paths ({@code rest_framework_simplejwt.tokens.AccessToken}).
     */
    private List<String> tokenClasses(String name, String fallback) {
        List<String> classes = list(name, fallback).stream()
                .map(value -> value.substring(value.lastIndexOf('.') + 1)).distinct().toList();
        for (String tokenClass : classes) {
            if (!TOKEN_CLASSES.contains(tokenClass)) {
                throw new SettingsException("JWT_" + name + " names " + tokenClass
                        + ": use AccessToken, SlidingToken, or both (comma-separated).");
            }
        }
        return classes;
    }

    // --- server settings: plain environment variables ------------------------------------------------

    private String plain(String name, String fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** Origins such as {@code http://localhost:3000}, comma-separated; none when unset. */
    private List<String> origins(String name) {
        List<String> origins = Arrays.stream(plain(name, "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String origin : origins) {
            if (!origin.matches("https?://[^/\\s]+")) {
                throw new SettingsException(name + " lists " + origin
                        + ": write origins as scheme://host[:port], e.g. http://localhost:3000");
            }
        }
        return origins;
    }

    private ThrottleRate rate(String name, String fallback) {
        String value = plain(name, fallback);
        return ThrottleRate.parse(value).orElseThrow(() -> new SettingsException(name + "=" + value
                + " is not a rate: write requests/period, e.g. 5/min, 100/hour, 1000/day (1 to 100000 requests)."));
    }

    private int number(String name, int fallback, int min, int max) {
        String value = plain(name, String.valueOf(fallback));
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new SettingsException(name + "=" + value + " must be between " + min + " and " + max + ".");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new SettingsException(name + "=" + value + " is not a whole number.");
        }
    }
}
