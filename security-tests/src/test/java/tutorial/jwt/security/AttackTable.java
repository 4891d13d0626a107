package tutorial.jwt.security;

import static tutorial.jwt.security.Target.ALICE;
import static tutorial.jwt.security.Target.DELETED;
import static tutorial.jwt.security.Target.INACTIVE;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tutorial.jwt.endpoints.HostileTokens;
import tutorial.jwt.foundation.json.StrictJson;
import tutorial.jwt.install.RawHttp;
import tutorial.jwt.install.TestServer;
import tutorial.jwt.security.Attack.Exchange;
import tutorial.jwt.security.TokenCase.Holder;

/**
 * The suite's checklist: every attack, sent to every endpoint of every step that has it. Groups:
 * forgery and format (step 2's {@link HostileTokens}), claims signed with the real key, token fields,
 * the {@code Authorization} header, login bodies, methods and paths, and HTTP itself.
 */
final class AttackTable {

    static final String PASSWORD = TestServer.PASSWORD;
    static final List<Endpoint> TOKEN_ENDPOINTS = List.of(Endpoint.REFRESH, Endpoint.VERIFY, Endpoint.SLIDE,
            Endpoint.LOGOUT, Endpoint.PUBLIC, Endpoint.PROTECTED, Endpoint.ME, Endpoint.LOGOUT_ALL);
    static final List<Endpoint> HEADER_ENDPOINTS = List.of(Endpoint.PUBLIC, Endpoint.PROTECTED, Endpoint.ME,
            Endpoint.LOGOUT_ALL);
    static final List<Endpoint> BODY_ENDPOINTS = List.of(Endpoint.REFRESH, Endpoint.VERIFY, Endpoint.SLIDE, Endpoint.LOGOUT);
    static final List<Endpoint> LOGINS = List.of(Endpoint.OBTAIN, Endpoint.SLIDING_OBTAIN);

    private AttackTable() {
    }

    /** Every row; {@code keyUrl} is where the key-fetching headers point (a socket the suite watches). */
    static List<Attack> all(String keyUrl) {
        List<Attack> attacks = new ArrayList<>();
        tokens(attacks, keyUrl);
        tokenFields(attacks);
        authorizationHeaders(attacks);
        logins(attacks);
        methodsAndPaths(attacks);
        http(attacks);
        return attacks;
    }

    // --- tokens: every token at every endpoint that reads one --------------------------------------

    private static void tokens(List<Attack> attacks, String keyUrl) {
        for (Endpoint endpoint : TOKEN_ENDPOINTS) {
            List<TokenCase> cases = new ArrayList<>();
            for (HostileTokens.Case hostile : HostileTokens.of(endpoint.hostileType(), keyUrl)) {
                cases.add(TokenCase.refused("forgery and format", hostile.name(), e -> hostile.token(), "Token is invalid"));
            }
            cases.add(TokenCase.refused("forgery and format", "1 MiB", e -> "A".repeat(1024 * 1024), "Token is invalid"));
            cases.addAll(claims());
            for (TokenCase tokenCase : cases) {
                attacks.add(new Attack(tokenCase.group(), tokenCase.name(), endpoint, target -> {
                    String raw = tokenCase.token().apply(endpoint);
                    return new Exchange(carrying(endpoint, raw), Contract.expect(endpoint, target, tokenCase, raw));
                }));
            }
        }
    }

