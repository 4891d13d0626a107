package tutorial.jwt.spark;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import tutorial.jwt.foundation.cli.Cli;
import tutorial.jwt.foundation.db.Migrations;
import tutorial.jwt.foundation.db.Schema;
import tutorial.jwt.foundation.settings.Settings;
import tutorial.jwt.foundation.settings.SettingsException;
import tutorial.jwt.install.Services;
import tutorial.jwt.protect.auth.Authentication;
import tutorial.jwt.protect.auth.JwtAuthentication;
import tutorial.jwt.protect.auth.TokenClass;

/**
 * Step 3's views on Spark Java, to run beside a Javalin step: {@code ./run step-03-protected-spark}.
 * It issues no tokens. It trusts the access tokens of any step's server that signs with the same key,
 * and reads their users from the same database, unless {@code STATELESS=true}.
 */
@Command(name = "./run step-03-protected-spark", mixinStandardHelpOptions = true,
        version = "Simple JWT tutorial on Javalin, 1.0 (Spark variant)",
        description = "Step 3's protected views on Spark Java. Without a command: runserver.",
        subcommands = RunServerCommand.class,
        footer = {"", "Settings come from the environment: PORT, HOST, DATABASE_URL, JWT_<SETTING>, and"
                + " STATELESS=true to trust the token without reading the user table (see docs/03b-spark.md);"
                + " JWT_JWK_URL=http://127.0.0.1:8000/api/token/jwks/ to verify step 7's tokens with its public keys"
                + " (see docs/07-keys.md)."})
public final class Main implements Runnable {

    static final String TITLE = "Step 3 on Spark Java";
    /** Beside a Javalin step on 8000. */
    static final int DEFAULT_PORT = 8001;

    public static void main(String[] args) {
        // Spark logs "has ignited" and every unknown path at INFO: keep the log to one line per request.
        if (System.getProperty("org.slf4j.simpleLogger.log.spark") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.spark", "warn");
        }
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((e, parsed, result) -> {
            commandLine.getErr().println("Error: " + e.getMessage()); // a person reads this: no stack trace
            return 1;
        });
        System.exit(commandLine.execute(Cli.withDefaultCommand(args))); // no command: runserver, as in the other steps
    }

    @Override
    public void run() {
        // never reached: no command means runserver
    }

    /**
     * Settings, database and signing key, opened as every step opens them (no user table when stateless),
     * or with {@code JWT_JWK_URL} the issuer's public keys instead of a key.
     */
    public static Services openServices(Map<String, String> environment, Path workingDir, Clock clock,
                                        Consumer<String> log) {
        Schema tables = stateless(environment) ? Schema.NONE : Migrations.AUTH_USER;
        Settings settings = new Settings(environment, Map.of());
        if (JwksVerification.configured(settings)) { // public keys from the issuer; RS256 unless JWT_ALGORITHM says
            return JwksVerification.open(new Settings(environment, Map.of("ALGORITHM", "RS256")), tables, clock, log);
        }
        return Services.open(settings, tables, workingDir, clock, log);
    }

    /** Step 3's {@link JwtAuthentication} as it is, or on top of it the stateless one that reads no table. */
    public static Authentication authentication(Services services, boolean stateless) {
        JwtAuthentication jwt = new JwtAuthentication(services,
                TokenClass.configured(services.jwt(), TokenClass.ACCESS));
        return stateless ? new TokenUserAuthentication(jwt) : jwt;
    }

    /** {@code STATELESS=true}: take the user from the token's claims; false (the default) reads {@code auth_user}. */
    public static boolean stateless(Map<String, String> environment) {
        String value = environment.getOrDefault("STATELESS", "false").trim().toLowerCase();
        return switch (value) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off", "" -> false;
            default -> throw new SettingsException("STATELESS=" + value + " is not a boolean: use true or false.");
        };
    }
}
