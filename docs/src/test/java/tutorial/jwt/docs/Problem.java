package tutorial.jwt.docs;

import java.util.List;
import java.util.stream.Collectors;

/** One thing wrong in the docs, said the way editors link to it: {@code docs/02-endpoints.md:131: ...}. */
record Problem(String page, int line, String message) {

    @Override
    public String toString() {
        return page + ":" + line + ": " + message;
    }

    /** Every problem on its own line(s): the failure message of a docs test. */
    static String report(List<Problem> problems) {
        return problems.size() + " problem(s) in the docs:\n"
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }
}
