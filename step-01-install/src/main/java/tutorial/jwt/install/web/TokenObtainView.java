package tutorial.jwt.install.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenCodec;
import tutorial.jwt.install.tokens.TokenFactory;
import tutorial.jwt.install.users.Authenticator;
import tutorial.jwt.install.users.User;
import tutorial.jwt.install.users.UserStore;

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

    public TokenObtainView(Authenticator authenticator, TokenFactory tokens, TokenCodec codec, UserStore users,
                           boolean updateLastLogin) {
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.codec = codec;
        this.users = users;
        this.updateLastLogin = updateLastLogin;
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
