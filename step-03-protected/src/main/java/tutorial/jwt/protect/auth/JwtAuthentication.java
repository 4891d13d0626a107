package tutorial.jwt.protect.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tutorial.jwt.foundation.errors.ApiError;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.foundation.users.UserStore;
import tutorial.jwt.install.Services;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenCodec;
import tutorial.jwt.install.tokens.TokenError;

/**
 * Simple JWT's {@code JWTAuthentication}, framework-neutral: reads the {@code Authorization} header,
 * validates the access token and loads its user. Empty when the request carries no credentials of
 * ours; an {@link ApiError} with the contract's 401 body when it carries bad ones.
 */
public final class JwtAuthentication implements Authentication {

    private final TokenCodec codec;
    private final UserStore users;
    private final JwtSettings settings;
    private final List<TokenClass> tokenClasses;
    private final VerifiedTokens verified;

    public JwtAuthentication(Services services, List<TokenClass> tokenClasses) {
        this.codec = services.codec();
        this.users = services.site().users();
        this.settings = services.jwt();
        this.tokenClasses = List.copyOf(tokenClasses);
        this.verified = new VerifiedTokens(codec);
    }

    /** {@code header} is the value of {@code AUTH_HEADER_NAME}, or null when the request has none. */
    @Override
    public Optional<User> authenticate(String header) {
        return validatedToken(header).map(this::userOf);
    }

    /**
     * The checked token of a {@code Bearer <token>} header, without loading its user: the part that
     * Simple JWT's stateless authentication shares. Empty when the header carries no credentials for us.
     */
    public Optional<Token> validatedToken(String header) {
        String raw = rawToken(header);
        if (raw == null) {
            return Optional.empty(); // no credentials for us: anonymous, and permissions decide
        }
        return Optional.of(verified.get(raw, this::validated)); // checked in full the first time only
    }

    /**
     * The token of {@code Bearer <token>}. Null for no header, an empty one, or another scheme
     * ({@code Basic ...}, a lowercase {@code bearer}): those are someone else's credentials.
     */
    private String rawToken(String header) {
        if (header == null) {
            return null;
        }
        String trimmed = header.trim();
        int typeEnd = skip(trimmed, 0, false);
        String type = trimmed.substring(0, typeEnd);
        if (type.isEmpty() || !settings.authHeaderTypes().contains(type)) {
            return null;
        }
        int tokenStart = skip(trimmed, typeEnd, true);
        if (tokenStart == trimmed.length() || skip(trimmed, tokenStart, false) != trimmed.length()) {
            throw ApiError.detail(401, "Authorization header must contain two space-delimited values",
                    "bad_authorization_header");
        }
        return trimmed.substring(tokenStart);
    }

    /** The index of the first character from {@code from} that is not (or is) white space. */
    private static int skip(String text, int from, boolean whiteSpace) {
        int at = from;
        while (at < text.length() && isWhiteSpace(text.charAt(at)) == whiteSpace) {
            at++;
        }
        return at;
    }

    /** What separates words for Python's {@code str.split()} in a header: ASCII white space. */
    private static boolean isWhiteSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The first token class that accepts {@code raw}; else 401 with every class's reason. */
    private Token validated(String raw) {
        List<Map<String, String>> messages = new ArrayList<>();
        for (TokenClass tokenClass : tokenClasses) {
            try {
                return codec.verify(raw, tokenClass.type());
            } catch (TokenError e) {
                Map<String, String> message = new LinkedHashMap<>();
                message.put("token_class", tokenClass.name());
                message.put("token_type", tokenClass.type());
                message.put("message", e.getMessage());
                messages.add(message);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", "Given token not valid for any token type");
        body.put("code", "token_not_valid");
        body.put("messages", messages);
        throw new ApiError(401, body);
    }

    /** The token's user id claim; a token without one identifies nobody. */
    public Object userId(Token token) {
        Object userId = token.claim(settings.userIdClaim());
        if (userId == null) {
            throw TokenError.invalid("Token contained no recognizable user identification");
        }
        return userId;
    }

    private User userOf(Token token) {
        Object userId = userId(token);
        User user = users.findByIdField(settings.userIdField(), userId)
                .orElseThrow(() -> ApiError.detail(401, "User not found", "user_not_found"));
        if (settings.checkUserIsActive() && !user.isActive()) {
            throw ApiError.detail(401, "User is inactive", "user_inactive");
        }
        return user;
    }
}
