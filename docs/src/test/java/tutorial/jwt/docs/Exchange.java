package tutorial.jwt.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * One command of a console block and the output the page says it prints: a line {@code $ command}
 * (continued by a trailing backslash), then every line up to the next {@code $ }.
 */
record Exchange(int line, String command, List<String> expectedOutput) {

    static final String PROMPT = "$ ";

    String expected() {
        return String.join("\n", expectedOutput);
    }

    /** The block's exchanges. Lines before the first command belong to none (the transcript check reports them). */
    static List<Exchange> in(FencedBlock block) {
        List<Exchange> exchanges = new ArrayList<>();
        List<String> lines = block.lines();
        int i = 0;
        while (i < lines.size()) {
            if (!lines.get(i).startsWith(PROMPT)) {
                i++;
                continue;
            }
            int line = block.lineOf(i);
            StringBuilder command = new StringBuilder(lines.get(i).substring(PROMPT.length()));
            while (command.toString().endsWith("\\") && i + 1 < lines.size()) { // a command split over lines
                command.setLength(command.length() - 1);
                command.append(' ').append(lines.get(++i).strip());
            }
            List<String> output = new ArrayList<>();
            while (i + 1 < lines.size() && !lines.get(i + 1).startsWith(PROMPT)) {
                output.add(lines.get(++i));
            }
            exchanges.add(new Exchange(line, command.toString().strip(), output));
            i++;
        }
        return exchanges;
    }
}
