package tutorial.jwt.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker checked: small repositories with one thing broken each, to prove that every check
 * can fail, and says where. A checker that never fails would let the docs drift unseen.
 */
class DocsCheckerTest {

    /** A token as a page shows it: the author's, signed with a key the test server does not have. */
    static final String PASTED_ACCESS = token("{\"token_type\":\"access\",\"exp\":1795343970,\"user_id\":1}");

    static final String LOGIN = "$ curl -X POST http://127.0.0.1:8000/api/token/ -H \"Content-Type: application/json\""
            + " -d '{\"username\":\"your_username\", \"password\":\"your_password\"}'";

    @TempDir
    Path repo;

    @BeforeEach
    void aSmallCourse() throws IOException {
        write("README.md", "# Course\n\nStart [here](docs/README.md).\n");
        write("docs/README.md", "# Pages\n\n- [the page](page.md)\n- [the source](../src/)\n");
        write("src/Greeter.java", """
                class Greeter {
                    String greet(String name) {
                        return "Hello, " + name;
                    }
                }
                """);
    }

    @Test
    void a_correct_page_has_no_problems() throws IOException {
        write("docs/page.md", """
                # A page

                <!-- excerpt: src/Greeter.java -->
                ```java
                String greet(String name) {
                    return "Hello, " + name;
                }
                ```

                <!-- transcript: step 2 -->
                ```console
                %s
                {"refresh":"eyJ.any.token","access":"%s"}
                ```

                The access token the page shows is replaced by the one the server just made:

                <!-- transcript: step 2 -->
                ```console
                $ curl -X POST http://127.0.0.1:8000/api/token/verify/ -H "Content-Type: application/json" -d '{"token": "%s"}'
                {}
                ```

                <!-- transcript: step 2 wait PT5M -->
                ```console
                $ curl -X POST http://127.0.0.1:8000/api/token/verify/ -H "Content-Type: application/json" -d '{"token": "%s"}'
                {"detail":"Token is expired","code":"token_not_valid"}
                ```
                """.formatted(LOGIN, PASTED_ACCESS, PASTED_ACCESS, PASTED_ACCESS));

        DocsChecker checker = new DocsChecker(repo);

        assertEquals(List.of(), checker.excerpts());
        assertEquals(List.of(), checker.transcripts());
        assertEquals(List.of(), checker.deadLinks());
        assertEquals(List.of(), checker.unreachablePages());
    }

    @Test
    void a_changed_line_in_an_excerpt_is_reported_at_that_line() throws IOException {
        write("docs/page.md", """
                # A page

                <!-- excerpt: src/Greeter.java -->
                ```java
                String greet(String name) {
                    return "Goodbye, " + name;
                }
                ```
                """);

        Problem problem = onlyOne(new DocsChecker(repo).excerpts());

        assertEquals(new Problem("docs/page.md", 6, problem.message()), problem);
        assertTrue(problem.message().contains("src/Greeter.java:3"), problem.message());
        assertTrue(problem.message().contains("return \"Goodbye, \" + name;"), problem.message());
    }

    @Test
    void an_excerpt_of_a_missing_file_is_reported_at_its_marker() throws IOException {
        write("docs/page.md", "# A page\n\n<!-- excerpt: src/Gone.java -->\n```java\nclass Gone {}\n```\n");

        Problem problem = onlyOne(new DocsChecker(repo).excerpts());

        assertEquals(new Problem("docs/page.md", 3, "excerpt source src/Gone.java does not exist"), problem);
    }

    @Test
    void a_wrong_transcript_output_is_reported_with_the_command_and_both_outputs() throws IOException {
        write("docs/page.md", """
                # A page

                <!-- transcript: step 1 -->
                ```console
                $ curl -X POST http://127.0.0.1:8000/api/token/ -H "Content-Type: application/json" -d '{"username":"your_username", "password":"wrong"}'
                {"detail":"Welcome back!"}
                ```
                """);

        Problem problem = onlyOne(new DocsChecker(repo).transcripts());

        assertEquals(5, problem.line());
        assertEquals("docs/page.md", problem.page());
        assertTrue(problem.message().contains("$ curl -X POST http://127.0.0.1:8000/api/token/"), problem.message());
        assertTrue(problem.message().contains("{\"detail\":\"Welcome back!\"}"), problem.message());
        assertTrue(problem.message().contains("{\"detail\":\"No active account found with the given credentials\"}"), problem.message());
    }

