package tutorial.jwt.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Relative links lead somewhere, and a reader starting at README.md can reach every docs page. */
final class LinkCheck {

    static final String START = "README.md";

    private final Path root;

    LinkCheck(Path root) {
        this.root = root;
    }

    List<Problem> deadLinks(List<Page> pages) {
        List<Problem> problems = new ArrayList<>();
        for (Page page : pages) {
            for (Link link : Link.in(page)) {
                link.resolve(root).ifPresent(target -> {
                    if (!target.startsWith(root)) {
                        problems.add(page.problem(link.line(), "link " + link.target() + " leads out of the repository"));
                    } else if (!Files.exists(target)) {
                        problems.add(page.problem(link.line(), "link " + link.target() + " leads nowhere: "
                                + root.relativize(target).toString().replace('\\', '/') + " does not exist"));
                    }
                });
            }
        }
        return problems;
    }

    /** Docs pages that no chain of links from README.md reaches. */
    List<Problem> unreachablePages(List<Page> pages) {
        Map<Path, Page> byFile = new LinkedHashMap<>();
        pages.forEach(page -> byFile.put(root.resolve(page.path()).normalize(), page));
        Page start = byFile.get(root.resolve(START));
        if (start == null) {
            return List.of(new Problem(START, 1, "missing: the course starts here"));
        }
        Set<Page> reached = new HashSet<>(List.of(start));
        Deque<Page> toVisit = new ArrayDeque<>(reached);
        while (!toVisit.isEmpty()) {
            for (Link link : Link.in(toVisit.pop())) {
                link.resolve(root).flatMap(target -> pageAt(target, byFile)).ifPresent(next -> {
                    if (reached.add(next)) {
                        toVisit.add(next);
                    }
                });
            }
        }
        return pages.stream()
                .filter(page -> page.path().startsWith("docs/") && !reached.contains(page))
                .map(page -> page.problem(1, "no link leads here: follow links from " + START + " and this page is never reached"))
                .toList();
    }

    /** The page a link opens: the file itself, or a folder's README.md as GitHub shows it. */
    private static Optional<Page> pageAt(Path target, Map<Path, Page> byFile) {
        Page page = byFile.get(target);
        return page != null ? Optional.of(page) : Optional.ofNullable(byFile.get(target.resolve(START)));
    }
}
