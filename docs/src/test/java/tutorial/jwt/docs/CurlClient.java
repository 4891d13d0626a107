package tutorial.jwt.docs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link CurlCommand} with the JDK's HTTP client against a test server, in place of the
 * {@code http://127.0.0.1:8000} the pages use: a machine with only a JDK needs no curl.
 */
final class CurlClient {

    /** The addresses a reader's server has; the pages may use either. */
    private static final List<String> PAGE_ADDRESSES = List.of("http://127.0.0.1:8000", "http://localhost:8000");

    private final String address;
    /** The reader's cookie jar: "name path" → value, as curl keeps cookies for one host. */
    private final Map<String, String> jar = new LinkedHashMap<>();

    CurlClient(int port) {
        this.address = "http://127.0.0.1:" + port;
    }

    CurlResponse send(CurlCommand curl) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serverUrl(curl.url())))
                .method(curl.method(), curl.body() == null
                        ? BodyPublishers.noBody() : BodyPublishers.ofString(curl.body(), StandardCharsets.UTF_8));
        // curl's own headers, unless the command sets them: a server may answer "Accept: */*" differently.
        if (!hasHeader(curl, "Accept")) {
            request.header("Accept", "*/*");
        }
        if (!hasHeader(curl, "User-Agent")) {
            request.header("User-Agent", "curl/8");
        }
        curl.headers().forEach(header -> request.header(header.name(), header.value()));
        String path = URI.create(curl.url()).getPath();
        if (curl.sendsCookies() && !cookiesFor(path).isEmpty()) {
            request.header("Cookie", cookiesFor(path));
        }

        // A client per command: each curl is a new process with a new connection, and a server may
        // treat a kept-alive connection differently (Jetty reuses header values it has already seen).
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var response = http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (curl.keepsCookies()) {
            response.headers().allValues("Set-Cookie").forEach(this::keep);
        }
        List<CurlCommand.Header> headers = new ArrayList<>();
        response.headers().map().forEach((name, values) ->
                values.forEach(value -> headers.add(new CurlCommand.Header(name, value))));
        // The server names itself with its random port; the reader's says 8000.
        String body = response.body().replace(address, PAGE_ADDRESSES.get(0));
        return new CurlResponse(response.statusCode(), headers, body);
    }

    private String cookiesFor(String path) {
        List<String> pairs = new ArrayList<>();
        jar.forEach((key, value) -> {
            String[] nameAndPath = key.split(" ", 2);
            if (path.startsWith(nameAndPath[1])) {
                pairs.add(nameAndPath[0] + "=" + value);
            }
        });
        return String.join("; ", pairs);
    }

    /** A {@code Set-Cookie} into the jar; {@code Max-Age=0} takes the cookie out. */
    private void keep(String setCookie) {
        String[] parts = setCookie.split(";\\s*");
        String name = parts[0].substring(0, parts[0].indexOf('='));
        String path = "/";
        boolean expired = false;
        for (String attribute : parts) {
            if (attribute.startsWith("Path=")) {
                path = attribute.substring("Path=".length());
            }
            expired |= attribute.equals("Max-Age=0");
        }
        if (expired) {
            jar.remove(name + " " + path);
        } else {
            jar.put(name + " " + path, parts[0].substring(parts[0].indexOf('=') + 1));
        }
    }

    private String serverUrl(String url) {
        for (String page : PAGE_ADDRESSES) {
            if (url.equals(page) || url.startsWith(page + "/")) {
                return address + url.substring(page.length());
            }
        }
        throw new IllegalArgumentException("transcripts talk to the step's server at http://127.0.0.1:8000 only, not " + url);
    }

    private static boolean hasHeader(CurlCommand curl, String name) {
        return curl.headers().stream().anyMatch(header -> header.name().equalsIgnoreCase(name));
    }
}
