package tutorial.jwt.security;

import java.util.List;
import java.util.Locale;

/** What an error body must never contain: a stack trace, an exception, a library's or a framework's name. */
final class Leaks {

    static final List<String> WORDS = List.of("exception", "error:", "\tat ", "at java.", "caused by", "stack",
            "jetty", "javalin", "jsonwebtoken", "jjwt", "gson", "sqlite", "sql", "jdbc", "kotlin", "java.", "tutorial.jwt",
            "<html", "<body", "null pointer", "nullpointer");

    private Leaks() {
    }

    /** The first forbidden word in {@code body}, or null. */
    static String in(String body) {
        String lower = body.toLowerCase(Locale.ROOT);
        return WORDS.stream().filter(lower::contains).findFirst().orElse(null);
    }
}
