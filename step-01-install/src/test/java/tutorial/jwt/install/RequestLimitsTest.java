package tutorial.jwt.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tutorial.jwt.foundation.json.StrictJson;

/**
 * What a client may send and what it gets when it sends too much or something that is not HTTP:
 * always the contract's JSON, never Jetty's HTML page, never a 5xx.
 */
class RequestLimitsTest {

    static final String TOO_LARGE = "{\"detail\":\"Request body is too large (the limit is 65536 bytes).\"}";
    static final String MALFORMED = "{\"detail\":\"Malformed request.\"}";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(new Main());
        server.createUser("alice");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static RawHttp.Response send(RawHttp request) {
        return request.send(server.port());
    }

    static void assertJson(int status, String body, RawHttp.Response response) {
        assertEquals(status, response.status(), response.body());
        assertEquals("application/json", response.header("Content-Type"), response.headers().toString());
        assertEquals(StrictJson.parse(body), StrictJson.parse(response.body()));
    }

    static String login(String password) {
        return "{\"username\": \"alice\", \"password\": \"" + password + "\"}";
    }

    @Test
    void headers_over_8_kib_get_431_in_json() {
        RawHttp.Response response = send(RawHttp.request("POST", "/api/token/")
                .header("Content-Type", "application/json").header("X-Padding", "a".repeat(16 * 1024)).body(login("x")));
        assertJson(431, "{\"detail\":\"Request header fields are too large (the limit is 8192 bytes).\"}", response);
    }

    @Test
    void many_small_headers_count_together() {
        RawHttp request = RawHttp.request("GET", "/api/");
        for (int i = 0; i < 1000; i++) {
            request.header("X-Header-" + i, "value");
        }
        assertEquals(431, send(request).status());
    }

    @Test
    void a_uri_over_the_limit_gets_414_in_json() {
        assertJson(414, "{\"detail\":\"Request URI is too long.\"}", send(RawHttp.request("GET", "/api/" + "a".repeat(16 * 1024))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /api/ HTTP/1.1\r\nHost: x\r\nBad Header: x\r\nConnection: close\r\n\r\n",
            "GET /api/ HTTP/1.1\r\nHost: x\r\nX-Control: a\u0001b\r\nConnection: close\r\n\r\n",
            "GET /api/ HTTP/1.1\r\nConnection: close\r\n\r\n",
            "GET /api/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "POST /api/token/ HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\nConnection: close\r\n\r\n{}x",
            "POST /api/token/ HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n",
            "GET /api/ HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET /api/\r\n\r\n"})
    void a_request_that_is_not_well_formed_http_gets_400_in_json(String wire) {
        assertJson(400, MALFORMED, RawHttp.send(server.port(), wire.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void a_broken_chunked_body_is_the_client_s_error_not_a_server_error() {
        String wire = "POST /api/token/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
        assertJson(400, MALFORMED, RawHttp.send(server.port(), wire.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=b"})
    void a_1_mib_body_gets_413_with_or_without_a_content_length(String contentType) {
        byte[] big = bigBody(contentType);
        assertJson(413, TOO_LARGE, send(RawHttp.request("POST", "/api/token/").header("Content-Type", contentType).body(big)));
        assertJson(413, TOO_LARGE, send(RawHttp.request("POST", "/api/token/").header("Content-Type", contentType).body(big).chunked()));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void a_client_that_uploads_10_mib_before_it_reads_still_gets_the_413(boolean chunked) {
        RawHttp upload = RawHttp.request("POST", "/api/token/").header("Content-Type", "application/json")
                .body(new byte[10 * 1024 * 1024]);
        for (int i = 0; i < 3; i++) {
            assertJson(413, TOO_LARGE, (chunked ? upload.chunked() : upload).sendWritingFirst(server.port()));
        }
    }

    @Test
    void a_body_just_under_the_limit_is_read() {
        String password = "p".repeat(60 * 1024);
        assertJson(401, "{\"detail\":\"No active account found with the given credentials\"}",
                send(RawHttp.request("POST", "/api/token/").header("Content-Type", "application/json").body(login(password))));
    }

    @Test
    void a_multipart_login_works_as_in_drf() {
        RawHttp.Response response = send(RawHttp.request("POST", "/api/token/")
                .header("Content-Type", "multipart/form-data; boundary=b")
                .body(part("username", "alice") + part("password", TestServer.PASSWORD) + "--b--\r\n"));
        assertEquals(200, response.status(), response.body());
        assertTrue(response.body().startsWith("{\"refresh\":\"eyJ"), response.body());
    }

    @Test
    void a_file_where_a_field_belongs_is_not_a_valid_string() {
        String file = "--b\r\nContent-Disposition: form-data; name=\"username\"; filename=\"u.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nalice\r\n";
        assertJson(400, "{\"username\":[\"Not a valid string.\"]}", send(RawHttp.request("POST", "/api/token/")
                .header("Content-Type", "multipart/form-data; boundary=b")
                .body(file + part("password", TestServer.PASSWORD) + "--b--\r\n")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=other"})
    void a_multipart_body_that_does_not_parse_is_malformed(String contentType) {
        assertJson(400, MALFORMED, send(RawHttp.request("POST", "/api/token/").header("Content-Type", contentType)
                .body(part("username", "alice") + "--b--\r\n")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=foo", "application/json; charset=x-@@",
            "application/x-www-form-urlencoded; charset=foo"})
    void an_unknown_charset_is_an_unsupported_media_type(String contentType) {
        assertJson(415, StrictJson.write(Map.of("detail", "Unsupported media type \"" + contentType + "\" in request.")),
                send(RawHttp.request("POST", "/api/token/").header("Content-Type", contentType).body(login("x"))));
    }

    @Test
    void a_declared_charset_is_honoured() {
        byte[] utf16 = login(TestServer.PASSWORD).getBytes(StandardCharsets.UTF_16BE);
        RawHttp.Response response = send(RawHttp.request("POST", "/api/token/")
                .header("Content-Type", "application/json; charset=UTF-16BE").body(utf16));
        assertEquals(200, response.status(), response.body());
    }

    static String part(String name, String value) {
        return "--b\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    static byte[] bigBody(String contentType) {
        String value = "a".repeat(1024 * 1024);
        String body = contentType.startsWith("multipart")
                ? part("username", value) + part("password", "x") + "--b--\r\n"
                : contentType.endsWith("json") ? login(value) : "username=" + value + "&password=x";
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
