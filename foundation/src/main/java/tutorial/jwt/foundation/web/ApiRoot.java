package tutorial.jwt.foundation.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/} (and {@code /}): the endpoints of this step, like DRF's browsable API root. A client
 * gets them as JSON; a browser, which asks for HTML, gets the {@link Playground} page that uses them.
 */
public final class ApiRoot implements WebModule {

    private final Map<String, String> endpoints = new TreeMap<>();
    private final Playground playground = new Playground();

    public ApiRoot(Iterable<WebModule> modules) {
        modules.forEach(module -> endpoints.putAll(module.endpoints()));
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/", this::root, Open.NO_AUTHENTICATION);
        config.routes.get("/api/", this::root, Open.NO_AUTHENTICATION);
        playground.register(config);
    }

    private void root(Context ctx) {
        ctx.header("Vary", "Accept"); // one URL, two answers: a cache must keep them apart
        if (Playground.prefersHtml(ctx.header("Accept"))) {
            playground.page(ctx);
        } else {
            ctx.json(endpoints);
        }
    }
}
