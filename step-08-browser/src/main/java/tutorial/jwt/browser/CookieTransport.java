package tutorial.jwt.browser;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tutorial.jwt.endpoints.TokenRefreshView;
import tutorial.jwt.foundation.errors.ApiError;
import tutorial.jwt.foundation.json.StrictJson;
import tutorial.jwt.foundation.web.Open;
import tutorial.jwt.foundation.web.RequestData;
import tutorial.jwt.foundation.web.WebModule;
import tutorial.jwt.install.settings.JwtSettings;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenCodec;
import tutorial.jwt.install.tokens.TokenError;
import tutorial.jwt.install.tokens.TokenFactory;
import tutorial.jwt.install.web.TokenObtainView;
import tutorial.jwt.protect.web.AuthGate;

/**
 * Tokens in {@code HttpOnly} cookies, for browser clients, around the unchanged views of steps 1 to 6.
 * A client that sends the {@code X-CSRFToken} header with its login, or its refresh token in the
 * refresh cookie, is a cookie client: its new tokens go into cookies, never into a body that page
 * script could read (the body has the session's CSRF token instead), and each request a cookie
 * authenticates must pass the {@link Csrf} check. A
 * client that sends tokens in bodies and the {@code Authorization} header sees Simple JWT's API as it was.
 */
final class CookieTransport implements WebModule {

    static final String CSRF_PATH = "/api/token/csrf/";
    static final String LOGOUT_PATH = "/api/token/blacklist/";
    static final String LOGOUT_ALL_PATH = "/api/token/blacklist/all/";
    /** The refresh cookie goes to these paths only: the views that take a refresh token. */
    static final List<String> REFRESH_COOKIE_PATHS = List.of(TokenRefreshView.PATH, LOGOUT_PATH);
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    private static final String COOKIE_CLIENT = "tutorial.jwt.browser.cookie-client";
    private static final Pattern CSRF_TOKEN = Pattern.compile("[0-9a-f]{32}");

    private final CookieSettings cookies;
    private final JwtSettings jwt;
    private final TokenCodec codec;
    private final Csrf csrf;

    CookieTransport(CookieSettings cookies, JwtSettings jwt, TokenCodec codec, Csrf csrf) {
        this.cookies = cookies;
        this.jwt = jwt;
        this.codec = codec;
        this.csrf = csrf;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get(CSRF_PATH, this::csrfCookie, Open.NO_AUTHENTICATION);
        config.routes.before(TokenObtainView.PATH, this::login);
        config.routes.before(TokenRefreshView.PATH, this::refreshTokenFromCookie);
        config.routes.before(LOGOUT_PATH, this::refreshTokenFromCookie);
        config.routes.after(TokenObtainView.PATH, this::tokensIntoCookies);
        config.routes.after(TokenRefreshView.PATH, this::tokensIntoCookies);
        config.routes.after(LOGOUT_PATH, this::clearCookies);
        config.routes.after(LOGOUT_ALL_PATH, this::clearCookies);
    }

    @Override
    public Map<String, String> endpoints() {
        return Map.of("token_csrf", CSRF_PATH);
    }

    /**
     * For step 3's gate: the {@code Authorization} header as before, else the access cookie, which
     * must pass the CSRF check on an unsafe request. With a header, no cookie is looked at.
     */
    AuthGate.Credentials credentials() {
        AuthGate.Credentials header = AuthGate.header(jwt.authHeaderName());
        return ctx -> {
            String sent = header.of(ctx);
            String cookie = ctx.cookie(cookies.accessCookie());
            if (sent != null || cookie == null || cookie.isEmpty()) {
                return sent;
            }
            if (!SAFE.contains(ctx.method())) {
                csrf.check(ctx, sessionCsrf(cookie, TokenFactory.ACCESS));
            }
            ctx.attribute(COOKIE_CLIENT, true);
            return jwt.authHeaderTypes().get(0) + " " + cookie;
        };
    }

    /**
     * {@code GET /api/token/csrf/}: the CSRF token, in the cookie and the body. As Django's
     * {@code get_token}, the one the browser has is kept, so a logged-in session stays usable; a new one
     * is made only when there is none (or it is not one of ours).
     */
    private void csrfCookie(Context ctx) {
        String sent = ctx.cookie(CookieSettings.CSRF_COOKIE);
        String token = sent != null && CSRF_TOKEN.matcher(sent).matches() ? sent : FamilyTokenFactory.random();
        setCookie(ctx, CookieSettings.CSRF_COOKIE, token, "/", jwt.refreshTokenLifetime(), false);
        ctx.json(Map.of("csrftoken", token));
    }

