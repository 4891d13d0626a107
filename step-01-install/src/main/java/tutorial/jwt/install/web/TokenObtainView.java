package tutorial.jwt.install.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import tutorial.jwt.foundation.users.Authenticator;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.foundation.users.UserStore;
import tutorial.jwt.foundation.web.Open;
import tutorial.jwt.foundation.web.WebModule;
import tutorial.jwt.install.Services;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenCodec;
import tutorial.jwt.install.tokens.TokenFactory;

/**
 * {@code POST /api/token/}: Simple JWT's {@code TokenObtainPairView}. Username and password in, a
 * refresh token and an access token out.
 */
public final class TokenObtainView implements WebModule {

    public static final String PATH = "/api/token/";

    private final Authenticator authenticator;
    private final TokenFactory tokens;
    private final TokenCodec codec;
    private final UserStore users;
    private final boolean updateLastLogin;

    /** The view every step builds: {@code tokens} is the seam, a later step's factory records or adds claims. */
    public TokenObtainView(Services services, TokenFactory tokens) {
        this.authenticator = services.site().authenticator();
        this.tokens = tokens;
        this.codec = services.codec();
        this.users = services.site().users();
        this.updateLastLogin = services.jwt().updateLastLogin();
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.post(PATH, this::obtain, Open.NO_AUTHENTICATION);
    }

    @Override
    public Map<String, String> endpoints() {
        return Map.of("token_obtain_pair", PATH);
    }

    private void obtain(Context ctx) {
        User user = LoginRequest.authenticate(ctx, authenticator);
        if (updateLastLogin) {
            users.recordLogin(user.id());
        }
        Token refresh = tokens.refreshFor(user);
        Map<String, String> pair = new LinkedHashMap<>();
        pair.put("refresh", codec.encode(refresh));
        pair.put("access", codec.encode(tokens.accessFrom(refresh)));
        ctx.json(pair);
    }
}
