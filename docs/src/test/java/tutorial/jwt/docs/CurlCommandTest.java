package tutorial.jwt.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tutorial.jwt.docs.CurlCommand.Header;

/** The docs' curl commands are read as curl and a shell would read them. */
class CurlCommandTest {

    @Test
    void the_tutorials_login_command_is_a_json_post() {
        CurlCommand curl = CurlCommand.parse("curl -X POST http://127.0.0.1:8000/api/token/ -H \"Content-Type: application/json\""
                + " -d '{\"username\":\"your_username\", \"password\":\"your_password\"}'");
        assertEquals("POST", curl.method());
        assertEquals("http://127.0.0.1:8000/api/token/", curl.url());
        assertEquals(List.of(new Header("Content-Type", "application/json")), curl.headers());
        assertEquals("{\"username\":\"your_username\", \"password\":\"your_password\"}", curl.body());
        assertFalse(curl.include());
    }

    @Test
    void several_data_options_are_joined_with_ampersands_and_sent_as_a_form_by_post() {
        CurlCommand curl = CurlCommand.parse("curl -s http://localhost:8000/api/token/ -d username=u --data-raw 'password=p w'");
        assertEquals("POST", curl.method());
        assertEquals("username=u&password=p w", curl.body());
        assertEquals(List.of(new Header("Content-Type", "application/x-www-form-urlencoded")), curl.headers());
    }

    @Test
    void without_data_the_method_is_get_and_include_asks_for_the_headers() {
        CurlCommand curl = CurlCommand.parse("curl -i http://127.0.0.1:8000/api/");
        assertEquals("GET", curl.method());
        assertNull(curl.body());
        assertTrue(curl.include());
    }

    @Test
    void double_quotes_honour_backslash_escapes_and_single_quotes_do_not() {
        assertEquals(List.of("curl", "{\"a\": \"b\"}", "x\\y", "a b"),
                ShellWords.split("curl \"{\\\"a\\\": \\\"b\\\"}\" 'x\\y' a\\ b"));
    }

    @Test
    void an_unknown_option_is_refused_by_name() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> CurlCommand.parse("curl -L http://127.0.0.1:8000/api/"));
        assertTrue(error.getMessage().contains("-L"), error.getMessage());
    }

    @Test
    void a_command_that_is_not_curl_is_refused() {
        var error = assertThrows(IllegalArgumentException.class, () -> CurlCommand.parse("./run 1 createsuperuser"));
        assertTrue(error.getMessage().contains("./run"), error.getMessage());
    }

    @Test
    void shell_variables_and_pipes_are_refused_rather_than_sent_as_text() {
        assertThrows(IllegalArgumentException.class, () -> CurlCommand.parse("curl -H \"Authorization: Bearer $ACCESS\" http://127.0.0.1:8000/"));
        assertThrows(IllegalArgumentException.class, () -> CurlCommand.parse("curl http://127.0.0.1:8000/ | jq"));
    }
}
