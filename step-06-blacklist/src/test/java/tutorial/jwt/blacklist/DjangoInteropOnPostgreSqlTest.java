package tutorial.jwt.blacklist;

import tutorial.jwt.install.OnPostgreSql;

/** {@link DjangoInteropTest} on PostgreSQL. */
@OnPostgreSql
class DjangoInteropOnPostgreSqlTest extends DjangoInteropTest {
}
