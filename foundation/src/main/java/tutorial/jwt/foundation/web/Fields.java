package tutorial.jwt.foundation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tutorial.jwt.foundation.errors.ApiError;

/**
 * Reads the fields a view needs and collects what is wrong with each, so one 400 names every bad
 * field at once, with DRF's messages. Call {@link #orThrow()} after the last field.
 */
public final class Fields {

    private final Map<String, Object> data;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public Fields(Map<String, Object> data) {
        this.data = data;
    }

    /** DRF's {@code CharField()}: surrounding white space trimmed. */
    public String string(String name) {
        return string(name, true);
    }

    /** DRF's {@code PasswordField}: a {@code CharField(trim_whitespace=False)}. */
    public String password(String name) {
        return string(name, false);
    }

    private String string(String name, boolean trim) {
        if (!data.containsKey(name)) {
            return fail(name, "This field is required.");
        }
        Object value = data.get(name);
        if (value == null) {
            return fail(name, "This field may not be null.");
        }
        String text;
        if (value instanceof String s) {
            text = s;
        } else if (value instanceof Long || value instanceof Double) {
            text = String.valueOf(value); // DRF turns numbers into strings; booleans, lists and objects it refuses
        } else {
            return fail(name, "Not a valid string.");
        }
        if (text.indexOf('\0') >= 0) {
            return fail(name, "Null characters are not allowed.");
        }
        if (trim) {
            text = text.strip();
        }
        if (text.isEmpty()) {
            return fail(name, "This field may not be blank.");
        }
        return text;
    }

    private String fail(String name, String message) {
        errors.put(name, List.of(message));
        return null;
    }

    /** Throws the 400 when any field was bad. */
    public void orThrow() {
        if (!errors.isEmpty()) {
            throw ApiError.fields(errors);
        }
    }
}
