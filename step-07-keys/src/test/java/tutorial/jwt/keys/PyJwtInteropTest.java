package tutorial.jwt.keys;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tutorial.jwt.install.TestServer;

/**
 * Beside Simple JWT with {@code "ALGORITHM": "RS256"}: PyJWT, the library Simple JWT verifies with,
 * checks this step's tokens with the public key and with the published key set, and this step
 * accepts a token PyJWT signed as Simple JWT does (no {@code kid}). It needs a Python 3 with PyJWT
 * and {@code cryptography} (Debian: {@code apt-get install python3-jwt}; or {@code PYTHON=...}),
 * and is skipped without one.
 */
class PyJwtInteropTest {

    static final KeyPair KEYS = TestKeys.pair("RS256");
    static Optional<String> python;

    @TempDir
    Path dir;

    @BeforeAll
    static void findPython() {
        List<String> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("PYTHON")).ifPresent(candidates::add);
        candidates.addAll(List.of("python3", "/usr/bin/python3"));
        python = candidates.stream().filter(PyJwtInteropTest::hasPyJwt).findFirst();
    }

    static boolean hasPyJwt(String executable) {
        try {
            Process process = new ProcessBuilder(executable, "-c", "import jwt, cryptography")
                    .redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code script} with PyJWT, the PEM files and the token in its folder; what it printed. */
    String py(String script, String token, String jwks) throws Exception {
        Assumptions.assumeTrue(python.isPresent(), "no Python 3 with PyJWT and cryptography (apt-get install python3-jwt)");
        Files.writeString(dir.resolve("private.pem"), Pem.write(KEYS.getPrivate()));
        Files.writeString(dir.resolve("public.pem"), Pem.write(KEYS.getPublic()));
        Files.writeString(dir.resolve("token"), token);
        Files.writeString(dir.resolve("jwks.json"), jwks);
        Files.writeString(dir.resolve("check.py"), "import jwt\n"
                + "private = open('private.pem').read()\npublic = open('public.pem').read()\n"
                + "token = open('token').read()\njwks = open('jwks.json').read()\n" + script);
        Process process = new ProcessBuilder(python.get(), "check.py").directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    TestServer server() {
        return TestServer.start(new Main(), Map.of("JWT_SIGNING_KEY", Pem.write(KEYS.getPrivate())));
    }

    @Test
    void pyjwt_verifies_a_token_of_this_step_with_the_public_key_and_with_the_published_key_set() throws Exception {
        try (TestServer server = server()) {
            server.createUser("alice");
            String access = server.login("alice").getString("access");
            String jwks = server.request().get("/api/token/jwks/").asString();
            // Simple JWT's TokenBackend.decode: jwt.decode(token, VERIFYING_KEY, algorithms=[ALGORITHM]); the server's clock is 2026-01-01
            String output = py("""
                    options = {'verify_exp': False}
                    claims = jwt.decode(token, public, algorithms=['RS256'], options=options)
                    kid = jwt.get_unverified_header(token)['kid']
                    key = next(k for k in jwt.PyJWKSet.from_json(jwks).keys if k.key_id == kid)
                    again = jwt.decode(token, key.key, algorithms=['RS256'], options=options)
                    print(claims['token_type'], claims['username'], again == claims)
                    """, access, jwks);
            assertEquals("access alice True", output);
        }
    }

    @Test
    void a_token_pyjwt_signs_as_simple_jwt_does_opens_this_steps_protected_view() throws Exception {
        try (TestServer server = server()) {
            long userId = server.createUser("alice").id();
            long now = server.clock.instant().getEpochSecond();
            String token = py("""
                    claims = {'token_type': 'access', 'exp': %d, 'iat': %d, 'jti': 'a' * 32, 'user_id': '%d'}
                    print(jwt.encode(claims, private, algorithm='RS256'))
                    """.formatted(now + 300, now, userId), "", "");
            server.request().header("Authorization", "Bearer " + token).get("/api/protected/").then()
                    .statusCode(200).body("message", equalTo("Hello, alice! You are authenticated."));
        }
    }
}
