package tutorial.jwt.install;

import java.nio.file.Path;
import java.time.Clock;

import java.util.Map;
import java.util.function.Consumer;
import tutorial.jwt.install.db.Database;
import tutorial.jwt.install.db.Migrations;
import tutorial.jwt.install.db.Schema;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.settings.ServerSettings;
import tutorial.jwt.install.settings.SettingsLoader;
import tutorial.jwt.install.settings.SigningKey;
import tutorial.jwt.install.throttle.LoginThrottle;
import tutorial.jwt.install.tokens.TokenCodec;
import tutorial.jwt.install.users.Authenticator;
import tutorial.jwt.install.users.PasswordHasher;
import tutorial.jwt.install.users.UserStore;

/** The framework-neutral parts every step shares, built once from the settings; closing them closes the database. */
public record Services(
        JwtSettings jwt,
        ServerSettings server,
        Clock clock,
        Database database,
        UserStore users,
        PasswordHasher passwords,
        Authenticator authenticator,
        TokenCodec codec) implements AutoCloseable {

    /**
     * Reads the settings ({@code environment} over the step's values over Simple JWT's defaults),
     * opens the database and creates the step's tables.
     */
    public static Services open(StepApp app, Map<String, String> environment, Path workingDir, Clock clock,
                                Consumer<String> log) {
        return open(app.settings(), app.migrations(), environment, workingDir, clock, log);
    }

    /**
     * The same without a {@link StepApp}, whose web modules are Javalin's: for a server on another
     * framework (the Spark variant), which names its stage's settings and tables itself.
     */
    public static Services open(Map<String, String> stageSettings, Schema migrations,
                                Map<String, String> environment, Path workingDir, Clock clock, Consumer<String> log) {
        SettingsLoader loader = new SettingsLoader(environment, stageSettings);
        ServerSettings server = loader.server();
        JwtSettings jwt = SigningKey.resolve(loader.jwt(), workingDir, log);
        Database database = new Database(server.databaseUrl());
        try {
            Migrations.apply(database, migrations);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        UserStore users = new UserStore(database, clock);
        PasswordHasher passwords = new PasswordHasher(server.passwordIterations());
        LoginThrottle throttle = new LoginThrottle(loader.loginThrottle(), clock);
        return new Services(jwt, server, clock, database, users, passwords,
                new Authenticator(users, passwords, throttle), new TokenCodec(jwt, clock));
    }

    @Override
    public void close() {
        database.close();
    }
}