    @Test
    void a_transcript_command_that_is_neither_curl_nor_run_is_reported() throws IOException {
        write("docs/page.md", "# A page\n\n<!-- transcript: step 1 -->\n```console\n$ wget http://127.0.0.1:8000/api/\n{}\n```\n");

        Problem problem = onlyOne(new DocsChecker(repo).transcripts());

        assertEquals(5, problem.line());
        assertTrue(problem.message().contains("`wget` is not curl"), problem.message());
    }

    @Test
    void a_run_command_is_replayed_and_its_output_compared() throws IOException {
        write("docs/page.md", "# A page\n\n<!-- transcript: step 1 -->\n```console\n"
                + "$ SUPERUSER_PASSWORD=pw ./run 1 createuser --noinput --username alice\nUser created successfully.\n"
                + "$ SUPERUSER_PASSWORD=pw ./run 1 createuser --noinput --username alice\nUser created successfully.\n```\n");

        Problem problem = onlyOne(new DocsChecker(repo).transcripts());

        assertEquals(7, problem.line());
        assertTrue(problem.message().contains("Error: That username is already taken."), problem.message());
    }

    @Test
    void a_command_that_runs_until_stopped_cannot_be_a_transcript() throws IOException {
        write("docs/page.md", "# A page\n\n<!-- transcript: step 1 -->\n```console\n$ ./run 1 runserver\nQuit the server with CONTROL-C.\n```\n");

        Problem problem = onlyOne(new DocsChecker(repo).transcripts());

        assertTrue(problem.message().contains("runs until stopped: show it without a transcript marker"), problem.message());
    }

    @Test
    void a_curl_option_the_checker_does_not_know_is_reported_by_name() throws IOException {
        write("docs/page.md", "# A page\n\n<!-- transcript: step 1 -->\n```console\n$ curl -L http://127.0.0.1:8000/api/\n{}\n```\n");

        Problem problem = onlyOne(new DocsChecker(repo).transcripts());

        assertEquals(5, problem.line());
        assertTrue(problem.message().contains("-L"), problem.message());
    }

    @Test
    void a_transcript_for_a_step_without_a_server_is_reported_at_its_marker() throws IOException {
        write("docs/page.md", "# A page\n\n<!-- transcript: step 99 -->\n```console\n$ curl http://127.0.0.1:8000/api/\n{}\n```\n");

        assertEquals(List.of(new Problem("docs/page.md", 3, "no server for step 99: add it to Steps")),
                new DocsChecker(repo).transcripts());
    }

    @Test
    void include_prints_the_status_line_and_the_headers_as_curl_does() throws IOException {
        write("docs/page.md", """
                # A page

                <!-- transcript: step 2 -->
                ```console
                $ curl -i -X POST http://127.0.0.1:8000/api/token/verify/ -H "Content-Type: application/json" -d '{"token": "x"}'
                HTTP/1.1 401 Unauthorized
                Date: Sat, 22 Nov 2025 10:00:00 GMT
                Content-Type: application/json
                WWW-Authenticate: Bearer realm="api"
                Content-Length: 55

                {"detail":"Token is invalid","code":"token_not_valid"}
                ```
                """);

        assertEquals(List.of(), new DocsChecker(repo).transcripts());
    }

    @Test
    void a_dead_link_is_reported_at_its_line() throws IOException {
        write("docs/page.md", "# A page\n\nSee [the code](../src/Greeter.java)\nand [the next page](03-next.md#top).\n");

        Problem problem = onlyOne(new DocsChecker(repo).deadLinks());

        assertEquals(new Problem("docs/page.md", 4, "link 03-next.md#top leads nowhere: docs/03-next.md does not exist"), problem);
    }

    @Test
    void links_in_code_and_to_the_web_are_not_followed() throws IOException {
        write("docs/page.md", "# A page\n\n[web](https://javalin.io) [anchor](#top) `[code](nowhere.md)`\n\n```\n[block](nowhere.md)\n```\n");

        assertEquals(List.of(), new DocsChecker(repo).deadLinks());
    }

    @Test
    void a_docs_page_no_link_reaches_is_reported() throws IOException {
        write("docs/page.md", "# A page\n");
        write("docs/orphan.md", "# Nobody links here\n\nBack to [the course](README.md).\n");

        assertEquals(List.of(new Problem("docs/orphan.md", 1,
                        "no link leads here: follow links from README.md and this page is never reached")),
                new DocsChecker(repo).unreachablePages());
    }

    private static Problem onlyOne(List<Problem> problems) {
        assertEquals(1, problems.size(), () -> Problem.report(problems));
        return problems.get(0);
    }

    private void write(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String token(String payload) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + base64.encodeToString("not the server's signature".getBytes(StandardCharsets.UTF_8));
    }
}
