package tutorial.jwt.blacklist;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import tutorial.jwt.endpoints.RefreshExchange;
import tutorial.jwt.endpoints.TokenVerifyView;
import tutorial.jwt.foundation.errors.ApiError;
import tutorial.jwt.foundation.web.Fields;
import tutorial.jwt.foundation.web.Open;
import tutorial.jwt.foundation.web.RequestData;
import tutorial.jwt.foundation.web.WebModule;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.protect.web.Allow;
import tutorial.jwt.protect.web.AuthGate;

/**
 * Logging out. {@code POST /api/token/blacklist/} is Simple JWT's {@code TokenBlacklistView}: it
 * blacklists one refresh token. {@code POST /api/token/blacklist/all/} logs the caller out
 * everywhere: every refresh token they hold, on every device.
 */
public final class BlacklistViews implements WebModule {

    private final RefreshExchange exchange;
    private final TokenBlacklist blacklist;

    public BlacklistViews(RefreshExchange exchange, TokenBlacklist blacklist) {
        this.exchange = exchange;
        this.blacklist = blacklist;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.post("/api/token/blacklist/", this::logout, Open.NO_AUTHENTICATION);
        config.routes.post("/api/token/blacklist/all/", this::logoutEverywhere, Allow.AUTHENTICATED);
    }

    @Override
    public Map<String, String> endpoints() {
        return Map.of("token_blacklist", "/api/token/blacklist/", "token_blacklist_all", "/api/token/blacklist/all/");
    }

    /** Simple JWT's check in {@code TokenVerifySerializer}: a blacklisted token does not verify. */
    public TokenVerifyView.Check refuseBlacklisted() {
        return token -> {
            if (blacklist.isBlacklisted(blacklist.jtiOf(token))) {
                throw new ApiError(400, Map.of("non_field_errors", List.of("Token is blacklisted")));
            }
        };
    }

    private void logout(Context ctx) {
        Fields fields = new Fields(RequestData.of(ctx));
        String raw = fields.string("refresh");
        fields.orThrow();

        Token refresh = exchange.verified(raw); // 401 when invalid, expired, an access token, or blacklisted
        blacklist.blacklist(refresh);
        ctx.json(Map.of());
    }

    private void logoutEverywhere(Context ctx) {
        int count = blacklist.blacklistAll(AuthGate.user(ctx).id());
        ctx.json(Map.of("blacklisted", count));
    }
}
