package tutorial.jwt.install.settings;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.MacAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Consumer;
import tutorial.jwt.foundation.settings.SettingsException;

/**
 * The signing key: {@code JWT_SIGNING_KEY} when set, else a development key generated once and kept
 * in a git-ignored file, so tokens survive a restart. The key's UTF-8 bytes are the HMAC secret,
 * exactly as in Simple JWT (where it defaults to Django's {@code SECRET_KEY}).
 */
public final class SigningKey {

    public static final String DEV_KEY_FILE = ".jwt-signing-key";

    private SigningKey() {
    }

    /** Settings with a usable signing key; {@code log} gets one line when the development key is used. */
    public static JwtSettings resolve(JwtSettings settings, Path workingDir, Consumer<String> log) {
        String key = settings.signingKey();
        if (key == null) {
            Path file = workingDir.resolve(DEV_KEY_FILE);
            boolean existed = Files.exists(file);
            key = existed ? read(file) : create(file);
            log.accept("No JWT_SIGNING_KEY set: using the development key in " + DEV_KEY_FILE
                    + (existed ? "" : " (generated now)") + ". Set JWT_SIGNING_KEY in production.");
        }
        requireStrongEnough(key, settings.algorithm());
        return settings.withSigningKey(key);
    }

    static void requireStrongEnough(String key, String algorithm) {
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        // jjwt refuses a key shorter than the hash (RFC 7518, section 3.2): say so before it does
        int needed = ((MacAlgorithm) Jwts.SIG.get().forKey(algorithm)).getKeyBitLength() / 8;
        if (bytes < needed) {
            throw new SettingsException("JWT_SIGNING_KEY is " + bytes + " bytes long; " + algorithm
                    + " needs at least " + needed + " bytes (" + needed * 8 + " bits)."
                    + " Generate one with: openssl rand -base64 " + needed);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String create(Path file) {
        byte[] random = new byte[64]; // 512 bits: enough for HS256, HS384 and HS512
        new SecureRandom().nextBytes(random);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return key;
    }
}
