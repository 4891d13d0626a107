package tutorial.jwt.protect.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenCodec;

/**
 * The access tokens this server has accepted, by their exact text. A client sends the same access
 * token with every request until it expires, and checking it again each time (decoding, parsing, the
 * HMAC) would be most of what authentication costs a request. Only a token that
 * passed every check is kept, so a forged or garbled one is checked in full every time and an
 * attacker cannot fill this up without logging in; a kept token's expiry is checked on every use.
 */
public final class VerifiedTokens {

    /** About 1 KB each (text and claims): a few MB at most, whatever the number of clients. */
    static final int CAPACITY = 4096;

    private final TokenCodec codec;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public VerifiedTokens(TokenCodec codec) {
        this.codec = codec;
    }

    /**
     * The token {@code raw} stands for: remembered when it was accepted before and has not expired
     * since, else checked by {@code check} (which throws for a bad token) and remembered.
     */
    public Token get(String raw, Function<String, Token> check) {
        Token known = tokens.get(raw);
        if (known != null) {
            if (!codec.hasExpired(known)) {
                return known;
            }
            tokens.remove(raw, known); // and the check below says it has expired
        }
        Token token = check.apply(raw);
        if (tokens.size() >= CAPACITY) { // expired tokens go first; if that is not enough, all of them
            tokens.values().removeIf(codec::hasExpired);
            if (tokens.size() >= CAPACITY) {
                tokens.clear();
            }
        }
        tokens.put(raw, token);
        return token;
    }

    int size() {
        return tokens.size();
    }
}
