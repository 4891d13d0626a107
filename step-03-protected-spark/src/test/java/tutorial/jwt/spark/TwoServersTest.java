package tutorial.jwt.spark;

import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tutorial.jwt.install.TestServer;
import tutorial.jwt.protect.Main;

/** End to end: the Javalin step-3 server issues the token, the Spark server trusts it. */
class TwoServersTest {

    @Test
    void a_token_from_the_javalin_server_opens_the_spark_server_until_it_expires() {
        try (TestServer issuer = TestServer.start(new Main());
             IsolatedSpark spark = IsolatedSpark.start(issuer, Map.of())) {
            issuer.createUser("alice");
            String access = issuer.login("alice").getString("access"); // POST /api/token/ on Javalin

            spark.request().header("Authorization", "Bearer " + access).get("/api/protected/").then()
                    .statusCode(200).body("message", equalTo("Hello, alice! You are authenticated."));

            issuer.clock.advance(Duration.ofMinutes(5)); // the access token's lifetime: both servers' clock
            spark.request().header("Authorization", "Bearer " + access).get("/api/protected/").then()
                    .statusCode(401)
                    .header("WWW-Authenticate", "Bearer realm=\"api\"")
                    .body("detail", equalTo("Given token not valid for any token type"))
                    .body("messages[0].message", equalTo("Token is expired"));
        }
    }

    @Test
    void a_spark_server_with_another_signing_key_refuses_the_token() {
        try (TestServer issuer = TestServer.start(new Main());
             IsolatedSpark spark = IsolatedSpark.start(issuer,
                     Map.of("JWT_SIGNING_KEY", "another-key-0123456789-abcdefghijklmnopqrstuvwxyz"))) {
            issuer.createUser("alice");
            String access = issuer.login("alice").getString("access");
            spark.request().header("Authorization", "Bearer " + access).get("/api/protected/").then()
                    .statusCode(401).body("messages[0].message", equalTo("Token is invalid"));
        }
    }
}
