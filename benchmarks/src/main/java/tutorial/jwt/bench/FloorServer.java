package tutorial.jwt.bench;

import io.javalin.Javalin;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

/**
 * The floor the step servers are measured against: the least a Javalin view protected by a JWT can
 * do. Bare Javalin, one jjwt parser built once, no database, no cache of verified tokens, no checks
 * beyond jjwt's own. A step's protected view does more (Simple JWT's rules, a user from the
 * database); its rate over this one is what that costs.
 */
final class FloorServer implements AutoCloseable {

    static final String PATH = "/floor/";

    private final Javalin app;

    private FloorServer(Javalin app) {
        this.app = app;
    }

    /** {@code clock} is the step server's, so a token it issued is not yet expired here. */
    static FloorServer start(String signingKey, Clock clock) {
        JwtParser parser = Jwts.parser()
                .verifyWith(Keys.hmacShaKeyFor(signingKey.getBytes(StandardCharsets.UTF_8)))
                .clock(() -> Date.from(clock.instant()))
                .build();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get(PATH, ctx -> {
                String header = ctx.header("Authorization");
                try {
                    Object user = parser.parseSignedClaims(header.substring("Bearer ".length())).getPayload().get("user_id");
                    ctx.contentType("application/json").result("{\"message\":\"Hello, user " + user + "!\"}");
                } catch (RuntimeException e) { // no header, not a Bearer token, or a JwtException
                    ctx.status(401).contentType("application/json").result("{\"detail\":\"Token is invalid\"}");
                }
            });
        });
        app.start("127.0.0.1", 0);
        return new FloorServer(app);
    }

    int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
