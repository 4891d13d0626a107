package tutorial.jwt.blacklist;

import java.util.List;

/**
 * Simple JWT's {@code token_blacklist} tables, as its Django migrations create them. {@code IF NOT
 * EXISTS}: on a database where Django created them already, they are used as they are.
 */
final class BlacklistTables {

    static final List<String> CREATE = List.of("""
            CREATE TABLE IF NOT EXISTS "token_blacklist_outstandingtoken" (
                "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,
                "token" text NOT NULL,
                "created_at" datetime NULL,
                "expires_at" datetime NOT NULL,
                "user_id" integer NULL REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY DEFERRED,
                "jti" varchar(255) NOT NULL UNIQUE
            )""", """
            CREATE INDEX IF NOT EXISTS "token_blacklist_outstandingtoken_user_id_83bc629a"
                ON "token_blacklist_outstandingtoken" ("user_id")""", """
            CREATE TABLE IF NOT EXISTS "token_blacklist_blacklistedtoken" (
                "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,
                "blacklisted_at" datetime NOT NULL,
                "token_id" bigint NOT NULL UNIQUE
                    REFERENCES "token_blacklist_outstandingtoken" ("id") DEFERRABLE INITIALLY DEFERRED
            )""");

    private BlacklistTables() {
    }
}