    /** A login with the CSRF header is a cookie client's: there is no session yet, so the header matches the cookie. */
    private void login(Context ctx) {
        if (ctx.method() == HandlerType.POST && ctx.header(CookieSettings.CSRF_HEADER) != null) {
            csrf.check(ctx, null);
            ctx.attribute(COOKIE_CLIENT, true);
        }
    }

    /** Refresh and logout: without a {@code refresh} in the body, the refresh cookie is the token, after the CSRF check. */
    private void refreshTokenFromCookie(Context ctx) {
        String cookie = ctx.cookie(cookies.refreshCookie());
        if (ctx.method() != HandlerType.POST || cookie == null || cookie.isEmpty() || bodySends(ctx, "refresh")) {
            return;
        }
        csrf.check(ctx, sessionCsrf(cookie, TokenFactory.REFRESH));
        RequestData.supply(ctx, "refresh", cookie);
        ctx.attribute(COOKIE_CLIENT, true);
    }

    /** A cookie client's new tokens: into cookies, out of the body; and the session's CSRF token into its cookie. */
    private void tokensIntoCookies(Context ctx) {
        if (!isCookieClient(ctx) || ctx.status().getCode() != 200) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) StrictJson.parse(ctx.result()));
        if (body.remove("access") instanceof String access) {
            String csrfToken = sessionCsrf(access, TokenFactory.ACCESS);
            setCookie(ctx, cookies.accessCookie(), access, "/", jwt.accessTokenLifetime(), true);
            setCookie(ctx, CookieSettings.CSRF_COOKIE, csrfToken, "/", jwt.refreshTokenLifetime(), false);
            body.put(CookieSettings.CSRF_COOKIE, csrfToken); // what the page sends as X-CSRFToken from now on
        }
        if (body.remove("refresh") instanceof String refresh) {
            for (String path : REFRESH_COOKIE_PATHS) {
                setCookie(ctx, cookies.refreshCookie(), refresh, path, jwt.refreshTokenLifetime(), true);
            }
        }
        ctx.result(StrictJson.write(body));
    }

    private void clearCookies(Context ctx) {
        if (!isCookieClient(ctx) || ctx.status().getCode() != 200) {
            return;
        }
        setCookie(ctx, cookies.accessCookie(), "", "/", Duration.ZERO, true);
        for (String path : REFRESH_COOKIE_PATHS) {
            setCookie(ctx, cookies.refreshCookie(), "", path, Duration.ZERO, true);
        }
        setCookie(ctx, CookieSettings.CSRF_COOKIE, "", "/", Duration.ZERO, false);
    }

    private static boolean isCookieClient(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(COOKIE_CLIENT));
    }

    /** The CSRF token a valid session token carries; null for a token that does not verify (its view refuses it). */
    private String sessionCsrf(String raw, String type) {
        try {
            Token token = codec.verify(raw, type);
            return token.claim(FamilyTokenFactory.CSRF_CLAIM) instanceof String value ? value : "";
        } catch (TokenError e) {
            return null;
        }
    }

    private static boolean bodySends(Context ctx, String field) {
        try {
            return RequestData.of(ctx).get(field) != null;
        } catch (ApiError e) {
            return true; // a body that does not parse: the view answers it, as for any client
        }
    }

    /** One {@code Set-Cookie}, every attribute written out. A max-age of zero deletes the cookie, with Django's past {@code Expires}. */
    private void setCookie(Context ctx, String name, String value, String path, Duration maxAge, boolean httpOnly) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value)
                .append("; Path=").append(path).append("; Max-Age=").append(maxAge.toSeconds());
        if (maxAge.isZero()) {
            cookie.append("; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
        }
        if (httpOnly) {
            cookie.append("; HttpOnly");
        }
        if (cookies.secure()) {
            cookie.append("; Secure");
        }
        cookie.append("; SameSite=").append(cookies.sameSite());
        ctx.res().addHeader("Set-Cookie", cookie.toString());
    }
}
