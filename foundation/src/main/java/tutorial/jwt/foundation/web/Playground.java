package tutorial.jwt.foundation.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tutorial.jwt.foundation.errors.ApiError;

/**
 * The browsable playground: the page a browser gets at {@code /} and {@code /api/}, and its script,
 * style and icon under {@code /playground/}. Plain files from the jar, no build step, nothing from
 * another site: the page talks to this server's API with {@code fetch}, as any client would. The
 * project ships the files under {@code playground/} on its class path (step 1 does); without them
 * there is no playground, and the API root answers JSON only.
 */
public final class Playground implements WebModule {

    /**
     * Only this server's own files run, load and connect; no inline script or style, no form posts,
     * no framing. An injected {@code <script>} would not run, so what the page holds in memory stays there.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** The files the page is made of, and their types: nothing else under /playground/ is served. */
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "playground.js", "text/javascript; charset=utf-8",
            "playground.css", "text/css; charset=utf-8",
            "favicon.svg", "image/svg+xml");

    private final Map<String, byte[]> contents = new HashMap<>();

    private Playground() {
        FILES.keySet().forEach(file -> contents.put(file, read(file)));
    }

    /** The playground, when the project ships its page. */
    static Optional<Playground> ifShipped() {
        return Playground.class.getResource("/playground/index.html") == null
                ? Optional.empty() : Optional.of(new Playground());
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/playground/{file}", ctx -> serve(ctx, ctx.pathParam("file")), Open.NO_AUTHENTICATION);
    }

    /** The page itself, for the API root when a browser asks for HTML. */
    void page(Context ctx) {
        serve(ctx, "index.html");
    }

    private void serve(Context ctx, String file) {
        byte[] content = contents.get(file);
        if (content == null) {
            throw ApiError.notFound();
        }
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY"); // frame-ancestors, for browsers that predate it
        ctx.header("Cache-Control", "no-cache"); // a learner switching steps gets the current files
        ctx.contentType(FILES.get(file)).result(content);
    }

    /**
     * True when the client prefers HTML to JSON: it names {@code text/html} and rates it above
     * {@code application/json} (or, when JSON is not named, above the wildcards). A browser does; curl
     * and rest-assured (which accept anything), a client asking for JSON, or no Accept header at all
     * get the JSON API root, as before.
     */
    static boolean prefersHtml(String accept) {
        if (accept == null) {
            return false;
        }
        double html = 0;
        double json = -1; // not named
        double anything = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            double quality = quality(parts);
            switch (parts[0].trim().toLowerCase()) {
                case "text/html" -> html = Math.max(html, quality);
                case "application/json" -> json = Math.max(json, quality);
                case "*/*", "application/*" -> anything = Math.max(anything, quality);
                default -> { }
            }
        }
        return html > (json >= 0 ? json : anything); // a tie goes to JSON
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    private static byte[] read(String file) {
        try (InputStream in = Playground.class.getResourceAsStream("/playground/" + file)) {
            if (in == null) {
                throw new IllegalStateException("playground/" + file + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
