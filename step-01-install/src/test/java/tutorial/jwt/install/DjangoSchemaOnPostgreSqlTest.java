package tutorial.jwt.install;

/** {@link DjangoSchemaTest} on PostgreSQL. */
@OnPostgreSql
class DjangoSchemaOnPostgreSqlTest extends DjangoSchemaTest {
}