    /** Tokens signed with the real key: every type at every endpoint, odd claims, users gone or inactive. */
    static List<TokenCase> claims() {
        return List.of(
                TokenCase.typed("a good access token", "access", Holder.ALICE, e -> Forge.token("access", ALICE)),
                TokenCase.typed("a good refresh token", "refresh", Holder.ALICE, e -> Forge.token("refresh", ALICE)),
                TokenCase.typed("a good sliding token", "sliding", Holder.ALICE, e -> Forge.token("sliding", ALICE)),
                TokenCase.typed("the user id as a numeric string", "access", Holder.ALICE, e -> Forge.token("access", "1")),
                TokenCase.typed("an access token of a deleted user", "access", Holder.DELETED, e -> Forge.token("access", DELETED)),
                TokenCase.typed("an access token of an inactive user", "access", Holder.INACTIVE, e -> Forge.token("access", INACTIVE)),
                TokenCase.typed("a refresh token of a deleted user", "refresh", Holder.DELETED, e -> Forge.token("refresh", DELETED)),
                TokenCase.typed("a refresh token of an inactive user", "refresh", Holder.INACTIVE, e -> Forge.token("refresh", INACTIVE)),
                TokenCase.typed("a sliding token of a deleted user", "sliding", Holder.DELETED, e -> Forge.token("sliding", DELETED)),
                TokenCase.typed("an access token naming no user", "access", Holder.NOBODY, e -> without("access", "user_id")),
                TokenCase.typed("a refresh token naming no user", "refresh", Holder.NOBODY, e -> without("refresh", "user_id")),
                TokenCase.typed("a user id that is a float", "access", Holder.UNREADABLE, e -> with("access", "user_id", 1.5)),
                TokenCase.typed("a user id that is an object", "refresh", Holder.UNREADABLE, e -> with("refresh", "user_id", Map.of("id", 1))),
                TokenCase.refused("claims", "an expired access token", e -> with("access", "exp", Forge.NOW - 1), "Token is expired"),
                TokenCase.refused("claims", "an expired refresh token", e -> with("refresh", "exp", Forge.NOW - 1), "Token is expired"),
                TokenCase.refused("claims", "exp missing", e -> without("refresh", "exp"), "Token has no 'exp' claim"),
                TokenCase.refused("claims", "iat one second in the future", e -> with("access", "iat", Forge.NOW + 1), "Token is invalid"),
                TokenCase.refused("claims", "token_type missing", e -> without("refresh", "token_type"), "Token has no type"),
                new TokenCase("claims", "token_type unknown (verify takes any type)", e -> with("refresh", "token_type", "admin"),
                        type -> type == null ? null : "Token has wrong type", Holder.ALICE, null),
                TokenCase.refused("claims", "jti missing", e -> without("refresh", "jti"), "Token has no id"),
                TokenCase.typed("a sliding token without refresh_exp", "sliding", Holder.ALICE, e -> without("sliding", "refresh_exp"))
                        .slidingRefusal("Token has no 'refresh_exp' claim"),
                TokenCase.typed("a sliding token past its refresh_exp", "sliding", Holder.ALICE,
                        e -> with("sliding", "refresh_exp", Forge.NOW - 1)).slidingRefusal("Token 'refresh_exp' claim has expired"));
    }

    private static String with(String type, String claim, Object value) {
        Map<String, Object> claims = Forge.claims(type, ALICE);
        claims.put(claim, value);
        return Forge.sign(claims);
    }

    private static String without(String type, String claim) {
        Map<String, Object> claims = Forge.claims(type, ALICE);
        claims.remove(claim);
        return Forge.sign(claims);
    }

    /** {@code raw} where {@code endpoint} reads it: {@code {"refresh": raw}} or {@code Authorization: Bearer raw}. */
    static RawHttp carrying(Endpoint endpoint, String raw) {
        return endpoint.carrier == Endpoint.Carrier.BODY
                ? json(endpoint, StrictJson.write(Map.of(endpoint.field(), raw)))
                : RawHttp.request(endpoint.method, endpoint.path).header("Authorization", "Bearer " + raw);
    }

    static RawHttp json(Endpoint endpoint, String json) {
        return RawHttp.request(endpoint.method, endpoint.path).header("Content-Type", "application/json").body(json);
    }

    // --- the fields that carry a token: types, sizes, encodings ---------------------------------

