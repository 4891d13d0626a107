package tutorial.jwt.install.web;

import io.javalin.config.JavalinConfig;
import java.util.Map;
import java.util.TreeMap;

/** {@code GET /api/} (and {@code /}): the endpoints of this step, like DRF's browsable API root. */
public final class ApiRoot implements WebModule {

    private final Map<String, String> endpoints = new TreeMap<>();

    public ApiRoot(Iterable<WebModule> modules) {
        modules.forEach(module -> endpoints.putAll(module.endpoints()));
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/", ctx -> ctx.json(endpoints), Open.NO_AUTHENTICATION);
        config.routes.get("/api/", ctx -> ctx.json(endpoints), Open.NO_AUTHENTICATION);
    }
}
