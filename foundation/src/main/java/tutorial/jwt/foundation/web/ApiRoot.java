package tutorial.jwt.foundation.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code GET /api/} (and {@code /}): the endpoints of this step, like DRF's browsable API root. A client
 * gets them as JSON; a browser, which asks for HTML, gets the {@link Playground} page that uses them.
 */
public final class ApiRoot implements WebModule {

    private final Map<String, String> endpoints = new TreeMap<>();
    private final Optional<Playground> playground = Playground.ifShipped();

    public ApiRoot(Iterable<WebModule> modules) {
        modules.forEach(module -> endpoints.putAll(module.endpoints()));
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/", this::root, Open.NO_AUTHENTICATION);
        config.routes.get("/api/", this::root, Open.NO_AUTHENTICATION);
        playground.ifPresent(page -> page.register(config));
    }

    private void root(Context ctx) {
        ctx.header("Vary", "Accept"); // one URL, two answers: a cache must keep them apart
        if (playground.isPresent() && Playground.prefersHtml(ctx.header("Accept"))) {
            playground.get().page(ctx);
        } else {
            ctx.json(endpoints);
        }
    }
}
