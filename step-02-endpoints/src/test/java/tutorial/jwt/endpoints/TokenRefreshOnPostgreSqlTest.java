package tutorial.jwt.endpoints;

import tutorial.jwt.install.OnPostgreSql;

/** {@link TokenRefreshTest} on PostgreSQL. */
@OnPostgreSql
class TokenRefreshOnPostgreSqlTest extends TokenRefreshTest {
}
