package tutorial.jwt.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tutorial.jwt.foundation.settings.SettingsException;

/**
 * Keys in PEM, the text form {@code openssl} writes and Simple JWT's {@code SIGNING_KEY} and
 * {@code VERIFYING_KEY} hold: a private key in PKCS#8 ({@code BEGIN PRIVATE KEY}), public keys in
 * X.509 ({@code BEGIN PUBLIC KEY}). jjwt signs with the keys; it does not read PEM.
 */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    private static final List<String> KEY_TYPES = List.of("RSA", "EC");

    private Pem() {
    }

    /** The private key in {@code pem}, which {@code source} (a setting's name) holds. */
    static PrivateKey privateKey(String pem, String source) {
        List<Key> keys = read(pem, source, "PRIVATE KEY");
        if (keys.size() != 1) {
            throw new SettingsException(source + " must hold one private key, found " + keys.size() + ".");
        }
        return (PrivateKey) keys.get(0);
    }

    /** The public keys in {@code pem}: one or more {@code BEGIN PUBLIC KEY} blocks. */
    static List<PublicKey> publicKeys(String pem, String source) {
        return read(pem, source, "PUBLIC KEY").stream().map(PublicKey.class::cast).toList();
    }

    /** The key as {@code openssl} writes it: PKCS#8 for a private key, X.509 for a public one, 64 columns. */
    public static String write(Key key) {
        String type = key instanceof PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static List<Key> read(String pem, String source, String wanted) {
        List<Key> keys = new ArrayList<>();
        Matcher block = BLOCK.matcher(pem);
        while (block.find()) {
            String type = block.group(1);
            if (!type.equals(wanted)) {
                throw new SettingsException(source + " holds a " + type + "; it needs a " + wanted
                        + (type.endsWith("PRIVATE KEY") ? " in PKCS#8: openssl pkcs8 -topk8 -nocrypt -in old.pem -out key.pem" : "")
                        + ".");
            }
            keys.add(decode(Base64.getMimeDecoder().decode(block.group(2)), wanted, source));
        }
        if (keys.isEmpty()) {
            throw new SettingsException(source + " holds no PEM block (-----BEGIN " + wanted + "-----).");
        }
        return keys;
    }

    private static Key decode(byte[] der, String wanted, String source) {
        for (String type : KEY_TYPES) {
            try {
                KeyFactory factory = KeyFactory.getInstance(type);
                return wanted.equals("PRIVATE KEY")
                        ? factory.generatePrivate(new PKCS8EncodedKeySpec(der))
                        : factory.generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisType) {
                // try the next key type
            }
        }
        throw new SettingsException(source + " holds a " + wanted + " that is neither RSA nor EC.");
    }
}
