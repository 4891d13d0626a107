package tutorial.jwt.endpoints;

import java.util.ArrayList;
import java.util.List;
import tutorial.jwt.install.TestServer;
import tutorial.jwt.install.TestTokens;

/**
 * Tokens an attacker might send, each of which must be refused as "Token is invalid". Built from
 * a good token of {@code type} so that only the one attack differs.
 */
public final class HostileTokens {

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
        String claims = "{\"token_type\":\"" + type + "\",\"exp\":4102444800,\"iat\":1767268800,"
                + "\"jti\":\"0123456789abcdef0123456789abcdef\",\"user_id\":1}";
        String good = TestTokens.hs256(claims);
        String[] parts = good.split("\\.");
        String otherKey = "another-key-of-plenty-length-0123456789-abcdefghijklmnopqrstuvwxyz";
        List<Case> cases = new ArrayList<>();
        for (String alg : new String[] {"none", "None", "NONE", "nOnE"}) {
            String header = TestTokens.b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}");
            cases.add(new Case("alg " + alg + " with a trailing dot", header + "." + parts[1] + "."));
            cases.add(new Case("alg " + alg + " without a trailing dot", header + "." + parts[1]));
        }
        cases.add(new Case("signature stripped", parts[0] + "." + parts[1] + "."));
        cases.add(new Case("signature truncated", parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10)));
        cases.add(new Case("signature altered", parts[0] + "." + parts[1] + "." + flipFirst(parts[2])));
        cases.add(new Case("payload altered, signature kept",
                parts[0] + "." + TestTokens.b64(claims.replace("\"user_id\":1", "\"user_id\":2")) + "." + parts[2]));
        cases.add(new Case("another key", TestTokens.sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims, "HmacSHA256", otherKey)));
        cases.add(new Case("HS384 with the same secret", TestTokens.sign("{\"alg\":\"HS384\",\"typ\":\"JWT\"}", claims, "HmacSHA384", TestServer.SIGNING_KEY)));
        cases.add(new Case("HS512 with the same secret", TestTokens.sign("{\"alg\":\"HS512\",\"typ\":\"JWT\"}", claims, "HmacSHA512", TestServer.SIGNING_KEY)));
        cases.add(new Case("a JWE (five parts)", TestTokens.b64("{\"alg\":\"dir\",\"enc\":\"A256GCM\"}") + "..aXY.Y2lwaGVy.dGFn"));
        cases.add(new Case("empty", ""));
        cases.add(new Case("white space", "   "));
        cases.add(new Case("16 KiB", good + "A".repeat(16 * 1024)));
        cases.add(new Case("extra segment", good + ".abc"));
        cases.add(new Case("missing segment", parts[0] + "." + parts[1]));
        cases.add(new Case("non-base64url characters", parts[0] + "." + parts[1] + "." + parts[2].replace(parts[2].charAt(0), '+')));
        cases.add(new Case("exp as a string", TestTokens.hs256(claims.replace("4102444800", "\"4102444800\""))));
        cases.add(new Case("exp as a float", TestTokens.hs256(claims.replace("4102444800", "4102444800.5"))));
        cases.add(new Case("exp null", TestTokens.hs256(claims.replace("4102444800", "null"))));
        cases.add(new Case("exp huge", TestTokens.hs256(claims.replace("4102444800", "1e300"))));
        cases.add(new Case("iat in the future", TestTokens.hs256(claims.replace("1767268800", "32503680000"))));
        cases.add(new Case("nbf in the future", TestTokens.hs256(claims.replace("\"iat\"", "\"nbf\":32503680000,\"iat\""))));
        cases.add(new Case("duplicate claim", TestTokens.hs256(claims.replace("\"user_id\":1", "\"user_id\":1,\"user_id\":2"))));
        cases.add(new Case("duplicate header key",
                TestTokens.sign("{\"alg\":\"HS256\",\"alg\":\"none\"}", claims, "HmacSHA256", TestServer.SIGNING_KEY)));
        return cases;
    }

    private static String flipFirst(String text) {
        return (text.charAt(0) == 'A' ? "B" : "A") + text.substring(1);
    }
}
