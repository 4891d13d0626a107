package tutorial.jwt.blacklist;

import tutorial.jwt.install.OnPostgreSql;

/** {@link ReplayRaceTest} on PostgreSQL. */
@OnPostgreSql
class ReplayRaceOnPostgreSqlTest extends ReplayRaceTest {
}
