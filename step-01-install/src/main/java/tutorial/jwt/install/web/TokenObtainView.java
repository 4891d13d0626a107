package tutorial.jwt.install.web;

import tutorial.jwt.install.errors.ApiError;
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
    static final String NO_ACCOUNT = "No active account found with the given credentials";

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
        Fields fields = new Fields(RequestData.of(ctx));
        String username = fields.string("username");
        String password = fields.password("password");
        fields.orThrow();

        User user = authenticator.authenticate(username, password, ctx.ip()) // 429 after too many failures
                .orElseThrow(() -> ApiError.detail(401, NO_ACCOUNT));
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
