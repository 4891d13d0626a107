package tutorial.jwt.keys;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tutorial.jwt.foundation.Launch;
import tutorial.jwt.foundation.Site;
import tutorial.jwt.foundation.cli.Cli;
import tutorial.jwt.foundation.db.Schema;
import tutorial.jwt.foundation.settings.Settings;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.foundation.web.WebModule;
import tutorial.jwt.install.Services;
import tutorial.jwt.install.StepApp;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.settings.SigningKey;
import tutorial.jwt.install.tokens.TokenCodec;

/**
 * Step 7: keys. Step 6's app, signing with a key pair ({@code RS256} by default, or {@code ES256}):
 * every token names its key in a {@code kid} header, {@code GET /api/token/jwks/} publishes the
 * public keys, and {@code rotatekey} / {@code retirekey} change keys without logging anyone out.
 */
public final class Main implements StepApp {

    private final tutorial.jwt.blacklist.Main step6 = new tutorial.jwt.blacklist.Main();
    /** Read once in {@link #open}: the codec signs with it and the JWKS view publishes it. */
    private KeyRing keys;

    public static void main(String[] args) {
        System.exit(Cli.run(new Main(), args));
    }

    @Override
    public String title() {
        return "Step 7 (keys)";
    }

    @Override
    public String launcherName() {
        return "7";
    }

    /** Step 6's settings, and now a key pair signs. */
    @Override
    public Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(step6.settings());
        settings.put("ALGORITHM", "RS256");
        return settings;
    }

    @Override
    public Schema migrations() {
        return step6.migrations();
    }

    /** Step 1's services, with a codec that signs with the key ring instead of one secret. */
    @Override
    public Services open(Settings settings, Path workingDir, Clock clock, Consumer<String> log) {
        return open(settings, workingDir, clock, log, migrations());
    }

    /** The same on {@code migrations}: the seam for step 8, which adds a table. */
    public Services open(Settings settings, Path workingDir, Clock clock, Consumer<String> log, Schema migrations) {
        JwtSettings jwt = JwtSettings.read(settings, KeyRing.ALGORITHMS);
        if (!KeyRing.isAsymmetric(jwt.algorithm())) {
            jwt = SigningKey.resolve(jwt, workingDir, log); // HS256: step 1's secret, as before
        }
        keys = KeySources.open(settings.group("JWT_"), jwt, workingDir, log);
        return new Services(Site.open(settings, migrations, clock), jwt, new TokenCodec(jwt, clock, keys.forCodec()));
    }

    @Override
    public List<WebModule> modules(Services services) {
        List<WebModule> modules = new ArrayList<>(step6.modules(services));
        modules.add(jwksView());
        return modules;
    }

    /** {@code GET /api/token/jwks/} of the keys {@link #open} read: step 8 serves it beside its own views. */
    public JwksView jwksView() {
        return new JwksView(keys);
    }

    @Override
    public void passwordChanged(Launch<Services> launch, User user) {
        step6.passwordChanged(launch, user);
    }

    @Override
    public List<Object> commands(Launch<Services> launch) {
        List<Object> commands = new ArrayList<>(step6.commands(launch));
        commands.add(new RotateKeyCommand(launch));
        commands.add(new RetireKeyCommand(launch));
        return commands;
    }
}