    private static void tokenFields(List<Attack> attacks) {
        for (Endpoint endpoint : BODY_ENDPOINTS) {
            String field = endpoint.field();
            add(attacks, "token fields", "the field missing", endpoint, t -> json(endpoint, "{}"),
                    t -> Expected.field(field, "This field is required."));
            add(attacks, "token fields", "the field null", endpoint, t -> json(endpoint, "{\"" + field + "\": null}"),
                    t -> Expected.field(field, "This field may not be null."));
            for (String value : new String[] {"{\"a\": 1}", "[\"eyJ.eyJ.sig\"]", "true"}) {
                add(attacks, "token fields", "the field " + value, endpoint, t -> json(endpoint, "{\"" + field + "\": " + value + "}"),
                        t -> Expected.field(field, "Not a valid string."));
            }
            add(attacks, "token fields", "the field a number", endpoint, t -> json(endpoint, "{\"" + field + "\": 12345}"),
                    t -> Expected.tokenError("Token is invalid"));
            add(attacks, "token fields", "a NUL character", endpoint, t -> json(endpoint, "{\"" + field + "\": \"eyJ\\u0000.a.b\"}"),
                    t -> Expected.field(field, "Null characters are not allowed."));
            add(attacks, "token fields", "the field twice", endpoint,
                    t -> json(endpoint, "{\"" + field + "\": \"a\", \"" + field + "\": \"b\"}"),
                    t -> Expected.parseError("Duplicate key \"" + field + "\""));
            add(attacks, "token fields", "JSON nested 10,000 deep", endpoint,
                    t -> json(endpoint, "{\"" + field + "\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}"),
                    t -> Expected.parseError("Invalid JSON: line 1 column " + (70 + field.length())));
            add(attacks, "token fields", "a 1 MiB body, chunked", endpoint,
                    t -> json(endpoint, StrictJson.write(Map.of(field, "A".repeat(1024 * 1024)))).chunked(),
                    t -> Expected.TOO_LARGE);
            add(attacks, "token fields", "a list instead of an object", endpoint, t -> json(endpoint, "[\"eyJ.eyJ.sig\"]"),
                    t -> Expected.notADictionary("list"));
            add(attacks, "token fields", "text/plain", endpoint,
                    t -> RawHttp.request("POST", endpoint.path).header("Content-Type", "text/plain").body("eyJ.eyJ.sig"),
                    t -> Expected.unsupported("text/plain"));
            TokenCase good = goodFor(endpoint);
            add(attacks, "token fields", "a good token padded with white space (DRF's CharField trims)", endpoint,
                    t -> json(endpoint, StrictJson.write(Map.of(field, "  " + good.token().apply(endpoint) + "\n"))),
                    t -> Contract.expect(endpoint, t, good, "good"));
            add(attacks, "token fields", "a good token, form-encoded", endpoint,
                    t -> RawHttp.request("POST", endpoint.path).header("Content-Type", "application/x-www-form-urlencoded")
                            .body(field + "=" + good.token().apply(endpoint)),
                    t -> Contract.expect(endpoint, t, good, "good"));
        }
    }

    private static TokenCase goodFor(Endpoint endpoint) {
        String type = endpoint.hostileType();
        return TokenCase.typed("a good " + type + " token", type, Holder.ALICE, e -> Forge.token(type, ALICE));
    }

    // --- the Authorization header -------------------------------------------------------------

