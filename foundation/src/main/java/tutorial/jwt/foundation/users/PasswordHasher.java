package tutorial.jwt.foundation.users;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Django's default password hasher, {@code pbkdf2_sha256}, so a password set by Django logs in here
 * and the other way round. A stored hash reads {@code pbkdf2_sha256$<iterations>$<salt>$<base64 hash>}:
 * PBKDF2-HMAC-SHA256 over the UTF-8 password with the salt's UTF-8 bytes, 32 bytes of output.
 */
public final class PasswordHasher {

    public static final String ALGORITHM = "pbkdf2_sha256";
    private static final int HASH_BYTES = 32;
    private static final String SALT_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final int iterations;
    private final SecureRandom random = new SecureRandom();
    /** Checked against when the user does not exist, so that case costs the same time as a wrong password. */
    private final String dummyHash;
    /** How many PBKDF2 hashes this hasher computed: lets tests prove every failed login costs the same. */
    private final LongAdder computed = new LongAdder();

    public PasswordHasher(int iterations) {
        this.iterations = iterations;
        this.dummyHash = hash("not the password of any user");
    }

    /** A new hash at this hasher's iteration count, with a fresh 22-character salt as Django makes. */
    public String hash(String password) {
        StringBuilder salt = new StringBuilder();
        for (int i = 0; i < 22; i++) {
            salt.append(SALT_CHARS.charAt(random.nextInt(SALT_CHARS.length())));
        }
        computed.increment();
        return hash(password, salt.toString(), iterations);
    }

    static String hash(String password, String salt, int iterations) {
        byte[] derived = pbkdf2(password.getBytes(StandardCharsets.UTF_8),
                salt.getBytes(StandardCharsets.UTF_8), iterations);
        return ALGORITHM + "$" + iterations + "$" + salt + "$" + Base64.getEncoder().encodeToString(derived);
    }

    /**
     * True when {@code password} matches {@code encoded}, at whatever iteration count it was made.
     * A hash we cannot read (Django's unusable {@code !...}, another algorithm) never matches.
     */
    public boolean verify(String password, String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(ALGORITHM)) {
            verify(password, dummyHash); // same cost as a real check
            return false;
        }
        int storedIterations;
        try {
            storedIterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            storedIterations = 0;
        }
        if (storedIterations < 1) {
            verify(password, dummyHash); // a damaged hash costs a check too
            return false;
        }
        computed.increment();
        byte[] expected = hash(password, parts[2], storedIterations).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, encoded.getBytes(StandardCharsets.UTF_8));
    }

    /** Spends the time of one check against a hash at this hasher's iteration count, and fails. */
    public void verifyDummy(String password) {
        verify(password, dummyHash);
    }

    /** How many hashes were computed so far, new ones and checks alike. */
    public long hashesComputed() {
        return computed.sum();
    }

    /** PBKDF2 (RFC 8018) with HMAC-SHA256, for one 32-byte block: all a SHA-256 hash needs. */
    private static byte[] pbkdf2(byte[] password, byte[] salt, int iterations) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // An empty key is legal in PBKDF2 but not in SecretKeySpec; HMAC pads keys with zeros anyway.
            mac.init(new SecretKeySpec(password.length == 0 ? new byte[1] : password, "HmacSHA256"));
            mac.update(salt);
            byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
            byte[] result = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < HASH_BYTES; j++) {
                    result[j] ^= u[j];
                }
            }
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
