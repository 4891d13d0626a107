package tutorial.jwt.install;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import tutorial.jwt.install.db.Database;
import tutorial.jwt.install.db.Migrations;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.settings.ServerSettings;
import tutorial.jwt.install.settings.SettingsLoader;
import tutorial.jwt.install.settings.SigningKey;
import tutorial.jwt.install.throttle.LoginThrottle;
import tutorial.jwt.install.tokens.TokenCodec;
import tutorial.jwt.install.users.Authenticator;
import tutorial.jwt.install.users.PasswordHasher;
import tutorial.jwt.install.users.UserStore;

/** The framework-neutral parts every step shares, built once from the settings. */
public record Services(
        JwtSettings jwt,
        ServerSettings server,
        Clock clock,
        Database database,
        UserStore users,
        PasswordHasher passwords,
        Authenticator authenticator,
        TokenCodec codec) {

    /**
     * Reads the settings ({@code environment} over the step's values over Simple JWT's defaults),
     * opens the database and creates the step's tables.
     */
    public static Services open(StepApp app, Map<String, String> environment, Path workingDir, Clock clock,
                                Consumer<String> log) {
        SettingsLoader loader = new SettingsLoader(environment, app.settings());
        ServerSettings server = loader.server();
        JwtSettings jwt = SigningKey.resolve(loader.jwt(), workingDir, log);
        Database database = new Database(server.databaseUrl());
        Migrations.apply(database, app.migrations());
        UserStore users = new UserStore(database, clock);
        PasswordHasher passwords = new PasswordHasher(server.passwordIterations());
        LoginThrottle throttle = new LoginThrottle(loader.loginThrottle(), clock);
        return new Services(jwt, server, clock, database, users, passwords,
                new Authenticator(users, passwords, throttle), new TokenCodec(jwt, clock));
    }
}