    private static void authorizationHeaders(List<Attack> attacks) {
        TokenCase invalid = TokenCase.refused("authorization", "invalid", e -> "x", "Token is invalid");
        for (Endpoint endpoint : HEADER_ENDPOINTS) {
            Function<Target, Expected> anonymous = t -> Contract.anonymous(endpoint);
            Function<Target, Expected> signedIn = t -> Contract.signedIn(endpoint);
            Function<Target, Expected> bad = t -> Expected.BAD_HEADER;
            Function<Target, Expected> refused = t -> Contract.expect(endpoint, t, invalid, "x");
            header(attacks, endpoint, "no Authorization header", access -> new String[0], anonymous);
            header(attacks, endpoint, "an empty Authorization header", access -> h("Authorization", ""), anonymous);
            header(attacks, endpoint, "lowercase scheme: bearer", access -> h("Authorization", "bearer " + access), anonymous);
            header(attacks, endpoint, "uppercase scheme: BEARER", access -> h("Authorization", "BEARER " + access), anonymous);
            header(attacks, endpoint, "Basic credentials", access -> h("Authorization", "Basic YWxpY2U6Y29ycmVjdA=="), anonymous);
            header(attacks, endpoint, "the token under Basic", access -> h("Authorization", "Basic " + access), anonymous);
            header(attacks, endpoint, "the token under another scheme: JWT", access -> h("Authorization", "JWT " + access), anonymous);
            header(attacks, endpoint, "the token under DRF's Token scheme", access -> h("Authorization", "Token " + access), anonymous);
            header(attacks, endpoint, "Basic first, then Bearer, in one header",
                    access -> h("Authorization", "Basic YWxpY2U6Y29ycmVjdA==, Bearer " + access), anonymous);
            header(attacks, endpoint, "the token in X-Access-Token", access -> h("X-Access-Token", access), anonymous);
            header(attacks, endpoint, "the token in a cookie", access -> h("Cookie", "access=" + access), anonymous);
            attacks.add(new Attack("authorization", "the token in the query string", endpoint, t -> new Exchange(
                    RawHttp.request(endpoint.method, endpoint.path + "?token=" + Forge.token("access", ALICE)), anonymous.apply(t))));
            header(attacks, endpoint, "the scheme alone", access -> h("Authorization", "Bearer"), bad);
            header(attacks, endpoint, "the scheme and a space", access -> h("Authorization", "Bearer "), bad);
            header(attacks, endpoint, "two values after the scheme", access -> h("Authorization", "Bearer " + access + " extra"), bad);
            header(attacks, endpoint, "two schemes in one header",
                    access -> h("Authorization", "Bearer " + access + ", Basic YWxpY2U6Y29ycmVjdA=="), bad);
            header(attacks, endpoint, "the scheme twice", access -> h("Authorization", "Bearer Bearer " + access), bad);
            header(attacks, endpoint, "the header twice: good, then junk",
                    access -> h("Authorization", "Bearer " + access, "Authorization", "Bearer junk"), bad);
            header(attacks, endpoint, "the header twice: junk, then good",
                    access -> h("Authorization", "Bearer junk", "Authorization", "Bearer " + access), bad);
            header(attacks, endpoint, "the header twice: the same good token",
                    access -> h("Authorization", "Bearer " + access, "Authorization", "Bearer " + access), bad);
            header(attacks, endpoint, "a trailing comma", access -> h("Authorization", "Bearer " + access + ","), refused);
            header(attacks, endpoint, "the token in quotes", access -> h("Authorization", "Bearer \"" + access + "\""), refused);
            header(attacks, endpoint, "a non-ASCII character", access -> h("Authorization", "Bearer \u00e9" + access), refused);
            header(attacks, endpoint, "a NUL byte", access -> h("Authorization", "Bearer \u0000" + access), t -> Expected.MALFORMED);
            header(attacks, endpoint, "a 16 KiB header", access -> h("Authorization", "Bearer " + "A".repeat(16 * 1024)),
                    t -> Expected.HEADERS_TOO_LARGE);
            header(attacks, endpoint, "a 1 MiB header", access -> h("Authorization", "Bearer " + "A".repeat(1024 * 1024)),
                    t -> Expected.HEADERS_TOO_LARGE);
            header(attacks, endpoint, "extra spaces between scheme and token (split as Python's str.split)",
                    access -> h("Authorization", "Bearer     " + access), signedIn);
            header(attacks, endpoint, "a tab between scheme and token", access -> h("Authorization", "Bearer\t" + access), signedIn);
            header(attacks, endpoint, "the header name in lowercase", access -> h("authorization", "Bearer " + access), signedIn);
            header(attacks, endpoint, "the header name in capitals", access -> h("AUTHORIZATION", "Bearer " + access), signedIn);
        }
    }

    /** Header lines as name, value, name, value, ... */
    private static String[] h(String... nameValues) {
        return nameValues;
    }

