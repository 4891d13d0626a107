package tutorial.jwt.refresh.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Consumer;
import tutorial.jwt.foundation.json.StrictJson;

/**
 * The client side of the token lifecycle, with the JDK's HTTP client: log in once, send the access
 * token with every request, and when the server says the token is no longer good, refresh it once
 * and retry, keeping the new refresh token when the server rotates it.
 */
public final class SessionClient {

    /** One HTTP answer. */
    public record Response(int status, String body) {
    }

    private final URI server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Consumer<String> log;
    private String access;
    private String refresh;

    /** {@code log} receives a line for every request and response (tokens shortened). */
    public SessionClient(URI server, Consumer<String> log) {
        this.server = server;
        this.log = log;
    }

    /** {@code POST /api/token/}; true when the server handed out a pair. */
    public boolean login(String username, String password) {
        Response response = post("/api/token/", Map.of("username", username, "password", password),
                "{\"username\": \"" + username + "\", \"password\": \"***\"}");
        if (response.status() != 200) {
            return false;
        }
        Map<String, Object> pair = json(response.body());
        access = (String) pair.get("access");
        refresh = (String) pair.get("refresh");
        return true;
    }

    /** {@code GET path} as the logged-in user, refreshing once if the access token was refused. */
    public Response get(String path) {
        Response response = send(path);
        if (response.status() == 401 && response.body().contains("\"code\":\"token_not_valid\"")) {
            log.accept("The access token was refused: refreshing once and retrying.");
            if (!refreshTokens()) {
                log.accept("The refresh token was refused too: log in again.");
                return response;
            }
            response = send(path);
        }
        return response;
    }

    /** The current access token (for showing when it expires). */
    public String accessToken() {
        return access;
    }

    private boolean refreshTokens() {
        Response response = post("/api/token/refresh/", Map.of("refresh", refresh),
                "{\"refresh\": \"" + Tokens.shorten(refresh) + "\"}");
        if (response.status() != 200) {
            return false;
        }
        Map<String, Object> tokens = json(response.body());
        access = (String) tokens.get("access");
        if (tokens.get("refresh") instanceof String rotated) {
            refresh = rotated; // the old one may be blacklisted now: only the new one will work
            log.accept("The server rotated the refresh token: keeping the new one.");
        }
        return true;
    }

    private Response send(String path) {
        log.accept("> GET " + path + "   (Authorization: Bearer " + Tokens.shorten(access) + ")");
        HttpRequest request = HttpRequest.newBuilder(server.resolve(path))
                .header("Authorization", "Bearer " + access).GET().build();
        return exchange(request);
    }

    private Response post(String path, Map<String, String> body, String shown) {
        log.accept("> POST " + path + " " + shown);
        HttpRequest request = HttpRequest.newBuilder(server.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(StrictJson.write(body))).build();
        return exchange(request);
    }

    private Response exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            log.accept("< " + response.statusCode() + " " + Tokens.shortenAll(response.body()));
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + server + " (is the step-4 server running?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) {
        return (Map<String, Object>) StrictJson.parse(body);
    }
}
