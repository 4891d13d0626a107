package tutorial.jwt.refresh;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tutorial.jwt.foundation.users.Authenticator;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.foundation.web.Fields;
import tutorial.jwt.foundation.web.Open;
import tutorial.jwt.foundation.web.RequestData;
import tutorial.jwt.foundation.web.WebModule;
import tutorial.jwt.install.Services;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenCodec;
import tutorial.jwt.install.tokens.TokenError;
import tutorial.jwt.install.tokens.TokenError.Reason;
import tutorial.jwt.install.tokens.TokenFactory;
import tutorial.jwt.install.web.LoginRequest;
import tutorial.jwt.protect.auth.TokenClass;

/**
 * Simple JWT's sliding tokens, the alternative to pairs: one token that authenticates requests and
 * that can itself be refreshed, with a new {@code exp}, until its {@code refresh_exp} has passed.
 * {@code POST /api/token/sliding/} logs in; {@code POST /api/token/sliding/refresh/} slides.
 */
public final class SlidingTokenViews implements WebModule {

    public static final String SLIDING = "sliding";
    public static final TokenClass SLIDING_TOKEN = new TokenClass("SlidingToken", SLIDING);

    private final Authenticator authenticator;
    private final TokenFactory tokens;
    private final TokenCodec codec;
    private final JwtSettings settings;
    private final Clock clock;

    public SlidingTokenViews(Services services, TokenFactory tokens) {
        this.authenticator = services.site().authenticator();
        this.tokens = tokens;
        this.codec = services.codec();
        this.settings = services.jwt();
        this.clock = services.site().clock();
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.post("/api/token/sliding/", this::obtain, Open.NO_AUTHENTICATION);
        config.routes.post("/api/token/sliding/refresh/", this::refresh, Open.NO_AUTHENTICATION);
    }

    @Override
    public Map<String, String> endpoints() {
        return Map.of("token_obtain_sliding", "/api/token/sliding/", "token_refresh_sliding", "/api/token/sliding/refresh/");
    }

    private void obtain(Context ctx) {
        User user = LoginRequest.authenticate(ctx, authenticator); // the same login, and throttle, as /api/token/
        Map<String, Object> claims = new LinkedHashMap<>(tokens.claimsFor(user));
        claims.put(settings.slidingTokenRefreshExpClaim(),
                clock.instant().plus(settings.slidingTokenRefreshLifetime()).getEpochSecond());
        Token sliding = tokens.newToken(SLIDING, settings.slidingTokenLifetime(), claims);
        ctx.json(Map.of("token", codec.encode(sliding)));
    }

    /** Simple JWT's {@code TokenRefreshSlidingSerializer}: same token, same jti, a new exp and iat. */
    private void refresh(Context ctx) {
        Fields fields = new Fields(RequestData.of(ctx));
        String raw = fields.string("token");
        fields.orThrow();

        Token token = codec.verify(raw, SLIDING); // exp must not have passed either
        checkRefreshExp(token);
        Map<String, Object> claims = new LinkedHashMap<>(token.claims());
        long now = clock.instant().getEpochSecond();
        claims.put("exp", now + settings.slidingTokenLifetime().toSeconds());
        claims.put("iat", now);
        ctx.json(Map.of("token", codec.encode(new Token(claims))));
    }

    private void checkRefreshExp(Token token) {
        String claim = settings.slidingTokenRefreshExpClaim();
        if (!token.claims().containsKey(claim)) {
            throw new TokenError(Reason.NO_CLAIM, claim);
        }
        Instant limit = Token.time(token.claim(claim))
                .orElseThrow(() -> new TokenError(Reason.INVALID)) // a string, a float, or out of range
                .plus(settings.leeway());
        if (!limit.isAfter(clock.instant())) {
            throw new TokenError(Reason.CLAIM_EXPIRED, claim);
        }
    }
}
