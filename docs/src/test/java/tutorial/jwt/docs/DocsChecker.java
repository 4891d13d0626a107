package tutorial.jwt.docs;

import java.nio.file.Path;
import java.util.List;

/**
 * The docs checker: each check reads the repository's pages and returns what it found wrong, by page
 * and line. The docs tests run it on the real pages; its self-test runs it on broken ones.
 */
final class DocsChecker {

    private final Path root;
    private final List<Page> pages;

    DocsChecker(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.pages = Repository.pages(this.root);
    }

    List<Page> pages() {
        return pages;
    }

    List<Problem> excerpts() {
        ExcerptCheck check = new ExcerptCheck(root);
        return pages.stream().flatMap(page -> check.check(page).stream()).toList();
    }

    List<Problem> transcripts() {
        TranscriptCheck check = new TranscriptCheck();
        return pages.stream().flatMap(page -> check.check(page).stream()).toList();
    }

    List<Problem> deadLinks() {
        return new LinkCheck(root).deadLinks(pages);
    }

    List<Problem> unreachablePages() {
        return new LinkCheck(root).unreachablePages(pages);
    }
}
