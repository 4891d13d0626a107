package tutorial.jwt.install;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import tutorial.jwt.foundation.Project;
import tutorial.jwt.foundation.Site;
import tutorial.jwt.foundation.db.Schema;
import tutorial.jwt.foundation.settings.Settings;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.settings.SigningKey;
import tutorial.jwt.install.tokens.TokenCodec;

/**
 * What every step's views are built from: the {@link Site} (database, users, passwords) and what
 * Simple JWT adds to it, its settings and the codec that signs and verifies with jjwt.
 */
public record Services(Site site, JwtSettings jwt, TokenCodec codec) implements Project.Built {

    /** Reads the {@code JWT_<SETTING>} values, resolves the signing key, then opens the site. */
    public static Services open(Settings settings, Schema migrations, Path workingDir, Clock clock,
                                Consumer<String> log) {
        JwtSettings jwt = SigningKey.resolve(JwtSettings.read(settings), workingDir, log);
        Site site = Site.open(settings, migrations, clock);
        return new Services(site, jwt, new TokenCodec(jwt, clock, TokenCodec.Keyring.secret(jwt)));
    }
}
