package tutorial.jwt.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tutorial.jwt.foundation.settings.Settings;
import tutorial.jwt.foundation.settings.SettingsException;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.tokens.TokenCodec;
import tutorial.jwt.keys.KeyRing.Found;

/**
 * Where step 7's keys come from. HMAC ({@code HS256}): step 1's secret. RSA or EC ({@code RS256},
 * {@code ES256}): the private key in {@code JWT_SIGNING_KEY} (PEM text) or {@code JWT_SIGNING_KEY_FILE},
 * else the development key ring ({@link DevKeys}); {@code JWT_VERIFYING_KEY} or
 * {@code JWT_VERIFYING_KEY_FILE} adds public keys that also verify, such as the previous key's.
 */
final class KeySources {

    private KeySources() {
    }

    /** {@code jwt} has its signing key resolved when the algorithm is HMAC. */
    static KeyRing open(Settings.Group settings, JwtSettings jwt, Path workingDir, Consumer<String> log) {
        String algorithm = jwt.algorithm();
        if (!KeyRing.isAsymmetric(algorithm)) {
            return KeyRing.of(algorithm, new Found(TokenCodec.Keyring.secret(jwt).signingKey(), "JWT_SIGNING_KEY"), List.of());
        }
        List<Found> verifying = new ArrayList<>();
        String publicPem = pem(settings, "VERIFYING_KEY");
        if (publicPem != null) {
            String source = source(settings, "VERIFYING_KEY");
            Pem.publicKeys(publicPem, source).forEach(key -> verifying.add(new Found(key, source)));
        }
        String privatePem = pem(settings, "SIGNING_KEY");
        if (privatePem != null) {
            String source = source(settings, "SIGNING_KEY");
            return KeyRing.of(algorithm, new Found(Pem.privateKey(privatePem, source), source), verifying);
        }
        DevKeys dev = new DevKeys(workingDir, algorithm);
        boolean made = dev.files().isEmpty();
        if (made) {
            dev.add();
        }
        List<Path> files = dev.files();
        log.accept("No JWT_SIGNING_KEY_FILE set: signing with the development key pair in " + dev.where()
                + (made ? " (generated now)" : "") + ". Set JWT_SIGNING_KEY_FILE in production.");
        List<Found> newestFirst = new ArrayList<>();
        files.forEach(file -> newestFirst.add(0, new Found(DevKeys.read(file), file.toString())));
        verifying.addAll(0, newestFirst.subList(1, newestFirst.size()));
        return KeyRing.of(algorithm, newestFirst.get(0), verifying);
    }

    /** True when the keys are the development ring's: the one {@code rotatekey} and {@code retirekey} manage. */
    static boolean fromDevRing(Settings.Group settings, String algorithm) {
        return KeyRing.isAsymmetric(algorithm) && pem(settings, "SIGNING_KEY") == null;
    }

    /** {@code JWT_<NAME>} as PEM text, or the file {@code JWT_<NAME>_FILE} names; not both. */
    private static String pem(Settings.Group settings, String name) {
        String text = settings.text(name, null);
        String file = settings.text(name + "_FILE", null);
        if (text != null && file != null) {
            throw new SettingsException("Set " + settings.variable(name) + " or " + settings.variable(name + "_FILE")
                    + ", not both.");
        }
        if (file == null) {
            return text;
        }
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new SettingsException(settings.variable(name + "_FILE") + "=" + file + " cannot be read: " + e);
        }
    }

    private static String source(Settings.Group settings, String name) {
        return settings.text(name + "_FILE", null) != null ? settings.variable(name + "_FILE") : settings.variable(name);
    }
}
