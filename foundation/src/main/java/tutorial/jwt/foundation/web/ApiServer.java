package tutorial.jwt.foundation.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinGson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tutorial.jwt.foundation.errors.ApiError;
import tutorial.jwt.foundation.errors.ClientError;
import tutorial.jwt.foundation.json.StrictJson;

/**
 * Builds a step's Javalin server from its modules, and maps every error to the contract's JSON once,
 * here: a view throws, the client gets {@code {"detail": ...}} and never a stack trace.
 */
public final class ApiServer {

    /** API requests here are small; anything larger is refused before it is read. */
    public static final long MAX_BODY_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private ApiServer() {
    }

    /**
     * The server (not started yet) with {@code modules} and an API root listing their endpoints. Every
     * 401 carries {@code wwwAuthenticate}, as DRF sends its authentication class's header.
     */
    public static Javalin create(List<WebModule> modules, String wwwAuthenticate) {
        List<WebModule> all = new ArrayList<>(modules);
        all.add(new ApiRoot(modules));
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinGson(StrictJson.gson(), false));
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            RequestLimits.apply(config, MAX_BODY_BYTES); // headers, multipart bodies, and Jetty's own errors as JSON
            config.router.ignoreTrailingSlashes = true;
            // Jetty caches header values per connection and matches them ignoring case, which would
            // read a later "bearer x" as the "Bearer x" seen before it: match exactly.
            config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheCaseSensitive(true));
            config.requestLogger.http((ctx, ms) ->
                    LOG.info("\"{} {}\" {}", ctx.method(), ctx.path(), ctx.statusCode())); // never a query string or header
            all.forEach(module -> module.register(config));

            config.routes.exception(ApiError.class, (e, ctx) -> write(ctx, e, wwwAuthenticate));
            config.routes.exception(HttpResponseException.class,
                    (e, ctx) -> write(ctx, fromJavalin(ctx, e), wwwAuthenticate));
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (e instanceof ClientError clientError) {
                    write(ctx, clientError.toApiError(), wwwAuthenticate);
                    return;
                }
                Optional<ApiError> clientFault = RequestLimits.clientFault(e, MAX_BODY_BYTES);
                if (clientFault.isPresent()) { // a body the client broke or cut short: its error, not ours
                    write(ctx, clientFault.get(), wwwAuthenticate);
                    return;
                }
                LOG.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
                write(ctx, ApiError.detail(500, "A server error occurred."), wwwAuthenticate);
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null) { // Javalin's own 404 for an unknown path
                    write(ctx, ApiError.notFound(), wwwAuthenticate);
                }
            });
        });
    }

    /** Javalin's own errors (unknown path, wrong method, body too large) in the contract's shape. */
    private static ApiError fromJavalin(Context ctx, HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> ApiError.notFound();
            case 405 -> ApiError.methodNotAllowed(ctx.method().name());
            case 413 -> RequestLimits.tooLarge(MAX_BODY_BYTES);
            default -> ApiError.detail(e.getStatus(), e.getMessage());
        };
    }

    private static void write(Context ctx, ApiError error, String wwwAuthenticate) {
        if (error.status() == 413) { // a body over the limit: read the rest, so the client hears the answer
            RequestLimits.drain(ctx.req());
        }
        ctx.status(error.status()).json(error.body());
        error.headers().forEach(ctx::header); // e.g. Retry-After on a 429
        if (error.status() == 401) {
            ctx.header("WWW-Authenticate", wwwAuthenticate);
        }
    }
}
