package tutorial.jwt.install;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a suite's tests on PostgreSQL: every {@link TestServer} and {@link CliRunner} it starts gets a
 * fresh schema of the database in {@code TEST_DATABASE_URL}. Without that variable the suite is
 * skipped with one line saying how to run it. A suite runs on both databases as a subclass:
 * {@code @OnPostgreSql class TokenObtainOnPostgreSqlTest extends TokenObtainTest {}}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgreSqlSuite.class)
public @interface OnPostgreSql {
}
