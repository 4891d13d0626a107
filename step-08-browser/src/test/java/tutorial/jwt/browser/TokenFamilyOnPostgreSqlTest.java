package tutorial.jwt.browser;

import tutorial.jwt.install.OnPostgreSql;

/** {@link TokenFamilyTest} on PostgreSQL. */
@OnPostgreSql
class TokenFamilyOnPostgreSqlTest extends TokenFamilyTest {
}
