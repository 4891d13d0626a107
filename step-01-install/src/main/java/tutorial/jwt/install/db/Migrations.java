package tutorial.jwt.install.db;

import java.sql.Statement;
import java.util.List;

/**
 * Creates the tables a step needs, with Django's names, columns and constraints. Each statement is
 * {@code IF NOT EXISTS}, so running against a database that Django already migrated uses its tables
 * as they are.
 */
public final class Migrations {

    /** Django's {@code auth_user}, as {@code django.contrib.auth}'s migrations create it. */
    public static final List<String> AUTH_USER = List.of("""
            CREATE TABLE IF NOT EXISTS "auth_user" (
                "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,
                "password" varchar(128) NOT NULL,
                "last_login" datetime NULL,
                "is_superuser" bool NOT NULL,
                "username" varchar(150) NOT NULL UNIQUE,
                "last_name" varchar(150) NOT NULL,
                "email" varchar(254) NOT NULL,
                "is_staff" bool NOT NULL,
                "is_active" bool NOT NULL,
                "date_joined" datetime NOT NULL,
                "first_name" varchar(150) NOT NULL
            )""");

    private Migrations() {
    }

    public static void apply(Database database, List<String> statements) {
        database.inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            return null;
        });
    }

}
