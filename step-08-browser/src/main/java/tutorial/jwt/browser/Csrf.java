package tutorial.jwt.browser;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import tutorial.jwt.foundation.errors.ApiError;

/**
 * Django's CSRF check, for requests that a cookie authenticates: the page must send the CSRF token
 * in the {@code X-CSRFToken} header as well as in the {@code csrftoken} cookie (a cross-site page can
 * make the browser send the cookie, never the header), and after login it must be the token of this
 * session, the one its access or refresh token carries. A refusal is DRF's 403, in Django's words.
 */
final class Csrf {

    private final List<String> trustedOrigins;

    /** {@code trustedOrigins}: other origins allowed to send cookie requests ({@code CORS_ALLOWED_ORIGINS}, {@code CSRF_TRUSTED_ORIGINS}). */
    Csrf(List<String> trustedOrigins) {
        this.trustedOrigins = trustedOrigins;
    }

    /**
     * Refuses the request unless it comes from this origin (or a trusted one) and its header matches
     * its cookie, and, when {@code sessionToken} is not null, that session's token.
     */
    void check(Context ctx, String sessionToken) {
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals(ownOrigin(ctx)) && !trustedOrigins.contains(origin)) {
            throw refused("Origin checking failed - " + origin + " does not match any trusted origins.");
        }
        String cookie = ctx.cookie(CookieSettings.CSRF_COOKIE);
        if (cookie == null || cookie.isEmpty()) {
            throw refused("CSRF cookie not set.");
        }
        String header = ctx.header(CookieSettings.CSRF_HEADER);
        if (header == null || header.isEmpty()) {
            throw refused("CSRF token missing.");
        }
        if (!same(header, cookie) || sessionToken != null && !same(header, sessionToken)) {
            throw refused("CSRF token incorrect.");
        }
    }

    private static String ownOrigin(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }

    /** In constant time: how much of a guess matched must not show in the answer's timing. */
    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static ApiError refused(String reason) {
        return ApiError.detail(403, "CSRF Failed: " + reason);
    }
}
