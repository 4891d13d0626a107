package tutorial.jwt.claims;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.foundation.web.WebModule;
import tutorial.jwt.protect.web.Allow;
import tutorial.jwt.protect.web.AuthGate;
import tutorial.jwt.protect.web.AuthenticateWith;

/** {@code GET /api/me/}: who the token says you are, answered from its claims alone. */
public final class MeView implements WebModule {

    private final StatelessAuthentication stateless;

    public MeView(StatelessAuthentication stateless) {
        this.stateless = stateless;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/me/", MeView::me, Allow.AUTHENTICATED, new AuthenticateWith(stateless));
    }

    @Override
    public Map<String, String> endpoints() {
        return Map.of("me", "/api/me/");
    }

    private static void me(Context ctx) {
        User user = AuthGate.user(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_id", user.id());
        body.put("username", user.username());
        body.put("email", user.email());
        body.put("is_staff", user.isStaff());
        ctx.json(body);
    }
}
