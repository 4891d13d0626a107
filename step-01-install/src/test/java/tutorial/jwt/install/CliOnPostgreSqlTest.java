package tutorial.jwt.install;

/** {@link CliTest} on PostgreSQL. */
@OnPostgreSql
class CliOnPostgreSqlTest extends CliTest {
}
