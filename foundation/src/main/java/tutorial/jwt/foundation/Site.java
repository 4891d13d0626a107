package tutorial.jwt.foundation;

import java.time.Clock;
import tutorial.jwt.foundation.db.Database;
import tutorial.jwt.foundation.db.Migrations;
import tutorial.jwt.foundation.db.Schema;
import tutorial.jwt.foundation.settings.ServerSettings;
import tutorial.jwt.foundation.settings.Settings;
import tutorial.jwt.foundation.throttle.LoginThrottle;
import tutorial.jwt.foundation.users.Authenticator;
import tutorial.jwt.foundation.users.PasswordHasher;
import tutorial.jwt.foundation.users.UserStore;

/**
 * What a Django project has once its settings are read: the server's settings, the database with its
 * tables, the users and their password hashes. Closing the site closes the database.
 */
public record Site(
        ServerSettings server,
        Clock clock,
        Database database,
        UserStore users,
        PasswordHasher passwords,
        Authenticator authenticator) implements AutoCloseable {

    /** Opens the database of {@code settings} and creates {@code migrations}' tables, as {@code migrate} does. */
    public static Site open(Settings settings, Schema migrations, Clock clock) {
        ServerSettings server = settings.server();
        Database database = new Database(server.databaseUrl());
        try {
            Migrations.apply(database, migrations);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        UserStore users = new UserStore(database, clock);
        PasswordHasher passwords = new PasswordHasher(server.passwordIterations());
        LoginThrottle throttle = new LoginThrottle(settings.loginThrottle(), clock);
        return new Site(server, clock, database, users, passwords, new Authenticator(users, passwords, throttle));
    }

    @Override
    public void close() {
        database.close();
    }
}
