package tutorial.jwt.keys;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SignatureAlgorithm;
import java.security.KeyPair;
import java.security.PublicKey;

/** Key pairs made by jjwt, in the PEM a person would put in JWT_SIGNING_KEY and JWT_VERIFYING_KEY. */
final class TestKeys {

    private TestKeys() {
    }

    static KeyPair pair(String algorithm) {
        return ((SignatureAlgorithm) Jwts.SIG.get().forKey(algorithm)).keyPair().build();
    }

    static String privatePem(KeyPair pair) {
        return Pem.write(pair.getPrivate());
    }

    static String publicPem(PublicKey key) {
        return Pem.write(key);
    }
}
