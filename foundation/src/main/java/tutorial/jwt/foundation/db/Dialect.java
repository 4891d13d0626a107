package tutorial.jwt.foundation.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import tutorial.jwt.foundation.settings.SettingsException;

/**
 * The two databases Django and this code run on, and the one thing their SQL differs in once the
 * tables exist: datetimes. Django stores them as text on SQLite ({@link DjangoTime}) and as
 * {@code timestamp with time zone} on PostgreSQL; each side reads what the other wrote.
 */
public enum Dialect {

    SQLITE {
        @Override
        public Object datetime(Instant instant) {
            return instant == null ? null : DjangoTime.format(instant);
        }

        @Override
        public Instant readDatetime(ResultSet row, String column) throws SQLException {
            return DjangoTime.parse(row.getString(column));
        }
    },

    POSTGRESQL {
        @Override
        public Object datetime(Instant instant) {
            // Microseconds, as Django keeps them; an explicit offset, so the session's time zone cannot shift it.
            return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        }

        @Override
        public Instant readDatetime(ResultSet row, String column) throws SQLException {
            OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
    };

    /** The dialect of a JDBC URL: {@code jdbc:sqlite:...} or {@code jdbc:postgresql://...}. */
    public static Dialect of(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new SettingsException("DATABASE_URL must be jdbc:sqlite:<file> or"
                + " jdbc:postgresql://<host>/<database>?user=<user>&password=<password>, got " + redact(url));
    }

    /** {@code instant} as this database stores a Django {@code DateTimeField}: bind it with {@code setObject}. */
    public abstract Object datetime(Instant instant);

    /** A Django {@code DateTimeField} read back; null for NULL. */
    public abstract Instant readDatetime(ResultSet row, String column) throws SQLException;

    /** The URL with its password masked, for log lines and error messages. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
