package tutorial.jwt.browser;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import tutorial.jwt.blacklist.RecordingTokenFactory;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.tokens.TokenCodec;

/**
 * Step 6's tokens, and the claims each login starts: {@code sid}, the family every token of this
 * login descends from, and in cookie mode {@code csrf}, the CSRF token a browser session sends back.
 * Refresh carries them over to every token it makes, as it carries the user id.
 */
final class FamilyTokenFactory extends RecordingTokenFactory {

    static final String CSRF_CLAIM = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean csrf;

    FamilyTokenFactory(JwtSettings settings, Clock clock, FamilyBlacklist blacklist, TokenCodec codec, boolean csrf) {
        super(settings, clock, blacklist, codec);
        this.csrf = csrf;
    }

    @Override
    public Map<String, Object> claimsFor(User user) {
        Map<String, Object> claims = new LinkedHashMap<>(super.claimsFor(user));
        claims.put(FamilyBlacklist.FAMILY_CLAIM, random());
        if (csrf) {
            claims.put(CSRF_CLAIM, random());
        }
        return claims;
    }

    static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
