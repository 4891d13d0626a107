package tutorial.jwt.docs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A launcher line of a transcript, {@code [NAME=value ...] ./run N command [args]}: the step, its
 * environment and its arguments. Long-running or interactive commands cannot be replayed and are
 * refused, so a page shows them without a transcript marker.
 */
record RunCommand(Map<String, String> environment, int step, List<String> args) {

    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Z_][A-Z0-9_]*=.*");
    private static final List<String> NOT_REPLAYABLE = List.of("runserver", "demo");

    static boolean looksLikeOne(String commandLine) {
        return ShellWords.split(commandLine).stream().dropWhile(word -> ASSIGNMENT.matcher(word).matches())
                .findFirst().filter(word -> word.equals("./run")).isPresent();
    }

    static RunCommand parse(String commandLine) {
        List<String> words = ShellWords.split(commandLine);
        Map<String, String> environment = new LinkedHashMap<>();
        int i = 0;
        while (i < words.size() && ASSIGNMENT.matcher(words.get(i)).matches()) {
            String assignment = words.get(i++);
            environment.put(assignment.substring(0, assignment.indexOf('=')), assignment.substring(assignment.indexOf('=') + 1));
        }
        if (i + 2 >= words.size() || !words.get(i + 1).matches("[1-9]")) {
            throw new IllegalArgumentException("a replayed ./run line names a step and a command: ./run N command ...");
        }
        List<String> args = words.subList(i + 2, words.size());
        if (NOT_REPLAYABLE.contains(args.get(0)) || args.get(0).startsWith("-") && !args.get(0).equals("--help")) {
            throw new IllegalArgumentException("./run " + words.get(i + 1) + " " + args.get(0)
                    + " runs until stopped: show it without a transcript marker");
        }
        return new RunCommand(environment, Integer.parseInt(words.get(i + 1)), List.copyOf(args));
    }
}
