package tutorial.jwt.spark;

import java.util.Optional;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenError;
import tutorial.jwt.protect.auth.Authentication;
import tutorial.jwt.protect.auth.JwtAuthentication;

/**
 * {@code STATELESS=true}: Simple JWT's {@code JWTStatelessUserAuthentication}. The header and the token
 * are checked by step 3's {@link JwtAuthentication}, but the user is made from the token's claims
 * (Simple JWT's {@code TokenUser}) and no table is read. The price: a user deleted or deactivated after
 * logging in keeps access until the token expires. (Step 5's {@code StatelessAuthentication} is the
 * same idea; this module stops at step 3.)
 */
public final class TokenUserAuthentication implements Authentication {

    private final JwtAuthentication tokens;

    public TokenUserAuthentication(JwtAuthentication tokens) {
        this.tokens = tokens;
    }

    @Override
    public Optional<User> authenticate(String header) {
        return tokens.validatedToken(header).map(this::tokenUser);
    }

    /**
     * The id from the token, and the {@code username} and {@code is_staff} claims if it carries them
     * (step 1's tokens carry neither, so the name is {@code "user 1"}). Always active.
     */
    private User tokenUser(Token token) {
        long id = User.idFromJson(tokens.userId(token)).orElseThrow(
                () -> TokenError.invalid("Token contained no recognizable user identification"));
        String username = token.claim("username") instanceof String name ? name : "user " + id;
        boolean staff = Boolean.TRUE.equals(token.claim("is_staff"));
        return new User(id, username, "", "", "", null, true, staff, false, null, null);
    }
}
