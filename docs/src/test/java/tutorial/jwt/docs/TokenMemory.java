package tutorial.jwt.docs;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The tokens a replay has received so far, latest per {@code token_type}. A page pastes the tokens
 * its author got; replaying, each is swapped for the live token of the same type, so the login of
 * one block feeds the refresh of the next, as it does for a reader.
 */
final class TokenMemory {

    private final Map<String, String> latestByType = new HashMap<>();

    /** Remembers every JSON string value of the body that is a token. */
    void recordFrom(String body) {
        try {
            record(JsonParser.parseString(body));
        } catch (RuntimeException e) {
            // not JSON: no tokens in it
        }
    }

    /** The command with each complete token replaced by the latest live one of its type. */
    String substitute(String command) {
        Matcher tokens = Jwt.LOOKS_LIKE.matcher(command);
        return tokens.replaceAll(match -> {
            String pasted = match.group();
            String live = Jwt.tokenType(pasted).map(latestByType::get).orElse(pasted);
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
