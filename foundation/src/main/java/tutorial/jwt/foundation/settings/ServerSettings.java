package tutorial.jwt.foundation.settings;

import java.util.List;

/**
 * The server's own settings: where the server listens, which database it uses, how hard new
 * passwords are hashed (Django's PBKDF2 iteration count), and which browser origins may call the
 * API (CORS, as django-cors-headers' {@code CORS_ALLOWED_ORIGINS}; none by default).
 */
public record ServerSettings(String host, int port, String databaseUrl, int passwordIterations,
                             List<String> corsAllowedOrigins) {

    public static final int DEFAULT_PORT = 8000;
    public static final String DEFAULT_DATABASE_URL = "jdbc:sqlite:db.sqlite3";
    /** OWASP's minimum for PBKDF2-HMAC-SHA256, and Django 4.2's default (newer Django releases use more). */
    public static final int DEFAULT_PASSWORD_ITERATIONS = 600_000;
}
