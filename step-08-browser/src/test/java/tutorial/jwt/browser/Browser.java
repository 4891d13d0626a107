package tutorial.jwt.browser;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tutorial.jwt.install.TestServer;

/**
 * A browser's cookie jar for one site, kept by hand so the tests see every {@code Set-Cookie}: each
 * cookie by name and path, sent to the paths it was scoped to, deleted by {@code Max-Age=0}. It does
 * what a browser does with JavaScript that reads {@code csrftoken} and sends it as {@code X-CSRFToken}.
 */
final class Browser {

    private final TestServer server;
    /** "name path" → value. */
    private final Map<String, String> jar = new LinkedHashMap<>();
    Response last;

    Browser(TestServer server) {
        this.server = server;
    }

    String cookie(String name) {
        return jar.entrySet().stream().filter(e -> e.getKey().startsWith(name + " ")).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** The cookies this jar sends to {@code path}. */
    String cookieHeader(String path) {
        StringBuilder header = new StringBuilder();
        jar.forEach((key, value) -> {
            String cookiePath = key.substring(key.indexOf(' ') + 1);
            if (path.startsWith(cookiePath)) {
                header.append(header.isEmpty() ? "" : "; ").append(key, 0, key.indexOf(' ')).append('=').append(value);
            }
        });
        return header.toString();
    }

    RequestSpecification to(String path) {
        RequestSpecification request = server.request();
        String cookies = cookieHeader(path);
        return cookies.isEmpty() ? request : request.header("Cookie", cookies);
    }

    /** With the page's CSRF header, as a page script sends it on every unsafe request. */
    RequestSpecification withCsrf(String path) {
        return to(path).header("X-CSRFToken", cookie("csrftoken"));
    }

    Response keep(Response response) {
        last = response;
        for (String setCookie : response.headers().getValues("Set-Cookie")) {
            String[] parts = setCookie.split(";\\s*");
            String name = parts[0].substring(0, parts[0].indexOf('='));
            String value = parts[0].substring(parts[0].indexOf('=') + 1);
            String path = "/";
            boolean delete = false;
            for (String attribute : parts) {
                if (attribute.startsWith("Path=")) {
                    path = attribute.substring("Path=".length());
                } else if (attribute.equals("Max-Age=0")) {
                    delete = true;
                }
            }
            if (delete) {
                jar.remove(name + " " + path);
            } else {
                jar.put(name + " " + path, value);
            }
        }
        return response;
    }

    /** The steps a page takes to log in: fetch a CSRF token, then post the form with it. */
    Response logIn(String username) {
        keep(to(CookieTransport.CSRF_PATH).get(CookieTransport.CSRF_PATH));
        return keep(withCsrf("/api/token/").contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", TestServer.PASSWORD)).post("/api/token/"));
    }

    Response post(String path) {
        return keep(withCsrf(path).post(path));
    }

    List<String> setCookies() {
        return last.headers().getValues("Set-Cookie");
    }
}
