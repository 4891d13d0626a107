package tutorial.jwt.foundation.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.Strictness;
import com.google.gson.ToNumberPolicy;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON in and out, strictly. Gson on its own accepts comments, single quotes and duplicate keys (the
 * last one wins), and reads every number as a double. Here: strict RFC 8259, a duplicate key is an
 * error (two different readers could otherwise see two different values), whole numbers are
 * {@code Long}, and nesting is bounded.
 */
public final class StrictJson {

    /** Deep enough for any real payload, shallow enough that no parser recursion is a risk. */
    public static final int MAX_DEPTH = 64;

    private static final Gson GSON = new GsonBuilder()
            .disableHtmlEscaping()
            .serializeNulls()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .create();
    private static final Pattern LOCATION = Pattern.compile("line (\\d+) column (\\d+)");

    private StrictJson() {
    }

    /** The Gson every part of the app writes JSON with (and Javalin's mapper too). */
    public static Gson gson() {
        return GSON;
    }

    public static String write(Object value) {
        return GSON.toJson(value);
    }

    /**
     * Parses one JSON value: a {@code Map}, {@code List}, {@code String}, {@code Long}, {@code Double},
     * {@code Boolean} or {@code null}.
     *
     * @throws JsonSyntaxError with a short reason, safe to show to a client
     */
    public static Object parse(String text) {
        return parse(new StringReader(text));
    }

    /** {@link #parse(String)}, reading from {@code source} to its end. */
    public static Object parse(Reader source) {
        try (JsonReader reader = new JsonReader(source)) {
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(MAX_DEPTH);
            Object value = read(reader, 0);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonSyntaxError("Extra data after the JSON value");
            }
            return value;
        } catch (JsonSyntaxError e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new JsonSyntaxError(describe(e));
        }
    }

    private static Object read(JsonReader reader, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new JsonSyntaxError("Nesting deeper than " + MAX_DEPTH + " levels");
        }
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                reader.beginObject();
                while (reader.hasNext()) {
                    String key = reader.nextName();
                    if (object.containsKey(key)) {
                        throw new JsonSyntaxError("Duplicate key \"" + shorten(key) + "\"");
                    }
                    object.put(key, read(reader, depth + 1));
                }
                reader.endObject();
                return object;
            }
            case BEGIN_ARRAY -> {
                List<Object> array = new ArrayList<>();
                reader.beginArray();
                while (reader.hasNext()) {
                    array.add(read(reader, depth + 1));
                }
                reader.endArray();
                return array;
            }
            case STRING -> {
                return reader.nextString();
            }
            case NUMBER -> {
                return number(reader.nextString());
            }
            case BOOLEAN -> {
                return reader.nextBoolean();
            }
            case NULL -> {
                reader.nextNull();
                return null;
            }
            default -> throw new JsonSyntaxError("Expecting value");
        }
    }

    /** Whole numbers that fit a long are Long; anything else (1.5, 1e3, 1e400) is a Double. */
    private static Object number(String literal) {
        try {
            return new BigDecimal(literal).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return Double.parseDouble(literal);
        }
    }

    /** Gson's messages name its classes and link its docs: keep only where the problem is. */
    private static String describe(Exception e) {
        String message = String.valueOf(e.getMessage());
        Matcher where = LOCATION.matcher(message);
        String location = where.find() ? ": line " + where.group(1) + " column " + where.group(2) : "";
        if (message.contains("End of input") || message.contains("Unterminated")) {
            return "Unexpected end of input" + location;
        }
        return "Invalid JSON" + location;
    }

    private static String shorten(String key) {
        return key.length() <= 40 ? key : key.substring(0, 40) + "...";
    }

    /** Malformed JSON; the message is ours, never the library's. */
    public static final class JsonSyntaxError extends RuntimeException {
        public JsonSyntaxError(String message) {
            super(message, null, false, false);
        }
    }
}
