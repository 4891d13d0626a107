package tutorial.jwt.refresh.client;

import java.util.regex.Pattern;
import tutorial.jwt.install.tokens.TokenCodec;

/** What a client may read in a token without the key: its payload. And shorter tokens for logs. */
final class Tokens {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");

    private Tokens() {
    }

    /** {@code eyJ0eXAiOiJKV1Qi...Kh4Tc}: enough to tell tokens apart, short enough to read. */
    static String shorten(String token) {
        return token == null || token.length() < 30 ? String.valueOf(token)
                : token.substring(0, 16) + "..." + token.substring(token.length() - 6);
    }

    static String shortenAll(String text) {
        return JWT.matcher(text).replaceAll(match -> shorten(match.group()));
    }

    /** The {@code exp} claim, read from the payload (not verified: the client has no key, and needs none for this). */
    static long expiresAt(String token) {
        return (Long) TokenCodec.readPart(token.split("\\.")[1]).get("exp");
    }
}
