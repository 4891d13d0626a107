package tutorial.jwt.install;

/** {@link TokenObtainTest} on PostgreSQL. */
@OnPostgreSql
class TokenObtainOnPostgreSqlTest extends TokenObtainTest {
}
