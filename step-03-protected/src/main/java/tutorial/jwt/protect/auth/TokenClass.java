package tutorial.jwt.protect.auth;

/**
 * A kind of token that may authenticate a request: Simple JWT's {@code AUTH_TOKEN_CLASSES}. Its
 * class name and type appear in the {@code messages} of a refused token.
 */
public record TokenClass(String name, String type) {

    public static final TokenClass ACCESS = new TokenClass("AccessToken", "access");
}
