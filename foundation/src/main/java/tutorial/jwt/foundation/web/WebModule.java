package tutorial.jwt.foundation.web;

import io.javalin.config.JavalinConfig;
import java.util.Map;

/**
 * One stage's part of the server: its routes (and filters), and the endpoints it lists in the API root.
 * A step's {@code Main} lists the modules of every stage so far.
 */
public interface WebModule {

    void register(JavalinConfig config);

    /** Route name to path, as Django's URL names: {@code api-root -> /api/}. */
    default Map<String, String> endpoints() {
        return Map.of();
    }
}
