package tutorial.jwt.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The course's pages against the code and the servers they describe: the docs cannot drift. */
class DocsTest {

    static DocsChecker checker;

    @BeforeAll
    static void readThePages() {
        checker = new DocsChecker(Repository.root());
    }

    @Test
    void the_checker_finds_the_course_pages() {
        assertTrue(checker.pages().stream().anyMatch(page -> page.path().equals("docs/01-install.md")),
                () -> "no docs/01-install.md among " + checker.pages().stream().map(Page::path).toList());
    }

    @Test
    void every_excerpt_is_in_its_source_file() {
        assertNoProblems(checker.excerpts());
    }

    @Test
    void every_transcript_prints_what_the_steps_real_server_prints() {
        assertNoProblems(checker.transcripts());
    }

    @Test
    void every_relative_link_leads_to_a_file_or_folder() {
        assertNoProblems(checker.deadLinks());
    }

    @Test
    void every_docs_page_is_reachable_from_the_readme() {
        assertNoProblems(checker.unreachablePages());
    }

    private static void assertNoProblems(List<Problem> problems) {
        if (!problems.isEmpty()) {
            fail(Problem.report(problems));
        }
    }
}
