package tutorial.jwt.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code <!-- excerpt: path/from/repo/root -->} before a code block: the block's lines must be
 * consecutive lines of that file. Only relative indentation counts, so a method shown without its
 * class's indentation still matches; trailing whitespace never counts.
 */
final class ExcerptCheck {

    private static final Pattern MARKER = Pattern.compile("<!--\\s*excerpt:\\s*(\\S+)\\s*-->");
    private static final Pattern ANY_MARKER = Pattern.compile("<!--\\s*excerpt\\b.*");

    private final Path root;

    ExcerptCheck(Path root) {
        this.root = root;
    }

    List<Problem> check(Page page) {
        List<Problem> problems = new ArrayList<>();
        for (int line = 1; line <= page.lines().size(); line++) {
            String text = page.line(line).strip();
            Matcher marker = MARKER.matcher(text);
            if (marker.matches()) {
                int markerLine = line;
                FencedBlock.after(page, line).ifPresentOrElse(
                        block -> compare(page, markerLine, block, marker.group(1)).ifPresent(problems::add),
                        () -> problems.add(page.problem(markerLine, "an excerpt marker must be followed by a code block")));
            } else if (ANY_MARKER.matcher(text).matches()) {
                problems.add(page.problem(line, "malformed marker, expected <!-- excerpt: path/from/repo/root -->"));
            }
        }
        return problems;
    }

    private Optional<Problem> compare(Page page, int markerLine, FencedBlock block, String file) {
        Path source = root.resolve(file).normalize();
        if (!source.startsWith(root) || !Files.isRegularFile(source)) {
            return Optional.of(page.problem(markerLine, "excerpt source " + file + " does not exist"));
        }
        List<String> excerpt = dedent(block.lines());
        if (excerpt.stream().allMatch(String::isEmpty)) {
            return Optional.of(page.problem(block.openLine(), "the excerpt of " + file + " is empty"));
        }
        List<String> code = read(source);

        // Slide the excerpt over the file; remember the window with the most equal lines, to show
        // the reader where the page and the code part ways.
        int bestStart = -1;
        int bestEqual = 0;
        for (int start = 0; start + excerpt.size() <= code.size(); start++) {
            List<String> window = dedent(code.subList(start, start + excerpt.size()));
            if (window.equals(excerpt)) {
                return Optional.empty();
            }
            int equal = countEqual(window, excerpt);
            if (equal > bestEqual) {
                bestEqual = equal;
                bestStart = start;
            }
        }
        if (bestStart < 0) {
            return Optional.of(page.problem(block.lineOf(0), "excerpt not found in " + file));
        }
        List<String> closest = dedent(code.subList(bestStart, bestStart + excerpt.size()));
        int differs = 0;
        while (closest.get(differs).equals(excerpt.get(differs))) {
            differs++;
        }
        return Optional.of(page.problem(block.lineOf(differs), "excerpt not found in " + file
                + "; the closest match differs at " + file + ":" + (bestStart + differs + 1)
                + "\n    page: " + excerpt.get(differs)
                + "\n    code: " + closest.get(differs)));
    }

    private static int countEqual(List<String> a, List<String> b) {
        int equal = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).equals(b.get(i))) {
                equal++;
            }
        }
        return equal;
    }

    /** The lines without trailing whitespace and without the leading whitespace they all share. */
    static List<String> dedent(List<String> lines) {
        List<String> stripped = lines.stream().map(String::stripTrailing).toList();
        String common = null;
        for (String line : stripped) {
            if (line.isEmpty()) {
                continue;
            }
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            common = common == null ? indent : sharedPrefix(common, indent);
        }
        int cut = common == null ? 0 : common.length();
        return stripped.stream().map(line -> line.isEmpty() ? line : line.substring(cut)).toList();
    }

    private static String sharedPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.substring(0, i);
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
