package tutorial.jwt.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A Markdown file: its path from the repository root ({@code docs/01-install.md}) and its lines. */
record Page(String path, List<String> lines) {

    static Page read(Path root, Path file) {
        String path = root.relativize(file).toString().replace('\\', '/');
        try {
            return new Page(path, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Line {@code number}, counting from 1 as editors and problem reports do. */
    String line(int number) {
        return lines.get(number - 1);
    }

    Problem problem(int line, String message) {
        return new Problem(path, line, message);
    }

    /** The folder the page sits in, where its relative links start. */
    Path folder(Path root) {
        Path parent = Path.of(path).getParent();
        return parent == null ? root : root.resolve(parent);
    }
}
