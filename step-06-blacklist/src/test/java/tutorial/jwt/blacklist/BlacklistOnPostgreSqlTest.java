package tutorial.jwt.blacklist;

import tutorial.jwt.install.OnPostgreSql;

/** {@link BlacklistTest} on PostgreSQL. */
@OnPostgreSql
class BlacklistOnPostgreSqlTest extends BlacklistTest {
}
