package tutorial.jwt.install.web;

import tutorial.jwt.install.errors.ApiError;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tutorial.jwt.install.json.StrictJson;

/**
 * A request body as DRF's default parsers read it: JSON, a form, or a multipart form. Anything
 * else is 415; JSON that does not parse, or is not an object, is 400 in DRF's words.
 */
public final class RequestData {

    private RequestData() {
    }

    public static Map<String, Object> of(Context ctx) {
        String contentType = ctx.contentType();
        String body = ctx.body();
        if (contentType == null || contentType.isBlank()) {
            if (body.isEmpty()) {
                return Map.of(); // DRF reads an empty body without a type as no data
            }
            throw ApiError.unsupportedMediaType("");
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (mediaType) {
            case "application/json" -> json(body);
            case "application/x-www-form-urlencoded", "multipart/form-data" -> form(ctx.formParamMap());
            default -> throw ApiError.unsupportedMediaType(contentType);
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) {
        if (body.isBlank()) {
            return Map.of();
        }
        Object value;
        try {
            value = StrictJson.parse(body);
        } catch (StrictJson.JsonSyntaxError e) {
            throw ApiError.parseError(e.getMessage());
        }
        if (value instanceof Map<?, ?> object) {
            return (Map<String, Object>) object;
        }
        throw new ApiError(400, Map.of("non_field_errors",
                List.of("Invalid data. Expected a dictionary, but got " + pythonTypeName(value) + ".")));
    }

    /** A form field sent twice counts once, with its last value, as Django's {@code QueryDict} does. */
    private static Map<String, Object> form(Map<String, List<String>> params) {
        Map<String, Object> data = new LinkedHashMap<>();
        params.forEach((name, values) -> data.put(name, values.get(values.size() - 1)));
        return data;
    }

    /** The names DRF's message uses: it is written in Python. */
    private static String pythonTypeName(Object value) {
        if (value == null) {
            return "NoneType";
        } else if (value instanceof List) {
            return "list";
        } else if (value instanceof String) {
            return "str";
        } else if (value instanceof Long) {
            return "int";
        } else if (value instanceof Double) {
            return "float";
        } else {
            return "bool";
        }
    }
}
