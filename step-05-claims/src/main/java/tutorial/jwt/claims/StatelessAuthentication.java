package tutorial.jwt.claims;

import java.util.Optional;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenError;
import tutorial.jwt.protect.auth.Authentication;
import tutorial.jwt.protect.auth.JwtAuthentication;

/**
 * Simple JWT's {@code JWTStatelessUserAuthentication}: the same token checks as step 3, but the user
 * is built from the token's claims (Simple JWT's {@code TokenUser}) instead of loaded from the
 * database. No query per request; in exchange, a user deactivated or changed after the token was
 * issued looks as they did then, until the token expires.
 */
public final class StatelessAuthentication implements Authentication {

    private final JwtAuthentication tokens;

    public StatelessAuthentication(JwtAuthentication tokens) {
        this.tokens = tokens;
    }

    @Override
    public Optional<User> authenticate(String header) {
        return tokens.validatedToken(header).map(this::tokenUser);
    }

    private User tokenUser(Token token) {
        long id = User.idFromJson(tokens.userId(token)).orElseThrow(
                () -> TokenError.invalid("Token contained no recognizable user identification"));
        return new User(id, text(token.claim("username")), text(token.claim("email")), "", "",
                null, true, Boolean.TRUE.equals(token.claim("is_staff")), false, null, null);
    }

    private static String text(Object claim) {
        return claim instanceof String value ? value : "";
    }
}
