package tutorial.jwt.install.web;

import io.javalin.http.Context;
import tutorial.jwt.foundation.errors.ApiError;
import tutorial.jwt.foundation.users.Authenticator;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.foundation.web.Fields;
import tutorial.jwt.foundation.web.RequestData;

/**
 * The login part every obtain view shares: Simple JWT's {@code TokenObtainSerializer.validate},
 * which its pair and sliding serializers both inherit. Reads {@code username} and {@code password}
 * with DRF's field rules and asks the authenticator, throttled by the client's address.
 */
public final class LoginRequest {

    static final String NO_ACCOUNT = "No active account found with the given credentials";

    private LoginRequest() {
    }

    /** The user the request's credentials name: else 400 (bad fields), 401 (no such active account) or 429. */
    public static User authenticate(Context ctx, Authenticator authenticator) {
        Fields fields = new Fields(RequestData.of(ctx));
        String username = fields.string("username");
        String password = fields.password("password");
        fields.orThrow();

        return authenticator.authenticate(username, password, ctx.ip()) // 429 after too many failures
                .orElseThrow(() -> ApiError.detail(401, NO_ACCOUNT));
    }
}
