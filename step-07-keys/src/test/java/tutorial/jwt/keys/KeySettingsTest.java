package tutorial.jwt.keys;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tutorial.jwt.foundation.settings.SettingsException;
import tutorial.jwt.install.TestServer;

/** A key that cannot do the job is a clear startup error naming the setting, never a server that half works. */
class KeySettingsTest {

    @TempDir
    Path dir;

    static String startupError(Map<String, String> environment) {
        SettingsException e = assertThrows(SettingsException.class, () -> TestServer.start(new Main(), environment).close());
        return e.getMessage();
    }

    static void assertSays(String expected, String message) {
        assertTrue(message.contains(expected), "expected «" + expected + "» in: " + message);
    }

    @Test
    void a_short_rsa_key_is_refused() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        String message = startupError(Map.of("JWT_SIGNING_KEY", TestKeys.privatePem(rsa.generateKeyPair())));
        assertSays("JWT_SIGNING_KEY cannot sign with JWT_ALGORITHM=RS256", message);
        assertSays("1024 bits", message);
    }

    @Test
    void a_key_of_the_wrong_kind_is_refused() {
        assertSays("JWT_SIGNING_KEY holds an EC key; JWT_ALGORITHM=RS256 signs with RSA keys (an EC key signs with ES256)",
                startupError(Map.of("JWT_SIGNING_KEY", TestKeys.privatePem(TestKeys.pair("ES256")))));
        assertSays("JWT_SIGNING_KEY holds an RSA key; JWT_ALGORITHM=ES256 signs with EC keys (an RSA key signs with RS256)",
                startupError(Map.of("JWT_ALGORITHM", "ES256", "JWT_SIGNING_KEY", TestKeys.privatePem(TestKeys.pair("RS256")))));
        assertSays("JWT_SIGNING_KEY cannot sign with JWT_ALGORITHM=ES256", startupError(Map.of("JWT_ALGORITHM", "ES256",
                "JWT_SIGNING_KEY", TestKeys.privatePem(TestKeys.pair("ES384")))));
        assertSays("JWT_VERIFYING_KEY holds an EC key; JWT_ALGORITHM=RS256 verifies with RSA keys only",
                startupError(Map.of("JWT_SIGNING_KEY", TestKeys.privatePem(TestKeys.pair("RS256")),
                        "JWT_VERIFYING_KEY", TestKeys.publicPem(TestKeys.pair("ES256").getPublic()))));
    }

    @Test
    void text_that_is_not_a_pkcs8_private_key_is_refused_with_how_to_convert_it() {
        assertSays("JWT_SIGNING_KEY holds no PEM block", startupError(Map.of("JWT_SIGNING_KEY", "a secret for HS256")));
        assertSays("JWT_SIGNING_KEY holds a PUBLIC KEY; it needs a PRIVATE KEY", startupError(Map.of(
                "JWT_SIGNING_KEY", TestKeys.publicPem(TestKeys.pair("RS256").getPublic()))));
        String pkcs1 = TestKeys.privatePem(TestKeys.pair("RS256")).replace("PRIVATE KEY", "RSA PRIVATE KEY");
        assertSays("openssl pkcs8 -topk8 -nocrypt", startupError(Map.of("JWT_SIGNING_KEY", pkcs1)));
    }

    @Test
    void a_key_file_is_read_and_text_and_file_together_are_refused() throws Exception {
        Path file = dir.resolve("key.pem");
        Files.writeString(file, TestKeys.privatePem(TestKeys.pair("RS256")));
        TestServer.start(new Main(), Map.of("JWT_SIGNING_KEY", "", "JWT_SIGNING_KEY_FILE", file.toString())).close();
        assertSays("Set JWT_SIGNING_KEY or JWT_SIGNING_KEY_FILE, not both",
                startupError(Map.of("JWT_SIGNING_KEY_FILE", file.toString())));
        assertSays("JWT_SIGNING_KEY_FILE=" + dir.resolve("missing.pem") + " cannot be read",
                startupError(Map.of("JWT_SIGNING_KEY", "", "JWT_SIGNING_KEY_FILE", dir.resolve("missing.pem").toString())));
    }

    @Test
    void an_algorithm_step_7_does_not_offer_is_refused() {
        assertSays("JWT_ALGORITHM=none is not supported", startupError(Map.of("JWT_ALGORITHM", "none")));
    }
}
