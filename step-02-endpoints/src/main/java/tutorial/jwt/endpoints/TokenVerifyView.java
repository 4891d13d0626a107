package tutorial.jwt.endpoints;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;
import tutorial.jwt.foundation.web.Fields;
import tutorial.jwt.foundation.web.Open;
import tutorial.jwt.foundation.web.RequestData;
import tutorial.jwt.foundation.web.WebModule;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenCodec;

/**
 * {@code POST /api/token/verify/}: Simple JWT's {@code TokenVerifyView}. Answers {@code {}} when a token
 * of any type has a good signature, has not expired and carries the required claims; it tells a
 * client whether a token is still good without the client holding the signing key.
 */
public final class TokenVerifyView implements WebModule {

    public static final String PATH = "/api/token/verify/";

    /** A check on a token that passed verification; step 6 refuses blacklisted ones. */
    @FunctionalInterface
    public interface Check {
        Check NONE = token -> { };

        void check(Token token);
    }

    private final TokenCodec codec;
    private final Check check;

    public TokenVerifyView(TokenCodec codec, Check check) {
        this.codec = codec;
        this.check = check;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.post(PATH, this::verify, Open.NO_AUTHENTICATION);
    }

    @Override
    public Map<String, String> endpoints() {
        return Map.of("token_verify", PATH);
    }

    private void verify(Context ctx) {
        Fields fields = new Fields(RequestData.of(ctx));
        String raw = fields.string("token");
        fields.orThrow();

        check.check(codec.verify(raw, null)); // any type: Simple JWT's UntypedToken
        ctx.json(Map.of());
    }
}
