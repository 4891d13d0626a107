package tutorial.jwt.keys;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.Locator;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PrivateJwk;
import io.jsonwebtoken.security.PublicJwk;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import io.jsonwebtoken.security.SecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.SecretKey;
import tutorial.jwt.foundation.json.StrictJson;
import tutorial.jwt.foundation.settings.SettingsException;
import tutorial.jwt.install.tokens.TokenCodec;

/**
 * Step 7's keys as jjwt JWKs: the one that signs and every one that verifies, each named by its
 * RFC 7638 thumbprint, the {@code kid} every token carries. A token is verified by the key its
 * {@code kid} names; one without a {@code kid} (Simple JWT writes none) by the signing key.
 */
public record KeyRing(String algorithm, Jwk<?> signing, List<Jwk<?>> verifying) {

    /** What {@code JWT_ALGORITHM} may name in this step: Simple JWT's HMAC, RSA and EC algorithms. */
    public static final List<String> ALGORITHMS = List.of("HS256", "HS384", "HS512", "RS256", "RS384", "RS512",
            "ES256", "ES384", "ES512");

    /** A key and where it came from (a setting or a file), for the startup errors. */
    record Found(Key key, String source) {
    }

    /** A ring that signs with {@code signingKey} and also verifies with {@code previous}, after a clear check of each. */
    static KeyRing of(String algorithm, Found signingKey, List<Found> previous) {
        Jwk<?> signing = jwk(signingKey.key(), algorithm);
        String kind = algorithm.startsWith("RS") ? "RSA" : algorithm.startsWith("ES") ? "EC" : signing.getType();
        if (!signing.getType().equals(kind)) {
            throw new SettingsException(signingKey.source() + " holds an " + signing.getType() + " key; JWT_ALGORITHM="
                    + algorithm + " signs with " + kind + " keys (an " + signing.getType() + " key signs with "
                    + (kind.equals("RSA") ? "ES256" : "RS256") + ").");
        }
        requireSigns(algorithm, signingKey.source(), signing);
        Map<String, Jwk<?>> verifying = new LinkedHashMap<>();
        verifying.put(signing.getId(), verifyingHalf(signing));
        for (Found key : previous) {
            Jwk<?> jwk = jwk(key.key(), algorithm);
            if (!jwk.getType().equals(signing.getType())) {
                throw new SettingsException(key.source() + " holds an " + jwk.getType() + " key; JWT_ALGORITHM="
                        + algorithm + " verifies with " + signing.getType() + " keys only.");
            }
            verifying.putIfAbsent(jwk.getId(), verifyingHalf(jwk));
        }
        return new KeyRing(algorithm, signing, List.copyOf(verifying.values()));
    }

    public static boolean isAsymmetric(String algorithm) {
        return !algorithm.startsWith("HS");
    }

    /** What step 1's codec needs: the signing key and its kid, and a locator that finds a key by kid. */
    public TokenCodec.Keyring forCodec() {
        Map<String, Key> byKid = new LinkedHashMap<>();
        verifying.forEach(jwk -> byKid.put(jwk.getId(), jwk.toKey()));
        Key current = byKid.get(signing.getId());
        Locator<Key> locator = header -> {
            String kid = header instanceof ProtectedHeader jws ? jws.getKeyId() : null;
            return kid == null ? current : byKid.get(kid); // an unknown kid: no key, so jjwt refuses the token
        };
        return new TokenCodec.Keyring(signing.toKey(), Jwts.SIG.get().forKey(algorithm), signing.getId(), locator);
    }

    /** The public keys, the newest first: what the JWKS endpoint serves. Never a private or secret part. */
    public List<PublicJwk<?>> published() {
        List<PublicJwk<?>> keys = new ArrayList<>();
        for (Jwk<?> jwk : verifying) {
            if (jwk instanceof PublicJwk<?> key) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** An RFC 7517 JWK Set of {@link #published()}, each key's JSON as jjwt writes it. */
    public String jwks() {
        List<Object> keys = published().stream().map(key -> StrictJson.parse(Jwks.json(key))).toList();
        return StrictJson.write(Map.of("keys", keys));
    }

    /** A key's {@code kid}: the thumbprint of its public members, the same for both halves of a pair. */
    static String kid(Key key, String algorithm) {
        return jwk(key, algorithm).getId();
    }

    /** The kids, the signing one first. */
    public List<String> kids() {
        return verifying.stream().map(Jwk::getId).toList();
    }

    /** The key as a JWK for {@code algorithm}, its {@code kid} the thumbprint of its public members. */
    private static Jwk<?> jwk(Key key, String algorithm) {
        if (key instanceof SecretKey secret) {
            return Jwks.builder().key(secret).algorithm(algorithm).idFromThumbprint().build();
        }
        if (key instanceof PrivateKey pair) {
            return Jwks.builder().key(pair).algorithm(algorithm).publicKeyUse("sig").idFromThumbprint().build();
        }
        return Jwks.builder().key((PublicKey) key).algorithm(algorithm).publicKeyUse("sig").idFromThumbprint().build();
    }

    /** The part of a key that verifies: a key pair's public half, or the secret itself. */
    private static Jwk<?> verifyingHalf(Jwk<?> jwk) {
        return jwk instanceof PrivateJwk<?, ?, ?> pair ? pair.toPublicJwk() : jwk;
    }

    /** jjwt's own check of the key against the algorithm (its kind and size), as a startup error naming the setting. */
    @SuppressWarnings("unchecked") // the algorithm is checked against the key right here
    private static void requireSigns(String algorithm, String source, Jwk<?> signing) {
        try {
            Jwts.builder().subject("startup check")
                    .signWith(signing.toKey(), (SecureDigestAlgorithm<Key, ?>) Jwts.SIG.get().forKey(algorithm)).compact();
        } catch (SecurityException | IllegalArgumentException e) {
            throw new SettingsException(source + " cannot sign with JWT_ALGORITHM=" + algorithm + ": "
                    + Objects.requireNonNullElse(e.getMessage(), e.toString()));
        }
    }
}
