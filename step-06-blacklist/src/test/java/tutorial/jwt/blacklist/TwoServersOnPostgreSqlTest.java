package tutorial.jwt.blacklist;

import tutorial.jwt.install.OnPostgreSql;

/** {@link TwoServersTest} on PostgreSQL: the deployment docs/deploying.md describes. */
@OnPostgreSql
class TwoServersOnPostgreSqlTest extends TwoServersTest {
}
