package tutorial.jwt.docs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Markdown link of a page, {@code [text](target)} or a reference {@code [name]: target}, and where it is. */
record Link(Page page, int line, String target) {

    private static final Pattern INLINE = Pattern.compile("\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?.*$");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+).+?\\1");
    private static final List<String> EXTERNAL = List.of("http:", "https:", "mailto:");

    /** Every link outside code: code blocks and `code spans` show text, they do not link. */
    static List<Link> in(Page page) {
        List<FencedBlock> code = FencedBlock.all(page);
        List<Link> links = new ArrayList<>();
        for (int line = 1; line <= page.lines().size(); line++) {
            int number = line;
            if (code.stream().anyMatch(block -> block.contains(number))) {
                continue;
            }
            String text = CODE_SPAN.matcher(page.line(line)).replaceAll("");
            Matcher inline = INLINE.matcher(text);
            while (inline.find()) {
                links.add(new Link(page, line, inline.group(1)));
            }
            Matcher reference = REFERENCE.matcher(text);
            if (reference.matches()) {
                links.add(new Link(page, line, reference.group(1)));
            }
        }
        return links;
    }

    /** The file or folder a relative link points to; empty for web links and anchors in the same page. */
    Optional<Path> resolve(Path root) {
        if (target.startsWith("#") || EXTERNAL.stream().anyMatch(target::startsWith)) {
            return Optional.empty();
        }
        String path = target.replaceAll("[#?].*$", "");
        path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8); // %20 and the like
        Path base = path.startsWith("/") ? root : page.folder(root); // GitHub reads /x as the repository's x
        return Optional.of(base.resolve(path.replaceFirst("^/+", "")).normalize());
    }
}
