package tutorial.jwt.endpoints;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import tutorial.jwt.install.TestServer;
import tutorial.jwt.install.TestTokens;

/**
 * Tokens an attacker might send, each of which must be refused as "Token is invalid". Built from
 * a good token of {@code type} so that only the one attack differs. The security suite sends them to
 * every endpoint of every step; step 2's test sends them to refresh and verify.
 */
public final class HostileTokens {

    /** Where the key-fetching headers ({@code jku}, {@code x5u}) point by default: the discard port. */
    public static final String DEFAULT_KEY_URL = "http://127.0.0.1:9/keys.json";
    /** A key of the right length that is not the server's. */
    public static final String OTHER_KEY = "another-key-of-plenty-length-0123456789-abcdefghijklmnopqrstuvwxyz";

    private HostileTokens() {
    }

    /** A named hostile token. */
    public record Case(String name, String token) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static List<Case> of(String type) {
        return of(type, DEFAULT_KEY_URL);
    }

    /** {@code keyUrl}: where {@code jku} and {@code x5u} point, e.g. a socket the test watches for connections. */
    public static List<Case> of(String type, String keyUrl) {
        String claims = "{\"token_type\":\"" + type + "\",\"exp\":4102444800,\"iat\":1767268800,"
                + "\"jti\":\"0123456789abcdef0123456789abcdef\",\"user_id\":1}";
        String good = TestTokens.hs256(claims);
        String[] parts = good.split("\\.");
        List<Case> cases = new ArrayList<>();

        // Forgery: no signature, someone else's key or algorithm, headers that name a key.
        for (String alg : casings("none")) {
            String header = TestTokens.b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}");
            cases.add(new Case("alg " + alg + " with a trailing dot", header + "." + parts[1] + "."));
            cases.add(new Case("alg " + alg + " without a trailing dot", header + "." + parts[1]));
        }
        cases.add(new Case("alg missing", hs256Header("{\"typ\":\"JWT\"}", claims)));
        cases.add(new Case("alg empty", hs256Header("{\"alg\":\"\",\"typ\":\"JWT\"}", claims)));
        cases.add(new Case("alg null", hs256Header("{\"alg\":null}", claims)));
        cases.add(new Case("alg as a list", hs256Header("{\"alg\":[\"HS256\"]}", claims)));
        cases.add(new Case("alg hs256 in lowercase", hs256Header("{\"alg\":\"hs256\"}", claims)));
        cases.add(new Case("signature stripped", parts[0] + "." + parts[1] + "."));
        cases.add(new Case("signature truncated", parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10)));
        cases.add(new Case("signature altered", parts[0] + "." + parts[1] + "." + flipFirst(parts[2])));
        cases.add(new Case("signature of another token", parts[0] + "." + parts[1] + "."
                + TestTokens.hs256(claims.replace("\"user_id\":1", "\"user_id\":2")).split("\\.")[2]));
        cases.add(new Case("payload altered, signature kept",
                parts[0] + "." + TestTokens.b64(claims.replace("\"user_id\":1", "\"user_id\":2")) + "." + parts[2]));
        cases.add(new Case("another key", TestTokens.sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims, "HmacSHA256", OTHER_KEY)));
        cases.add(new Case("HS384 with the same secret", TestTokens.sign("{\"alg\":\"HS384\",\"typ\":\"JWT\"}", claims, "HmacSHA384", TestServer.SIGNING_KEY)));
        cases.add(new Case("HS512 with the same secret", TestTokens.sign("{\"alg\":\"HS512\",\"typ\":\"JWT\"}", claims, "HmacSHA512", TestServer.SIGNING_KEY)));
        cases.add(new Case("kid naming another key, signed with it",
                TestTokens.sign("{\"alg\":\"HS256\",\"kid\":\"../../../../../../dev/null\"}", claims, "HmacSHA256", OTHER_KEY)));
        cases.add(new Case("jku pointing at the attacker's keys, signed with them",
                TestTokens.sign("{\"alg\":\"HS256\",\"jku\":\"" + keyUrl + "\"}", claims, "HmacSHA256", OTHER_KEY)));
        cases.add(new Case("x5u pointing at the attacker's certificate, signed with its key",
                TestTokens.sign("{\"alg\":\"HS256\",\"x5u\":\"" + keyUrl + "\"}", claims, "HmacSHA256", OTHER_KEY)));
        cases.add(new Case("jwk embedding the attacker's HMAC key, signed with it",
                TestTokens.sign("{\"alg\":\"HS256\",\"jwk\":{\"kty\":\"oct\",\"k\":\"" + TestTokens.b64(OTHER_KEY) + "\"}}",
                        claims, "HmacSHA256", OTHER_KEY)));
        cases.add(new Case("RS256 with an embedded jwk, signed with its private key", rs256WithEmbeddedKey(claims, keyUrl)));
        cases.add(new Case("crit header, signed with the real key", hs256Header("{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", claims)));
        cases.add(new Case("zip header, signed with the real key", hs256Header("{\"alg\":\"HS256\",\"zip\":\"DEF\"}", claims)));
        cases.add(new Case("b64 false, signed with the real key", hs256Header("{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"]}", claims)));
        cases.add(new Case("a JWE (five parts)", TestTokens.b64("{\"alg\":\"dir\",\"enc\":\"A256GCM\"}") + "..aXY.Y2lwaGVy.dGFn"));
        cases.add(new Case("a JWE with a key-fetching header",
                TestTokens.b64("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\",\"jku\":\"" + keyUrl + "\"}") + ".a2V5.aXY.Y2lwaGVy.dGFn"));
        cases.add(new Case("duplicate header key",
                TestTokens.sign("{\"alg\":\"HS256\",\"alg\":\"none\"}", claims, "HmacSHA256", TestServer.SIGNING_KEY)));
        cases.add(new Case("duplicate claim", TestTokens.hs256(claims.replace("\"user_id\":1", "\"user_id\":1,\"user_id\":2"))));
        cases.add(new Case("header that is not an object", hs256Header("[\"HS256\"]", claims)));
        cases.add(new Case("payload that is not an object, signed with the real key", TestTokens.hs256("[1,2,3]")));

        // Format and size.
        cases.add(new Case("empty", ""));
        cases.add(new Case("white space", "   "));
        cases.add(new Case("16 KiB", good + "A".repeat(16 * 1024)));
        cases.add(new Case("extra segment", good + ".abc"));
        cases.add(new Case("missing segment", parts[0] + "." + parts[1]));
        cases.add(new Case("a single segment", parts[1]));
        cases.add(new Case("dots only", ".."));
        cases.add(new Case("non-base64url characters", parts[0] + "." + parts[1] + "." + parts[2].replace(parts[2].charAt(0), '+')));
        cases.add(new Case("base64 padding", parts[0] + "==." + parts[1] + "." + parts[2]));
        cases.add(new Case("a space inside", parts[0] + "." + parts[1] + " ." + parts[2]));

        // Claims signed with the real key, with values no token of ours has.
        cases.add(new Case("exp as a string", TestTokens.hs256(claims.replace("4102444800", "\"4102444800\""))));
        cases.add(new Case("exp as a float", TestTokens.hs256(claims.replace("4102444800", "4102444800.5"))));
        cases.add(new Case("exp null", TestTokens.hs256(claims.replace("4102444800", "null"))));
        cases.add(new Case("exp huge", TestTokens.hs256(claims.replace("4102444800", "1e300"))));
        cases.add(new Case("exp the largest long", TestTokens.hs256(claims.replace("4102444800", String.valueOf(Long.MAX_VALUE)))));
        cases.add(new Case("exp beyond a long", TestTokens.hs256(claims.replace("4102444800",
                BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TEN).toString()))));
        cases.add(new Case("exp in year 10000", TestTokens.hs256(claims.replace("4102444800", "253402300800"))));
        cases.add(new Case("exp the smallest long", TestTokens.hs256(claims.replace("4102444800", String.valueOf(Long.MIN_VALUE)))));
        cases.add(new Case("iat in the future", TestTokens.hs256(claims.replace("1767268800", "32503680000"))));
        cases.add(new Case("iat the smallest long", TestTokens.hs256(claims.replace("1767268800", String.valueOf(Long.MIN_VALUE)))));
        cases.add(new Case("iat as a string", TestTokens.hs256(claims.replace("1767268800", "\"1767268800\""))));
        cases.add(new Case("nbf in the future", TestTokens.hs256(claims.replace("\"iat\"", "\"nbf\":32503680000,\"iat\""))));
        cases.add(new Case("nbf the largest long", TestTokens.hs256(claims.replace("\"iat\"", "\"nbf\":" + Long.MAX_VALUE + ",\"iat\""))));
        cases.add(new Case("jti a number", TestTokens.hs256(claims.replace("\"0123456789abcdef0123456789abcdef\"", "123"))));
        return cases;
    }

    /** Every upper- and lowercase spelling of {@code word}: "none", "None", "nOnE", ... (16 for four letters). */
    static List<String> casings(String word) {
        List<String> spellings = new ArrayList<>();
        for (int mask = 0; mask < 1 << word.length(); mask++) {
            StringBuilder spelling = new StringBuilder();
            for (int i = 0; i < word.length(); i++) {
                String letter = word.substring(i, i + 1);
                spelling.append((mask >> i & 1) == 1 ? letter.toUpperCase(Locale.ROOT) : letter.toLowerCase(Locale.ROOT));
            }
            spellings.add(spelling.toString());
        }
        return spellings;
    }

    /** The header as given, HMAC-SHA256-signed with the server's own key. */
    private static String hs256Header(String headerJson, String claims) {
        return TestTokens.sign(headerJson, claims, "HmacSHA256", TestServer.SIGNING_KEY);
    }

    /** An RS256 token carrying its own public key ({@code jwk}) and a {@code jku}: trusting either is the classic mistake. */
    private static String rs256WithEmbeddedKey(String claims, String keyUrl) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAPublicKey key = (RSAPublicKey) pair.getPublic();
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String header = "{\"alg\":\"RS256\",\"jku\":\"" + keyUrl + "\",\"jwk\":{\"kty\":\"RSA\",\"e\":\""
                    + b64.encodeToString(key.getPublicExponent().toByteArray()) + "\",\"n\":\""
                    + b64.encodeToString(key.getModulus().toByteArray()) + "\"}}";
            String signingInput = TestTokens.b64(header) + "." + TestTokens.b64(claims);
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(pair.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String flipFirst(String text) {
        return (text.charAt(0) == 'A' ? "B" : "A") + text.substring(1);
    }
}
