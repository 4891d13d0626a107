package tutorial.jwt.install.tokens;

import io.jsonwebtoken.gson.io.GsonDeserializer;
import java.io.Reader;
import java.util.List;
import java.util.Map;
import tutorial.jwt.foundation.json.StrictJson;

/**
 * How jjwt reads a token's header and payload: with {@link StrictJson}, which refuses duplicate keys
 * and keeps whole numbers as {@code Long}. It also refuses an {@code exp}, {@code iat} or {@code nbf}
 * that is not a whole number of seconds in range: jjwt would turn {@code "exp": "9999999999"} or
 * {@code 1.5} into a date, where PyJWT, and so Simple JWT, refuses the token.
 */
final class TokenJson extends GsonDeserializer<Map<String, ?>> {

    private static final List<String> TIME_CLAIMS = List.of("exp", "iat", "nbf");

    TokenJson() {
        super(StrictJson.gson());
    }

    @Override
    protected Map<String, ?> doDeserialize(Reader reader) {
        if (!(StrictJson.parse(reader) instanceof Map<?, ?> json)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        for (String claim : TIME_CLAIMS) {
            if (json.containsKey(claim) && Token.time(json.get(claim)).isEmpty()) {
                throw new IllegalArgumentException("'" + claim + "' is not a time");
            }
        }
        @SuppressWarnings("unchecked") // a JSON object's keys are strings
        Map<String, ?> object = (Map<String, ?>) json;
        return object;
    }
}