    private static void header(List<Attack> attacks, Endpoint endpoint, String name, Function<String, String[]> headers,
                               Function<Target, Expected> expected) {
        attacks.add(new Attack("authorization", name, endpoint, t -> {
            RawHttp request = RawHttp.request(endpoint.method, endpoint.path);
            String[] lines = headers.apply(Forge.token("access", ALICE));
            for (int i = 0; i < lines.length; i += 2) {
                request.header(lines[i], lines[i + 1]);
            }
            return new Exchange(request, expected.apply(t));
        }));
    }

    // --- login bodies ---------------------------------------------------------------------------

    private static void logins(List<Attack> attacks) {
        for (Endpoint endpoint : LOGINS) {
            Function<Target, Expected> success = t -> endpoint == Endpoint.OBTAIN
                    ? Expected.keys(200, "refresh", "access").writing(t.step >= 6)
                    : Expected.keys(200, "token");
            Function<Target, Expected> noAccount = t -> Expected.NO_ACCOUNT;
            // Controls: what must work, works.
            login(attacks, endpoint, "the right password", credentials("alice", PASSWORD), success);
            login(attacks, endpoint, "the right password, form-encoded",
                    "application/x-www-form-urlencoded", "username=alice&password=" + PASSWORD.replace(" ", "+"), success);
            login(attacks, endpoint, "the right password, multipart", "multipart/form-data; boundary=b",
                    part("username", "alice") + part("password", PASSWORD) + "--b--\r\n", success);
            login(attacks, endpoint, "the username padded with white space (DRF's CharField trims)",
                    credentials(" alice\n", PASSWORD), success);
            login(attacks, endpoint, "a form field twice: the last counts, as in Django's QueryDict",
                    "application/x-www-form-urlencoded", "username=mallory&username=alice&password=" + PASSWORD.replace(" ", "+"), success);
            login(attacks, endpoint, "APPLICATION/JSON in capitals", "APPLICATION/JSON",
                    credentials("alice", PASSWORD), success);
            login(attacks, endpoint, "a UTF-16 body that says so", "application/json; charset=UTF-16",
                    credentials("alice", PASSWORD).getBytes(StandardCharsets.UTF_16), success);
            // Credentials: one answer for every failure.
            login(attacks, endpoint, "a wrong password", credentials("alice", "wrong"), noAccount);
            login(attacks, endpoint, "an unknown user", credentials("nobody", PASSWORD), noAccount);
            login(attacks, endpoint, "an inactive user", credentials("inactive", PASSWORD), noAccount);
            login(attacks, endpoint, "a deleted user", credentials("deleted", PASSWORD), noAccount);
            login(attacks, endpoint, "the password in another case", credentials("alice", PASSWORD.toUpperCase()), noAccount);
            for (String[] lookAlike : new String[][] {{"Cyrillic a", "\u0430lice"}, {"fullwidth letters", "\uff41\uff4c\uff49\uff43\uff45"},
                    {"a zero-width space", "alice\u200b"}, {"a combining accent", "alice\u0301"}, {"capitals", "ALICE"},
                    {"a capital", "Alice"}, {"a dotless i", "al\u0131ce"}}) {
                login(attacks, endpoint, "a look-alike username: " + lookAlike[0], credentials(lookAlike[1], PASSWORD), noAccount);
            }
            for (String injection : new String[] {"alice' OR '1'='1", "alice'--", "alice\" OR \"1\"=\"1",
                    "' OR 1=1; DROP TABLE auth_user; --", "alice'; UPDATE auth_user SET is_superuser=1; --", "%", "_lice", "*"}) {
                login(attacks, endpoint, "SQL in the username: " + injection, credentials(injection, PASSWORD), noAccount);
            }
            login(attacks, endpoint, "SQL in the password", credentials("alice", "' OR '1'='1' --"), noAccount);
            // Field types, as DRF's CharField reads them.
            login(attacks, endpoint, "no fields", "{}", t -> Expected.json(400,
                    "{\"username\": [\"This field is required.\"], \"password\": [\"This field is required.\"]}"));
            for (String value : new String[] {"{\"username\": \"alice\"}", "[\"alice\"]", "true"}) {
                login(attacks, endpoint, "a username that is " + value, "{\"username\": " + value + ", \"password\": \"x\"}",
                        t -> Expected.field("username", "Not a valid string."));
            }
            login(attacks, endpoint, "a password that is an object", "{\"username\": \"alice\", \"password\": {\"$ne\": null}}",
                    t -> Expected.field("password", "Not a valid string."));
            login(attacks, endpoint, "a null username", "{\"username\": null, \"password\": \"x\"}",
                    t -> Expected.field("username", "This field may not be null."));
            login(attacks, endpoint, "a numeric username (read as \"123\", as DRF does)", "{\"username\": 123, \"password\": \"x\"}", noAccount);
            login(attacks, endpoint, "an empty password", credentials("alice", ""), t -> Expected.field("password", "This field may not be blank."));
            login(attacks, endpoint, "a NUL byte in the username", credentials("ali\u0000ce", PASSWORD),
                    t -> Expected.field("username", "Null characters are not allowed."));
            login(attacks, endpoint, "a NUL byte in the password", credentials("alice", PASSWORD + "\u0000"),
                    t -> Expected.field("password", "Null characters are not allowed."));
            // JSON that is not what DRF accepts.
            login(attacks, endpoint, "JSON cut short", "{\"username\": \"alice\", \"password\": ",
                    t -> Expected.parseError("Unexpected end of input: line 1 column 35"));
            login(attacks, endpoint, "single quotes", "{'username': 'alice', 'password': 'x'}",
                    t -> Expected.parseError("Invalid JSON: line 1 column 3"));
            login(attacks, endpoint, "a comment", "{\"username\": \"alice\" /* hi */, \"password\": \"x\"}",
                    t -> Expected.parseError("Invalid JSON: line 1 column 23"));
            login(attacks, endpoint, "a trailing comma", "{\"username\": \"alice\", \"password\": \"x\",}",
                    t -> Expected.parseError("Invalid JSON: line 1 column 40"));
            login(attacks, endpoint, "two JSON values", "{\"username\": \"alice\"} {\"password\": \"x\"}",
                    t -> Expected.parseError("Invalid JSON: line 1 column 24"));
            login(attacks, endpoint, "unquoted keys", "{username: \"alice\"}", t -> Expected.parseError("Invalid JSON: line 1 column 3"));
            login(attacks, endpoint, "NaN", "{\"username\": NaN, \"password\": \"x\"}", t -> Expected.parseError("Invalid JSON: line 1 column 14"));
            login(attacks, endpoint, "a byte-order mark (RFC 8259 lets a parser ignore it)", "\ufeff" + credentials("alice", PASSWORD),
                    success);
            login(attacks, endpoint, "a duplicate key", "{\"username\": \"mallory\", \"username\": \"alice\", \"password\": \"x\"}",
                    t -> Expected.parseError("Duplicate key \"username\""));
            login(attacks, endpoint, "JSON nested 10,000 deep", "{\"username\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}",
                    t -> Expected.parseError("Invalid JSON: line 1 column 78"));
            login(attacks, endpoint, "a 60,000-digit number", "{\"username\": " + "9".repeat(60_000) + ", \"password\": \"x\"}",
                    t -> Expected.parseError("Invalid JSON: line 1 column 14"));
            login(attacks, endpoint, "invalid UTF-8", "application/json",
                    concat("{\"username\": \"ali".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xff, (byte) 0xfe},
                            "ce\", \"password\": \"x\"}".getBytes(StandardCharsets.UTF_8)), noAccount);
            for (String[] notAnObject : new String[][] {{"[1, 2]", "list"}, {"42", "int"}, {"\"alice\"", "str"}, {"true", "bool"},
                    {"1.5", "float"}, {"null", "NoneType"}}) {
                login(attacks, endpoint, "JSON that is a " + notAnObject[1], notAnObject[0], t -> Expected.notADictionary(notAnObject[1]));
            }
            // Sizes.
            login(attacks, endpoint, "a 60 KiB password", credentials("alice", "p".repeat(60 * 1024)), noAccount);
            login(attacks, endpoint, "a 1 MiB password", credentials("alice", "p".repeat(1024 * 1024)), t -> Expected.TOO_LARGE);
            attacks.add(new Attack("login bodies", "a 1 MiB password, chunked", endpoint, t -> new Exchange(
                    json(endpoint, credentials("alice", "p".repeat(1024 * 1024))).chunked(), Expected.TOO_LARGE)));
            login(attacks, endpoint, "a 1 MiB password, form-encoded", "application/x-www-form-urlencoded",
                    "username=alice&password=" + "p".repeat(1024 * 1024), t -> Expected.TOO_LARGE);
            login(attacks, endpoint, "a 1 MiB password, multipart", "multipart/form-data; boundary=b",
                    part("username", "alice") + part("password", "p".repeat(1024 * 1024)) + "--b--\r\n", t -> Expected.TOO_LARGE);
            // Content types.
            for (String type : new String[] {"text/plain", "application/xml", "application/jsonx", "application/json-patch+json",
                    "application/json; charset=foo", "text/html; charset=utf-8"}) {
                login(attacks, endpoint, "Content-Type " + type, type, credentials("alice", PASSWORD),
                        t -> Expected.unsupported(type));
            }
            attacks.add(new Attack("login bodies", "no Content-Type", endpoint, t -> new Exchange(
                    RawHttp.request("POST", endpoint.path).body(credentials("alice", PASSWORD)), Expected.unsupported(""))));
            login(attacks, endpoint, "JSON sent as a form", "application/x-www-form-urlencoded",
                    credentials("alice", PASSWORD), t -> Expected.json(400,
                            "{\"username\": [\"This field is required.\"], \"password\": [\"This field is required.\"]}"));
            login(attacks, endpoint, "multipart without a boundary", "multipart/form-data",
                    part("username", "alice") + "--b--\r\n", t -> Expected.MALFORMED);
            login(attacks, endpoint, "a file where the username belongs", "multipart/form-data; boundary=b",
                    "--b\r\nContent-Disposition: form-data; name=\"username\"; filename=\"u.txt\"\r\n\r\nalice\r\n"
                            + part("password", PASSWORD) + "--b--\r\n", t -> Expected.field("username", "Not a valid string."));
        }
    }

    static String credentials(String username, String password) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", password);
        return StrictJson.write(body);
    }

    private static String part(String name, String value) {
        return "--b\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static byte[] concat(byte[]... pieces) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] piece : pieces) {
            out.writeBytes(piece);
        }
        return out.toByteArray();
    }

    private static void login(List<Attack> attacks, Endpoint endpoint, String name, String json, Function<Target, Expected> expected) {
        login(attacks, endpoint, name, "application/json", json, expected);
    }

    private static void login(List<Attack> attacks, Endpoint endpoint, String name, String contentType, String body,
                              Function<Target, Expected> expected) {
        login(attacks, endpoint, name, contentType, body.getBytes(StandardCharsets.UTF_8), expected);
    }

    private static void login(List<Attack> attacks, Endpoint endpoint, String name, String contentType, byte[] body,
                              Function<Target, Expected> expected) {
        attacks.add(new Attack("login bodies", name, endpoint, t -> new Exchange(
                RawHttp.request("POST", endpoint.path).header("Content-Type", contentType).body(body), expected.apply(t))));
    }

    // --- methods and paths ------------------------------------------------------------------------

    private static void methodsAndPaths(List<Attack> attacks) {
        for (Endpoint endpoint : Endpoint.values()) {
            List<String> others = endpoint.method.equals("POST")
                    ? List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO")
                    : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO");
            for (String method : others) {
                attacks.add(new Attack("methods and paths", method, endpoint, t -> new Exchange(
                        RawHttp.request(method, endpoint.path), Expected.detail(405, "Method \"" + method + "\" not allowed."))));
            }
            if (endpoint.method.equals("POST")) {
                attacks.add(new Attack("methods and paths", "HEAD", endpoint, t -> new Exchange(
                        RawHttp.request("HEAD", endpoint.path), Expected.empty(405))));
            }
        }
        for (String path : new String[] {"/api/token/admin/", "/api/token/refresh/../../admin/", "/api/%2e%2e/api/token/",
                "/api/token/%2F", "//api/token/x", "/api/token/;jsessionid=x/x", "/.env", "/WEB-INF/web.xml"}) {
            attacks.add(new Attack("methods and paths", "GET " + path, Endpoint.OBTAIN, t -> new Exchange(
                    RawHttp.request("GET", path), Expected.detail(404, "Not found."))));
        }
        attacks.add(new Attack("methods and paths", "a raw non-ASCII byte in the path", Endpoint.OBTAIN, t -> new Exchange(
                RawHttp.request("GET", "/api/token/\u00e9"), Expected.MALFORMED)));
    }

    // --- HTTP itself: what Jetty refuses before a view runs ----------------------------------------

    private static void http(List<Attack> attacks) {
        String json = "Content-Type: application/json\r\n";
        Map<String, String> wires = new LinkedHashMap<>();
        wires.put("an HTTP version that does not exist", "POST /api/token/ HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n");
        wires.put("HTTP/0.9", "GET /api/token/\r\n\r\n");
        wires.put("a header name with a space", "POST /api/token/ HTTP/1.1\r\nHost: x\r\nBad Header: x\r\nConnection: close\r\n\r\n");
        wires.put("a control character in a header", "POST /api/token/ HTTP/1.1\r\nHost: x\r\nX-A: a\u0001b\r\nConnection: close\r\n\r\n");
        wires.put("no Host header", "POST /api/token/ HTTP/1.1\r\nConnection: close\r\n\r\n");
        wires.put("two Content-Lengths", "POST /api/token/ HTTP/1.1\r\nHost: x\r\n" + json
                + "Content-Length: 2\r\nContent-Length: 3\r\nConnection: close\r\n\r\n{}x");
        wires.put("Content-Length and chunked (request smuggling)", "POST /api/token/ HTTP/1.1\r\nHost: x\r\n" + json
                + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n");
        wires.put("a negative Content-Length", "POST /api/token/ HTTP/1.1\r\nHost: x\r\n" + json
                + "Content-Length: -1\r\nConnection: close\r\n\r\n{}");
        wires.put("a chunk size that is not hex", "POST /api/token/ HTTP/1.1\r\nHost: x\r\n" + json
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
        for (Map.Entry<String, String> wire : wires.entrySet()) {
            attacks.add(new Attack("http", wire.getKey(), Endpoint.OBTAIN, t -> new Exchange(
                    wire.getValue().getBytes(StandardCharsets.ISO_8859_1), Expected.MALFORMED)));
        }
        attacks.add(new Attack("http", "a transfer coding Jetty does not apply: read as chunked, empty", Endpoint.OBTAIN,
                t -> new Exchange(("POST /api/token/ HTTP/1.1\r\nHost: x\r\n" + json + "Transfer-Encoding: gzip, chunked\r\n"
                        + "Connection: close\r\n\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), Expected.json(400,
                        "{\"username\": [\"This field is required.\"], \"password\": [\"This field is required.\"]}"))));
        attacks.add(new Attack("http", "a 16 KiB URI", Endpoint.OBTAIN, t -> new Exchange(
                RawHttp.request("POST", "/api/token/?" + "a".repeat(16 * 1024)), Expected.detail(414, "Request URI is too long."))));
        attacks.add(new Attack("http", "1,000 small headers", Endpoint.OBTAIN, t -> {
            RawHttp request = json(Endpoint.OBTAIN, credentials("alice", PASSWORD));
            for (int i = 0; i < 1000; i++) {
                request.header("X-Header-" + i, "value");
            }
            return new Exchange(request, Expected.HEADERS_TOO_LARGE);
        }));
    }

    private static void add(List<Attack> attacks, String group, String name, Endpoint endpoint,
                            Function<Target, RawHttp> request, Function<Target, Expected> expected) {
        attacks.add(new Attack(group, name, endpoint, t -> new Exchange(request.apply(t), expected.apply(t))));
    }
}
