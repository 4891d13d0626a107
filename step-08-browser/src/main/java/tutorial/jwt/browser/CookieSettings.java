package tutorial.jwt.browser;

import java.util.List;
import tutorial.jwt.foundation.settings.Settings;
import tutorial.jwt.foundation.settings.SettingsException;

/**
 * Cookie mode, opt-in: {@code JWT_AUTH_COOKIE} names the access token's cookie, and browser clients
 * then get their tokens in {@code HttpOnly} cookies. The names of the CSRF cookie and header, and of
 * {@code CSRF_TRUSTED_ORIGINS} (origins besides the server's own, such as its public {@code https://}
 * address behind a proxy), are Django's.
 */
record CookieSettings(String accessCookie, String refreshCookie, boolean secure, String sameSite,
                      List<String> trustedOrigins) {

    static final String CSRF_COOKIE = "csrftoken";
    static final String CSRF_HEADER = "X-CSRFToken";
    private static final List<String> LOOPBACK = List.of("127.0.0.1", "localhost", "::1", "[::1]");

    /** Off unless {@code JWT_AUTH_COOKIE} is set; {@code Secure} can be turned off only on a loopback address. */
    static CookieSettings read(Settings settings) {
        Settings.Group jwt = settings.group("JWT_");
        CookieSettings cookies = new CookieSettings(
                jwt.text("AUTH_COOKIE", null),
                jwt.text("AUTH_REFRESH_COOKIE", "refresh_token"),
                jwt.flag("AUTH_COOKIE_SECURE", true),
                jwt.oneOf("AUTH_COOKIE_SAMESITE", "Lax", List.of("Lax", "Strict")),
                settings.origins("CSRF_TRUSTED_ORIGINS"));
        String host = settings.server().host();
        if (cookies.enabled() && !cookies.secure() && !LOOPBACK.contains(host)) {
            throw new SettingsException("JWT_AUTH_COOKIE_SECURE=false would send the tokens over plain HTTP: it is"
                    + " for development on 127.0.0.1 only, and this server listens on " + host + ".");
        }
        return cookies;
    }

    boolean enabled() {
        return accessCookie != null;
    }
}
