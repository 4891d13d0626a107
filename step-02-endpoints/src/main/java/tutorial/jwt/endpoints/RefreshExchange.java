package tutorial.jwt.endpoints;

import java.util.LinkedHashMap;
import java.util.Map;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenCodec;
import tutorial.jwt.install.tokens.TokenFactory;

/**
 * How a refresh token is checked and what it is exchanged for: Simple JWT's
 * {@code TokenRefreshSerializer}. Here, as by default in Simple JWT, a new access token. Step 4
 * overrides {@link #exchange} to rotate the refresh token too, and step 6 to blacklist the old one.
 */
public class RefreshExchange {

    protected final TokenFactory tokens;
    protected final TokenCodec codec;

    public RefreshExchange(TokenFactory tokens, TokenCodec codec) {
        this.tokens = tokens;
        this.codec = codec;
    }

    /** {@code raw} as a checked refresh token: Simple JWT's {@code RefreshToken(raw)}. Step 6 adds the blacklist. */
    public Token verified(String raw) {
        return codec.verify(raw, TokenFactory.REFRESH);
    }

    /** The response body for {@code refresh}, a refresh token that passed every check. */
    public Map<String, String> exchange(Token refresh) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("access", codec.encode(tokens.accessFrom(refresh)));
        return body;
    }
}
