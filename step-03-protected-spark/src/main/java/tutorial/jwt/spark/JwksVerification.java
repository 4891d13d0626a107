package tutorial.jwt.spark;

import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import tutorial.jwt.foundation.Site;
import tutorial.jwt.foundation.db.Schema;
import tutorial.jwt.foundation.settings.Settings;
import tutorial.jwt.foundation.settings.SettingsException;
import tutorial.jwt.install.Services;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.tokens.TokenCodec;

/**
 * {@code JWT_JWK_URL}: Simple JWT's {@code JWK_URL}. The service verifies access tokens with the
 * public keys its issuer publishes (step 7's {@code /api/token/jwks/}) and holds no secret: it can
 * check tokens, never make one.
 */
final class JwksVerification {

    /** The algorithms a published public key verifies. */
    static final List<String> ALGORITHMS = List.of("RS256", "RS384", "RS512", "ES256", "ES384", "ES512");

    private JwksVerification() {
    }

    /** Whether {@code JWT_JWK_URL} is set. */
    static boolean configured(Settings settings) {
        return settings.group("JWT_").text("JWK_URL", null) != null;
    }

    /** Step 1's services with a codec that finds each token's key at the JWKS URL, fetched once now. */
    static Services open(Settings settings, Schema tables, Clock clock, Consumer<String> log) {
        Settings.Group simpleJwt = settings.group("JWT_");
        if (simpleJwt.text("SIGNING_KEY", null) != null) {
            throw new SettingsException("JWT_JWK_URL and JWT_SIGNING_KEY are both set: with JWT_JWK_URL this service"
                    + " verifies with the issuer's public keys and holds no secret. Unset JWT_SIGNING_KEY.");
        }
        JwtSettings jwt = JwtSettings.read(settings, ALGORITHMS);
        RemoteJwks keys;
        try {
            keys = RemoteJwks.fetch(url(simpleJwt.text("JWK_URL", null)), jwt.algorithm(), clock, log);
        } catch (IOException e) {
            throw new SettingsException("JWT_JWK_URL: " + e.getMessage() + ". Start the issuer first (./run 7).");
        }
        var verifyOnly = new TokenCodec.Keyring(null, Jwts.SIG.get().forKey(jwt.algorithm()), null, keys);
        return new Services(Site.open(settings, tables, clock), jwt, new TokenCodec(jwt, clock, verifyOnly));
    }

    private static URI url(String value) {
        try {
            URI url = URI.create(value);
            if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // said below
        }
        throw new SettingsException("JWT_JWK_URL=" + value + " is not an http(s) URL, e.g."
                + " http://127.0.0.1:8000/api/token/jwks/");
    }
}
