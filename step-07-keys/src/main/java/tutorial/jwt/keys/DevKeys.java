package tutorial.jwt.keys;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SignatureAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import tutorial.jwt.foundation.Launch;
import tutorial.jwt.foundation.settings.Settings;
import tutorial.jwt.foundation.settings.SettingsException;
import tutorial.jwt.install.settings.JwtSettings;

/**
 * The development key ring: one PEM file per private key in {@code .jwt-keys/<ALGORITHM>/}
 * (git-ignored), numbered in the order they were made. The newest signs; retiring a key deletes it.
 */
final class DevKeys {

    static final String DIR = ".jwt-keys";

    private final Path dir;
    private final String algorithm;

    DevKeys(Path workingDir, String algorithm) {
        this.dir = workingDir.resolve(DIR).resolve(algorithm);
        this.algorithm = algorithm;
    }

    /** The ring of the launch's {@code JWT_ALGORITHM}; an error when the keys come from settings or are HMAC's secret. */
    static DevKeys of(Launch<?> launch) {
        Settings settings = new Settings(launch.environment(), launch.app().settings());
        String algorithm = JwtSettings.read(settings, KeyRing.ALGORITHMS).algorithm();
        if (!KeyRing.isAsymmetric(algorithm)) {
            throw new SettingsException("JWT_ALGORITHM=" + algorithm + " signs with one secret, JWT_SIGNING_KEY:"
                    + " the key commands manage the key pairs of RS256 and ES256.");
        }
        if (!KeySources.fromDevRing(settings.group("JWT_"), algorithm)) {
            throw new SettingsException("The signing key comes from JWT_SIGNING_KEY(_FILE): rotate by putting the new"
                    + " private key there and the old public key in JWT_VERIFYING_KEY_FILE (see docs/07-keys.md).");
        }
        return new DevKeys(launch.workingDir(), algorithm);
    }

    String algorithm() {
        return algorithm;
    }

    /** Where the keys are, as a person would type it. */
    String where() {
        return DIR + "/" + algorithm + "/";
    }

    /** A key file and the kid of its key. */
    record DevKey(Path file, String kid) {
    }

    /** The keys, oldest first: the last one signs. */
    List<DevKey> keys() {
        return files().stream().map(this::key).toList();
    }

    private DevKey key(Path file) {
        return new DevKey(file, KeyRing.kid(read(file), algorithm));
    }

    /** The key files, oldest first. */
    List<Path> files() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().matches("\\d+\\.pem"))
                    .sorted(Comparator.comparingInt(DevKeys::number)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    static PrivateKey read(Path file) {
        try {
            return Pem.privateKey(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A new key pair made by jjwt for the algorithm, written after the others: the next to sign. */
    DevKey add() {
        List<Path> files = files();
        int next = files.isEmpty() ? 1 : number(files.get(files.size() - 1)) + 1;
        PrivateKey key = ((SignatureAlgorithm) Jwts.SIG.get().forKey(algorithm)).keyPair().build().getPrivate();
        Path file = dir.resolve(next + ".pem");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, Pem.write(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return key(file);
    }

    static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private static int number(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(0, name.length() - ".pem".length()));
    }
}
