package tutorial.jwt.protect.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;
import tutorial.jwt.foundation.web.WebModule;

/**
 * The tutorial's views: one anyone may call, one for logged-in users, its class-based twin, and
 * one for staff (to see 401 and 403 side by side). Each declares its permission where it is routed.
 */
public final class TutorialViews implements WebModule {

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/public/", TutorialViews::publicView, Allow.ANY);
        config.routes.get("/api/protected/", TutorialViews::protectedView, Allow.AUTHENTICATED);
        config.routes.get("/api/hello/", TutorialViews::hello, Allow.AUTHENTICATED);
        config.routes.get("/api/staff/", TutorialViews::staffView, Allow.STAFF);
    }

    @Override
    public Map<String, String> endpoints() {
        return Map.of("public_view", "/api/public/", "protected_view", "/api/protected/",
                "hello", "/api/hello/", "staff_view", "/api/staff/");
    }

    static void publicView(Context ctx) {
        ctx.json(Map.of("message", "Hello from a public endpoint!"));
    }

    static void protectedView(Context ctx) {
        ctx.json(Map.of("message", "Hello, " + AuthGate.user(ctx).username() + "! You are authenticated."));
    }

    static void hello(Context ctx) {
        ctx.json(Map.of("message", "Hello, authenticated user!"));
    }

    static void staffView(Context ctx) {
        ctx.json(Map.of("message", "Hello, " + AuthGate.user(ctx).username() + "! You are staff."));
    }
}
