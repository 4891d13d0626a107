package tutorial.jwt.foundation.settings;

/** A setting with a value we cannot use. The message names the variable and says what it wants. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
