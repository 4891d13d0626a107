package tutorial.jwt.foundation.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tutorial.jwt.foundation.throttle.ThrottleRate;

/**
 * Reads the settings, as Django reads {@code settings.py}: the server's own ({@code PORT},
 * {@code DATABASE_URL}, ...) from the environment, and groups of an installed app's settings (a
 * settings dictionary, such as DRF's {@code REST_FRAMEWORK}) through {@link #group}.
 */
public final class Settings {

    private final Map<String, String> environment;
    private final Map<String, String> stageValues;

    /** {@code stageValues} are a step's own values, e.g. {@code Map.of("PAGE_SIZE", "50")}. */
    public Settings(Map<String, String> environment, Map<String, String> stageValues) {
        this.environment = environment;
        this.stageValues = stageValues;
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

    /** The settings whose environment variables start with {@code prefix}, e.g. {@code APP_}. */
    public Group group(String prefix) {
        return new Group(prefix);
    }

    /**
     * One app's settings: each value comes from the environment ({@code <prefix>NAME}), then the
     * step's own values ({@code NAME}), then the default the caller passes.
     */
    public final class Group {

        private final String prefix;

        private Group(String prefix) {
            this.prefix = prefix;
        }

        /** The environment variable that sets {@code name}: for error messages. */
        public String variable(String name) {
            return prefix + name;
        }

        public String text(String name, String fallback) {
            String value = environment.get(prefix + name);
            if (value == null) {
                value = stageValues.get(name);
            }
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        /** A value out of {@code allowed}, e.g. an algorithm name. */
        public String oneOf(String name, String fallback, List<String> allowed) {
            String value = text(name, fallback);
            if (!allowed.contains(value)) {
                throw new SettingsException(variable(name) + "=" + value + " is not supported: use "
                        + String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or "
                        + allowed.get(allowed.size() - 1) + ".");
            }
            return value;
        }

        public boolean flag(String name, boolean fallback) {
            String value = text(name, String.valueOf(fallback)).toLowerCase(Locale.ROOT);
            return switch (value) {
                case "true", "1", "yes", "on" -> true;
                case "false", "0", "no", "off" -> false;
                default -> throw new SettingsException(variable(name) + "=" + value
                        + " is not a boolean: use true or false.");
            };
        }

        /** An ISO-8601 duration, not negative. */
        public Duration duration(String name, String fallback) {
            String value = text(name, fallback);
            Duration duration;
            try {
                duration = Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new SettingsException(variable(name) + "=" + value + " is not an ISO-8601 duration:"
                        + " write PT5M for 5 minutes, PT10S for 10 seconds, P1D for a day.");
            }
            if (duration.isNegative()) {
                throw new SettingsException(variable(name) + "=" + value + " must not be negative.");
            }
            return duration;
        }

        /** Comma-separated values, at least one. */
        public List<String> list(String name, String fallback) {
            List<String> values = Arrays.stream(text(name, fallback).split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (values.isEmpty()) {
                throw new SettingsException(variable(name) + " must list at least one value.");
            }
            return values;
        }
    }

    // --- server settings: plain environment variables ------------------------------------------------

    private String plain(String name, String fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** Origins such as {@code http://localhost:3000}, comma-separated, in the variable {@code name}; none when unset. */
    public List<String> origins(String name) {
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
