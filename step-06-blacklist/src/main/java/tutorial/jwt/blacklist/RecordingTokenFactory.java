package tutorial.jwt.blacklist;

import java.time.Clock;
import tutorial.jwt.claims.ClaimsTokenFactory;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenCodec;

/**
 * Step 5's tokens, and every refresh token handed out at login recorded as outstanding (Simple JWT's
 * {@code BlacklistMixin.for_user}), so that logout everywhere can find it later.
 */
public class RecordingTokenFactory extends ClaimsTokenFactory {

    private final TokenBlacklist blacklist;
    private final TokenCodec codec;

    public RecordingTokenFactory(JwtSettings settings, Clock clock, TokenBlacklist blacklist, TokenCodec codec) {
        super(settings, clock);
        this.blacklist = blacklist;
        this.codec = codec;
    }

    @Override
    public Token refreshFor(User user) {
        Token refresh = super.refreshFor(user);
        blacklist.recordOutstanding(refresh, codec.encode(refresh));
        return refresh;
    }
}
