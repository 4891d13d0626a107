package tutorial.jwt.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way a POSIX shell does for the commands the docs show:
 * 'single quotes' are literal, "double quotes" honour backslash escapes, a backslash outside quotes
 * escapes the next character. Anything that would make the shell do more (pipes, redirections,
 * variables) is refused, since the checker would not do it.
 */
final class ShellWords {

    private ShellWords() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
                continue;
            }
            inWord = true;
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed single quote");
                }
                word.append(line, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                i = readDoubleQuoted(line, i + 1, word);
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else if ("|&;<>()`".indexOf(c) >= 0) {
                throw new IllegalArgumentException("the shell operator " + c + " is not supported");
            } else if (c == '$') {
                throw new IllegalArgumentException("shell variables ($...) are not supported: write the value itself");
            } else {
                word.append(c);
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Reads a double-quoted string from {@code start} (after the quote); returns the index after the closing quote. */
    private static int readDoubleQuoted(String line, int start, StringBuilder word) {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                word.append(line.charAt(i + 1)); // the only escapes bash knows inside double quotes
                i += 2;
            } else if (c == '$' || c == '`') {
                throw new IllegalArgumentException("shell expansions ($..., `...`) are not supported: write the value itself");
            } else {
                word.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("unclosed double quote");
    }
}
