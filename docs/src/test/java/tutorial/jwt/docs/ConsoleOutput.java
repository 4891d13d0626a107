package tutorial.jwt.docs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Console output made comparable: what changes from run to run, or from curl to the JDK's client,
 * is taken out of both the page and the server's answer before they are compared.
 */
final class ConsoleOutput {

    private ConsoleOutput() {
    }

    /**
     * A command's output: as {@link #normalise(String, boolean)} without headers, and what depends
     * on the moment it ran (ISO times, epoch seconds, "in 4m 59s", random {@code jti}s) made neutral.
     */
    static List<String> normaliseCommand(String text) {
        String neutral = text
                .replaceAll("\"[0-9a-f]{32}\"", "\"<jti>\"")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", "<time>")
                .replaceAll("\\b\\d{10}\\b", "<epoch>")
                .replaceAll("\\b(in )?(\\d+[dhms]\\b ?)+(ago\\b)?|\\bnow\\b", "<span>");
        return normalise(neutral, false);
    }

    /**
     * Key material differs on every run as tokens do: a JWK's modulus or curve point becomes
     * {@code <key>}, a key id (an RFC 7638 thumbprint, 43 base64url characters) {@code <kid>}, and a
     * CSRF token {@code <csrf>}.
     */
    static String maskKeys(String text) {
        return text.replaceAll("\"(n|x|y)\":\"[A-Za-z0-9_-]+\"", "\"$1\":\"<key>\"")
                .replaceAll("(?<=csrftoken\":\"|csrftoken=)[0-9a-f]{32}", "<csrf>")
                .replaceAll("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])", "<kid>");
    }

    /**
     * Tokens become {@code <jwt>}, key material {@code <key>} and {@code <kid>} (see {@link #maskKeys}); trailing whitespace and trailing blank lines go. With {@code -i},
     * the {@code Date} and {@code Content-Length} headers go too, and the headers are sorted with
     * lower-case names: the JDK's client reports them in neither curl's order nor its case.
     */
    static List<String> normalise(String text, boolean include) {
        List<String> lines = new ArrayList<>(maskKeys(Jwt.mask(text)).lines().map(String::stripTrailing).toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (!include || lines.isEmpty()) {
            return lines;
        }
        int end = lines.indexOf("");
        if (end < 0) {
            end = lines.size();
        }
        List<String> headers = new ArrayList<>();
        for (String header : lines.subList(1, end)) {
            String name = header.contains(":") ? header.substring(0, header.indexOf(':')).toLowerCase(Locale.ROOT) : header;
            if (!name.equals("date") && !name.equals("content-length")) {
                headers.add(name + header.substring(name.length()));
            }
        }
        headers.sort(Comparator.naturalOrder());
        List<String> normalised = new ArrayList<>();
        normalised.add(lines.get(0));
        normalised.addAll(headers);
        normalised.addAll(lines.subList(end, lines.size()));
        return normalised;
    }
}
