package tutorial.jwt.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * A curl command line from a page, understood as curl would run it. Only the options the course
 * uses are known; any other is refused by name, so a page cannot show a command the checker would
 * silently run differently.
 */
record CurlCommand(String method, String url, List<Header> headers, String body, boolean include,
                   boolean sendsCookies, boolean keepsCookies) {

    record Header(String name, String value) {
    }

    static CurlCommand parse(String commandLine) {
        List<String> words = ShellWords.split(commandLine);
        if (words.isEmpty() || !words.get(0).equals("curl")) {
            String program = words.isEmpty() ? "" : words.get(0);
            throw new IllegalArgumentException("`" + program + "` is not curl: a transcript replays curl commands and ./run N lines only"
                    + " (remove the transcript marker if the block is only for reading)");
        }
        String method = null;
        String url = null;
        List<Header> headers = new ArrayList<>();
        List<String> data = new ArrayList<>();
        boolean include = false;
        boolean sendsCookies = false;
        boolean keepsCookies = false;

        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "-X", "--request" -> method = valueOf(words, ++i, word);
                case "-H", "--header" -> headers.add(header(valueOf(words, ++i, word)));
                case "-d", "--data" -> data.add(notFromFile(valueOf(words, ++i, word), word));
                case "--data-raw" -> data.add(valueOf(words, ++i, word));
                case "-s", "--silent" -> { } // curl prints no progress meter into a pipe anyway
                case "-i", "--include" -> include = true;
                case "-si", "-is" -> include = true;
                case "-b", "--cookie" -> sendsCookies = cookieJar(valueOf(words, ++i, word), word);
                case "-c", "--cookie-jar" -> keepsCookies = cookieJar(valueOf(words, ++i, word), word);
                default -> {
                    if (word.startsWith("-")) {
                        throw new IllegalArgumentException("the docs checker does not know the curl option " + word
                                + " (it knows -X, -H, -d, --data-raw, -s, -i, -b and -c with a cookie jar file)");
                    }
                    if (url != null) {
                        throw new IllegalArgumentException("a second URL: " + word);
                    }
                    url = word;
                }
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("no URL");
        }
        String body = data.isEmpty() ? null : String.join("&", data); // several -d, as curl joins them
        if (body != null && headers.stream().noneMatch(h -> h.name().equalsIgnoreCase("Content-Type"))) {
            headers.add(new Header("Content-Type", "application/x-www-form-urlencoded")); // curl's default for -d
        }
        if (method == null) {
            method = body == null ? "GET" : "POST";
        }
        return new CurlCommand(method, url, List.copyOf(headers), body, include, sendsCookies, keepsCookies);
    }

    /** {@code -b jar} and {@code -c jar}: the reader's cookie jar file, one per terminal (the checker keeps it in memory). */
    private static boolean cookieJar(String file, String option) {
        if (file.contains("=")) {
            throw new IllegalArgumentException(option + " " + file + " sends a cookie by hand: use a jar file, as in -b jar.txt");
        }
        return true;
    }

    private static String valueOf(List<String> words, int index, String option) {
        if (index >= words.size()) {
            throw new IllegalArgumentException("the curl option " + option + " needs a value");
        }
        return words.get(index);
    }

    private static Header header(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("a header must read \"Name: value\", not \"" + line + "\"");
        }
        return new Header(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
    }

    private static String notFromFile(String data, String option) {
        if (data.startsWith("@")) {
            throw new IllegalArgumentException(option + " " + data + " reads a file: write the body itself, or use --data-raw");
        }
        return data;
    }
}
