package tutorial.jwt.protect;

import tutorial.jwt.install.OnPostgreSql;

/** {@link ProtectedViewsTest} on PostgreSQL. */
@OnPostgreSql
class ProtectedViewsOnPostgreSqlTest extends ProtectedViewsTest {
}
