package tutorial.jwt.docs;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tokens a replay has received so far. A page pastes the tokens its author got; replaying, each
 * is swapped for the live token that stood in the same place of the same answer (so "send the same
 * refresh token twice" stays the same token). The login of one block thus feeds the refresh of the
 * next, as it does for a reader; a token that no answer on the page handed out (a forged one) is
 * sent as written.
 */
final class TokenMemory {

    /** A CSRF token in an answer: random like a token, pasted into the next command's X-CSRFToken header. */
    private static final Pattern CSRF_TOKEN = Pattern.compile("(?<=\"csrftoken\":\")[0-9a-f]{32}(?=\")");

    private final Map<String, String> latestByType = new HashMap<>();
    private final Map<String, String> liveCsrfForPasted = new HashMap<>();
    private final Map<String, String> liveForPasted = new HashMap<>();

    /**
     * Remembers the tokens of an answer: the n-th token the page shows in {@code expected} is the
     * n-th token the server sent in {@code body}.
     */
    void recordFrom(String expected, String body) {
        List<String> pasted = Jwt.LOOKS_LIKE.matcher(expected).results().map(MatchResult::group).toList();
        List<String> live = Jwt.LOOKS_LIKE.matcher(body).results().map(MatchResult::group).toList();
        for (int i = 0; i < Math.min(pasted.size(), live.size()); i++) {
            liveForPasted.put(pasted.get(i), live.get(i));
        }
        List<String> pastedCsrf = CSRF_TOKEN.matcher(expected).results().map(MatchResult::group).toList();
        List<String> liveCsrf = CSRF_TOKEN.matcher(body).results().map(MatchResult::group).toList();
        for (int i = 0; i < Math.min(pastedCsrf.size(), liveCsrf.size()); i++) {
            liveCsrfForPasted.put(pastedCsrf.get(i), liveCsrf.get(i));
        }
        try {
            record(JsonParser.parseString(body));
        } catch (RuntimeException e) {
            // not JSON: no tokens in it
        }
    }

    /** The command with each pasted token and CSRF token replaced by the live one that stood in its place. */
    String substitute(String command) {
        for (Map.Entry<String, String> csrf : liveCsrfForPasted.entrySet()) {
            command = command.replace(csrf.getKey(), csrf.getValue());
        }
        Matcher tokens = Jwt.LOOKS_LIKE.matcher(command);
        return tokens.replaceAll(match -> {
            String pasted = match.group();
            String live = liveForPasted.getOrDefault(pasted, pasted); // a token never handed out (forged) stays as written
            return Matcher.quoteReplacement(live);
        });
    }

    private void record(JsonElement json) {
        if (json.isJsonObject()) {
            json.getAsJsonObject().entrySet().forEach(entry -> record(entry.getValue()));
        } else if (json.isJsonArray()) {
            json.getAsJsonArray().forEach(this::record);
        } else if (json.isJsonPrimitive() && json.getAsJsonPrimitive().isString()) {
            String value = json.getAsString();
            Jwt.tokenType(value).ifPresent(type -> latestByType.put(type, value));
        }
    }
}
