package tutorial.jwt.foundation.web;

import io.javalin.http.Context;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tutorial.jwt.foundation.errors.ApiError;
import tutorial.jwt.foundation.json.StrictJson;

/**
 * A request body as DRF's default parsers read it: JSON, a form, or a multipart form. Anything
 * else is 415; JSON that does not parse, or is not an object, is 400 in DRF's words.
 */
public final class RequestData {

    private RequestData() {
    }

    private static final String SUPPLIED = "tutorial.jwt.foundation.supplied";

    /**
     * A field an earlier filter supplies for this request, used when the body does not send it: for
     * example a value the client keeps in a cookie. What the body sends wins.
     */
    public static void supply(Context ctx, String field, Object value) {
        Map<String, Object> supplied = ctx.attribute(SUPPLIED);
        if (supplied == null) {
            supplied = new LinkedHashMap<>();
            ctx.attribute(SUPPLIED, supplied);
        }
        supplied.put(field, value);
    }

    public static Map<String, Object> of(Context ctx) {
        Map<String, Object> sent = sent(ctx);
        Map<String, Object> supplied = ctx.attribute(SUPPLIED);
        if (supplied == null) {
            return sent;
        }
        Map<String, Object> data = new LinkedHashMap<>(supplied);
        data.putAll(sent);
        return data;
    }

    private static Map<String, Object> sent(Context ctx) {
        String contentType = ctx.header("Content-Type"); // as sent: ctx.contentType() throws on an unknown charset
        if (contentType == null || contentType.isBlank()) {
            if (ctx.bodyAsBytes().length == 0) {
                return Map.of(); // DRF reads an empty body without a type as no data
            }
            throw ApiError.unsupportedMediaType("");
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        Charset charset = charset(contentType); // before any reading: Javalin would throw on an unknown one
        // Read the body only once its type is known: a multipart body is parsed by Jetty, from the stream.
        return switch (mediaType) {
            case "application/json" -> json(new String(ctx.bodyAsBytes(), charset));
            case "application/x-www-form-urlencoded", "multipart/form-data" -> form(ctx.formParamMap());
            default -> throw ApiError.unsupportedMediaType(contentType);
        };
    }

    /** The {@code charset} parameter, UTF-8 without one; a charset the JDK does not know is 415. */
    private static Charset charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                String name = pair[1].trim().replace("\"", "");
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw ApiError.unsupportedMediaType(contentType);
                }
            }
        }
        return StandardCharsets.UTF_8;
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

    /**
     * A form field sent twice counts once, with its last value, as Django's {@code QueryDict} does. A
     * file part has no text value: it stays an empty list, which {@link Fields} calls "Not a valid string."
     * as DRF says of an uploaded file.
     */
    private static Map<String, Object> form(Map<String, List<String>> params) {
        Map<String, Object> data = new LinkedHashMap<>();
        params.forEach((name, values) -> data.put(name, values.isEmpty() ? List.of() : values.get(values.size() - 1)));
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
