package tutorial.jwt.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fenced code block of a page (```java ... ```): its info string, the page line of its opening
 * fence, and its content lines (content line {@code i} is page line {@link #lineOf}{@code (i)}).
 */
record FencedBlock(String info, int openLine, List<String> lines, boolean closed) {

    private static final Pattern FENCE = Pattern.compile("^( {0,3})(`{3,}|~{3,})\\s*([^`\\s]*).*$");

    int lineOf(int index) {
        return openLine + 1 + index;
    }

    /** The page line of the closing fence (one past the end when the block is never closed). */
    int closeLine() {
        return openLine + lines.size() + 1;
    }

    boolean contains(int line) {
        return line >= openLine && line <= closeLine();
    }

    /** Every fenced block of the page, in order. */
    static List<FencedBlock> all(Page page) {
        List<FencedBlock> blocks = new ArrayList<>();
        List<String> lines = page.lines();
        int i = 0;
        while (i < lines.size()) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                i++;
                continue;
            }
            int indent = open.group(1).length();
            String fence = open.group(2);
            Pattern close = Pattern.compile("^ {0,3}" + Pattern.quote(fence.substring(0, 1)) + "{" + fence.length() + ",}\\s*$");
            List<String> content = new ArrayList<>();
            int j = i + 1;
            while (j < lines.size() && !close.matcher(lines.get(j)).matches()) {
                content.add(removeIndent(lines.get(j), indent)); // as CommonMark does for an indented fence
                j++;
            }
            blocks.add(new FencedBlock(open.group(3), i + 1, content, j < lines.size()));
            i = j + 1;
        }
        return blocks;
    }

    /** The block whose opening fence is the first non-blank line after page line {@code line}. */
    static Optional<FencedBlock> after(Page page, int line) {
        int next = line + 1;
        while (next <= page.lines().size() && page.line(next).isBlank()) {
            next++;
        }
        int opening = next;
        return all(page).stream().filter(block -> block.openLine() == opening).findFirst();
    }

    private static String removeIndent(String line, int indent) {
        int spaces = 0;
        while (spaces < indent && spaces < line.length() && line.charAt(spaces) == ' ') {
            spaces++;
        }
        return line.substring(spaces);
    }
}
