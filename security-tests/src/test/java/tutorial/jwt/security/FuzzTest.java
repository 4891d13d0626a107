package tutorial.jwt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tutorial.jwt.foundation.json.StrictJson;
import tutorial.jwt.install.RawHttp;
import tutorial.jwt.install.TestServer;

/**
 * Random mutations of good tokens and good login bodies against step 6: nothing is accepted unless it
 * still is the good token (or the good credentials), nothing gets a 5xx or a word of a library. The
 * seed is printed; run again with {@code -Dfuzz.seed=<seed>} to replay a failure.
 */
class FuzzTest {

    static final int TOKEN_MUTATIONS = 2_000;
    static final int BODY_MUTATIONS = 1_000;
    static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]+");
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \t\"\\{}%\u0000\u00e9\u200b";
    static final Endpoint[] TARGETS = {Endpoint.REFRESH, Endpoint.VERIFY, Endpoint.SLIDE, Endpoint.LOGOUT,
            Endpoint.PROTECTED, Endpoint.ME};

    static Target target;
    static Random random;
    static final Map<String, Integer> outcomes = new TreeMap<>();

    @BeforeAll
    static void start() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("FuzzTest seed: " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        random = new Random(seed);
        target = Target.start(6, Map.of());
    }

    @AfterAll
    static void stop() {
        target.close();
        System.out.println("FuzzTest outcomes: " + outcomes);
    }

    @Test
    void a_mutated_token_is_accepted_only_when_it_still_is_the_same_token() {
        for (int i = 0; i < TOKEN_MUTATIONS; i++) {
            Endpoint endpoint = TARGETS[random.nextInt(TARGETS.length)];
            String good = Forge.token(endpoint.hostileType(), Target.ALICE); // a fresh jti: earlier logouts change nothing
            String mutated = mutate(good);
            RawHttp.Response response = AttackTable.carrying(endpoint, mutated).send(target.port());
            String context = endpoint + " with " + printable(mutated) + " (from " + good + ")";
            check(response, context);
            if (response.status() == 200) {
                assertTrue(sameToken(mutated, good, endpoint.carrier == Endpoint.Carrier.BODY),
                        "accepted a token that is not the good one: " + context);
            }
        }
    }

    @Test
    void a_mutated_login_body_gets_in_only_with_the_right_credentials() {
        String good = AttackTable.credentials("alice", TestServer.PASSWORD);
        for (int i = 0; i < BODY_MUTATIONS; i++) {
            byte[] mutated = mutate(good.getBytes(StandardCharsets.UTF_8));
            String contentType = random.nextInt(10) == 0 ? "application/x-www-form-urlencoded" : "application/json";
            RawHttp.Response response = RawHttp.request("POST", Endpoint.OBTAIN.path)
                    .header("Content-Type", contentType).body(mutated).send(target.port());
            String context = "POST /api/token/ with " + printable(new String(mutated, StandardCharsets.UTF_8));
            check(response, context);
            if (response.status() == 200) {
                assertTrue(contentType.equals("application/json") && sameCredentials(new String(mutated, StandardCharsets.UTF_8)),
                        "logged in with other credentials: " + context);
            }
        }
    }

    private static void check(RawHttp.Response response, String context) {
        outcomes.merge(String.valueOf(response.status()), 1, Integer::sum);
        assertTrue(response.status() < 500, () -> "a server error: " + response + " for " + context);
        assertEquals("application/json", response.header("Content-Type"), () -> context + ": " + response);
        if (response.status() >= 400) {
            assertNull(Leaks.in(response.body()), () -> "a library's word: " + response.body() + " for " + context);
        }
        if (response.status() == 401) {
            assertEquals("Bearer realm=\"api\"", response.header("WWW-Authenticate"), context);
        }
    }

    /** One to three random edits: flip, insert, delete, duplicate, swap segments, truncate, re-encode a changed part. */
    private static String mutate(String token) {
        String mutated = token;
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = mutated.isEmpty() ? 0 : random.nextInt(mutated.length());
            mutated = switch (random.nextInt(9)) {
                case 0 -> mutated.substring(0, at) + randomChar() + mutated.substring(Math.min(at + 1, mutated.length()));
                case 1 -> mutated.substring(0, at) + randomChar() + mutated.substring(at);
                case 2 -> mutated.isEmpty() ? mutated : mutated.substring(0, at) + mutated.substring(at + 1);
                case 3 -> mutated.substring(0, at);
                case 4 -> mutated + mutated.substring(at);
                case 5 -> swapSegments(mutated);
                case 6 -> reencodeWithChange(mutated, 0);
                case 7 -> reencodeWithChange(mutated, 1);
                default -> flipCase(mutated, at);
            };
        }
        return mutated;
    }

    private static byte[] mutate(byte[] body) {
        byte[] mutated = body;
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = mutated.length == 0 ? 0 : random.nextInt(mutated.length);
            byte[] next;
            switch (random.nextInt(5)) {
                case 0 -> {
                    next = mutated.clone();
                    if (next.length > 0) {
                        next[at] = (byte) random.nextInt(256);
                    }
                }
                case 1 -> next = concat(Arrays.copyOfRange(mutated, 0, at), new byte[] {(byte) random.nextInt(256)},
                        Arrays.copyOfRange(mutated, at, mutated.length));
                case 2 -> next = mutated.length == 0 ? mutated
                        : concat(Arrays.copyOfRange(mutated, 0, at), Arrays.copyOfRange(mutated, at + 1, mutated.length));
                case 3 -> next = Arrays.copyOfRange(mutated, 0, at);
                default -> next = concat(mutated, Arrays.copyOfRange(mutated, at, mutated.length));
            }
            mutated = next;
        }
        return mutated;
    }

    private static String swapSegments(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length < 2) {
            return token + "." + token;
        }
        int a = random.nextInt(parts.length);
        int b = random.nextInt(parts.length);
        String swap = parts[a];
        parts[a] = parts[b];
        parts[b] = swap;
        return String.join(".", parts);
    }

    /** Decodes the header (0) or payload (1), changes one byte of its JSON, encodes it again: the signature no longer fits. */
    private static String reencodeWithChange(String token, int segment) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !SEGMENT.matcher(parts[segment]).matches()) {
            return token;
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(parts[segment]);
            if (json.length > 0) {
                json[random.nextInt(json.length)] = (byte) ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            }
            parts[segment] = Base64.getUrlEncoder().withoutPadding().encodeToString(json);
            return String.join(".", parts);
        } catch (IllegalArgumentException notBase64) {
            return token;
        }
    }

    private static String flipCase(String token, int at) {
        if (token.isEmpty()) {
            return token;
        }
        char c = token.charAt(at);
        char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
        return token.substring(0, at) + flipped + token.substring(at + 1);
    }

    private static char randomChar() {
        return ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }

    /**
     * Whether {@code mutated} still is {@code good}: the same bytes in each of the three parts, only
     * spelt differently (base64's unused tail bits, white space the field or header drops).
     */
    static boolean sameToken(String mutated, String good, boolean trimmed) {
        String candidate = trimmed ? mutated.strip() : mutated;
        String[] parts = candidate.split("\\.", -1);
        String[] goodParts = good.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            if (!SEGMENT.matcher(parts[i]).matches()) {
                return false;
            }
            try {
                if (!Arrays.equals(Base64.getUrlDecoder().decode(parts[i]), Base64.getUrlDecoder().decode(goodParts[i]))) {
                    return false;
                }
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
        }
        return true;
    }

    /** Whether a mutated body still says username alice (trimmed, as DRF does) and the right password. */
    static boolean sameCredentials(String body) {
        try {
            Object parsed = StrictJson.parse(body.startsWith("\ufeff") ? body.substring(1) : body);
            return parsed instanceof Map<?, ?> map && "alice".equals(String.valueOf(map.get("username")).strip())
                    && TestServer.PASSWORD.equals(map.get("password"));
        } catch (StrictJson.JsonSyntaxError e) {
            return false;
        }
    }

    private static byte[] concat(byte[]... pieces) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] piece : pieces) {
            out.writeBytes(piece);
        }
        return out.toByteArray();
    }

    private static String printable(String text) {
        return text.replace("\u0000", "\\0").replace("\r", "\\r").replace("\n", "\\n");
    }
}
