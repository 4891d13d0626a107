package tutorial.jwt.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tutorial.jwt.foundation.json.StrictJson;
import tutorial.jwt.security.TokenCase.Holder;

/**
 * CONTRACT.md as rules: what each endpoint answers for a token, given what the token checks say of it
 * and whom it names. One place, so the table lists tokens and this decides, the same way for every
 * endpoint and step, what each must get.
 */
final class Contract {

    /** Simple JWT's default AUTH_TOKEN_CLASSES, which every step keeps: the access token alone. */
    private static final List<String[]> TOKEN_CLASSES = List.<String[]>of(new String[] {"AccessToken", "access"});

    private Contract() {
    }

    /** The answer {@code endpoint} of {@code target} must give for {@code raw}, the token of {@code tokenCase}. */
    static Expected expect(Endpoint endpoint, Target target, TokenCase tokenCase, String raw) {
        return endpoint.carrier == Endpoint.Carrier.BODY
                ? inBody(endpoint, target, tokenCase, raw)
                : inHeader(endpoint, tokenCase, raw);
    }

    private static Expected inBody(Endpoint endpoint, Target target, TokenCase tokenCase, String raw) {
        if (raw.length() > 64 * 1024) {
            return Expected.TOO_LARGE;
        }
        if (raw.isBlank()) {
            return Expected.field(endpoint.field(), "This field may not be blank."); // Simple JWT's behaviour, kept
        }
        String refusal = tokenCase.refusal().apply(endpoint.tokenType);
        if (refusal != null) {
            return Expected.tokenError(refusal);
        }
        Holder holder = tokenCase.holder();
        return switch (endpoint) {
            case VERIFY -> Expected.json(200, "{}");
            case REFRESH -> switch (holder) {
                case ALICE -> (target.step >= 4 ? Expected.keys(200, "access", "refresh") : Expected.keys(200, "access"))
                        .writing(target.step >= 6);
                case NOBODY -> Expected.tokenError("Token contained no recognizable user identification");
                default -> Expected.NO_ACCOUNT_FOR_TOKEN;
            };
            case LOGOUT -> Expected.json(200, "{}").writing(true); // Simple JWT blacklists without looking at the user
            case SLIDE -> tokenCase.slideRefusal() != null
                    ? Expected.tokenError(tokenCase.slideRefusal())
                    : Expected.keys(200, "token"); // nor does the sliding refresh
            default -> throw new IllegalArgumentException(endpoint + " reads no token from the body");
        };
    }

    private static Expected inHeader(Endpoint endpoint, TokenCase tokenCase, String raw) {
        if (("Bearer " + raw).length() > 8 * 1024) {
            return Expected.HEADERS_TOO_LARGE;
        }
        if (raw.isBlank() || raw.strip().split("\\s+").length != 1) {
            return Expected.BAD_HEADER; // "Bearer" alone, or "Bearer a b"
        }
        List<Map<String, String>> messages = new ArrayList<>();
        for (String[] tokenClass : TOKEN_CLASSES) {
            String refusal = tokenCase.refusal().apply(tokenClass[1]);
            if (refusal == null) {
                return authenticated(endpoint, tokenCase.holder());
            }
            Map<String, String> message = new LinkedHashMap<>();
            message.put("token_class", tokenClass[0]);
            message.put("token_type", tokenClass[1]);
            message.put("message", refusal);
            messages.add(message);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", "Given token not valid for any token type");
        body.put("code", "token_not_valid");
        body.put("messages", messages);
        return Expected.json(401, StrictJson.write(body));
    }

    /** A token that passed: the user checks (step 5's /api/me/ has none: it is stateless), then the view. */
    private static Expected authenticated(Endpoint endpoint, Holder holder) {
        if (holder == Holder.NOBODY || endpoint == Endpoint.ME && holder == Holder.UNREADABLE) {
            return Expected.tokenError("Token contained no recognizable user identification");
        }
        if (endpoint != Endpoint.ME) {
            if (holder == Holder.DELETED || holder == Holder.UNREADABLE) {
                return Expected.json(401, "{\"detail\": \"User not found\", \"code\": \"user_not_found\"}");
            }
            if (holder == Holder.INACTIVE) {
                return Expected.json(401, "{\"detail\": \"User is inactive\", \"code\": \"user_inactive\"}");
            }
        }
        return signedIn(endpoint);
    }

    /** What a view answers a request that authenticated as alice (or, at /api/me/, as whoever the token says). */
    static Expected signedIn(Endpoint endpoint) {
        return switch (endpoint) {
            case PUBLIC -> Expected.json(200, "{\"message\": \"Hello from a public endpoint!\"}");
            case PROTECTED -> Expected.json(200, "{\"message\": \"Hello, alice! You are authenticated.\"}");
            case ME -> Expected.keys(200, "user_id", "username", "email", "is_staff");
            case LOGOUT_ALL -> Expected.keys(200, "blacklisted").writing(true);
            default -> throw new IllegalArgumentException(endpoint + " reads no token from the header");
        };
    }

    /** What a view answers a request with no credentials of ours. */
    static Expected anonymous(Endpoint endpoint) {
        return endpoint == Endpoint.PUBLIC ? signedIn(Endpoint.PUBLIC) : Expected.NOT_PROVIDED;
    }
}
