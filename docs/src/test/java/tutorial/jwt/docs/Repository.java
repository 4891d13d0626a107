package tutorial.jwt.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The course repository on disk: where its root is, and which Markdown pages it has. */
final class Repository {

    private Repository() {
    }

    /**
     * The repository root, found by walking up from the module's folder: surefire runs the tests in
     * {@code docs/} (and sets {@code basedir}), an IDE may run them from the root or elsewhere.
     */
    static Path root() {
        Path start = Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("README.md"))
                    && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root (pom.xml, README.md and docs/) above " + start);
    }

    /** Every {@code *.md} file, skipping build output ({@code target/}) and hidden folders ({@code .git}). */
    static List<Page> pages(Path root) {
        List<Page> pages = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName().toString();
                    boolean skip = !dir.equals(root) && (name.equals("target") || name.startsWith("."));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.getFileName().toString().endsWith(".md")) {
                        pages.add(Page.read(root, file));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pages.sort(Comparator.comparing(Page::path));
        return pages;
    }
}
