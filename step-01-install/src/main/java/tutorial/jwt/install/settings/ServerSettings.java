package tutorial.jwt.install.settings;

/**
 * What is not a JWT setting: where the server listens, which database it uses, and how hard new
 * passwords are hashed (Django's PBKDF2 iteration count).
 */
public record ServerSettings(String host, int port, String databaseUrl, int passwordIterations) {

    public static final int DEFAULT_PORT = 8000;
    public static final String DEFAULT_DATABASE_URL = "jdbc:sqlite:db.sqlite3";
    /** Django 5's default; OWASP's advice for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_PASSWORD_ITERATIONS = 600_000;

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, databaseUrl, passwordIterations);
    }

    public ServerSettings withHost(String newHost) {
        return new ServerSettings(newHost, port, databaseUrl, passwordIterations);
    }
}
