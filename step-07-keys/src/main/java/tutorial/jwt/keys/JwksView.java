package tutorial.jwt.keys;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;
import tutorial.jwt.foundation.web.Open;
import tutorial.jwt.foundation.web.WebModule;

/**
 * {@code GET /api/token/jwks/}: the public keys that verify this server's tokens, as an RFC 7517 JWK
 * Set. A service that only verifies fetches it and needs no secret. Caches may keep it five minutes;
 * a verifier that meets an unknown {@code kid} fetches it again.
 */
public final class JwksView implements WebModule {

    public static final String PATH = "/api/token/jwks/";
    static final String CACHE_CONTROL = "public, max-age=300";

    private final String jwks;

    public JwksView(KeyRing keys) {
        this.jwks = keys.jwks(); // the keys are read once, at start: the set never changes while serving
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get(PATH, this::jwks, Open.NO_AUTHENTICATION);
    }

    @Override
    public Map<String, String> endpoints() {
        return Map.of("token_jwks", PATH);
    }

    private void jwks(Context ctx) {
        ctx.header("Cache-Control", CACHE_CONTROL).contentType("application/json").result(jwks);
    }
}
