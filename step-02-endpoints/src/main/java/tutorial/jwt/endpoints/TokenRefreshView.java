package tutorial.jwt.endpoints;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;
import tutorial.jwt.foundation.errors.ApiError;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.foundation.users.UserStore;
import tutorial.jwt.foundation.web.Fields;
import tutorial.jwt.foundation.web.Open;
import tutorial.jwt.foundation.web.RequestData;
import tutorial.jwt.foundation.web.WebModule;
import tutorial.jwt.install.Services;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenError;

/**
 * {@code POST /api/token/refresh/}: Simple JWT's {@code TokenRefreshView}. A refresh token in, a new
 * access token out, as long as the token checks out and its user may still log in.
 */
public final class TokenRefreshView implements WebModule {

    public static final String PATH = "/api/token/refresh/";
    static final String NO_ACCOUNT = "No active account found for the given token.";
    static final String NO_USER = "Token contained no recognizable user identification";

    private final UserStore users;
    private final JwtSettings settings;
    private final RefreshExchange exchange;

    /** {@code exchange} is the seam: later steps rotate, and then blacklist, what it exchanges. */
    public TokenRefreshView(Services services, RefreshExchange exchange) {
        this.users = services.site().users();
        this.settings = services.jwt();
        this.exchange = exchange;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.post(PATH, this::refresh, Open.NO_AUTHENTICATION);
    }

    @Override
    public Map<String, String> endpoints() {
        return Map.of("token_refresh", PATH);
    }

    private void refresh(Context ctx) {
        Fields fields = new Fields(RequestData.of(ctx));
        String raw = fields.string("refresh");
        fields.orThrow();

        Token refresh = exchange.verified(raw);
        requireActiveUser(refresh);
        ctx.json(exchange.exchange(refresh));
    }

    /**
     * The token must name a user, who must still exist and, with {@code CHECK_USER_IS_ACTIVE}, be
     * active. Simple JWT 5.5 answers a deleted user with a 500, and refreshes a token that names
     * nobody; we refuse both, so that no token outlives its user.
     */
    private void requireActiveUser(Token refresh) {
        Object userId = refresh.claim(settings.userIdClaim());
        if (userId == null || "".equals(userId)) {
            throw TokenError.invalid(NO_USER);
        }
        User user = users.findByIdField(settings.userIdField(), userId)
                .orElseThrow(() -> ApiError.detail(401, NO_ACCOUNT));
        if (settings.checkUserIsActive() && !user.isActive()) {
            throw ApiError.detail(401, NO_ACCOUNT);
        }
    }
}
