package tutorial.jwt.security;

/** Every route of the course that a client can call, the step that added it, and where it reads a token. */
enum Endpoint {
    OBTAIN("POST", "/api/token/", 1, Carrier.NONE, null),
    REFRESH("POST", "/api/token/refresh/", 2, Carrier.BODY, "refresh"),
    VERIFY("POST", "/api/token/verify/", 2, Carrier.BODY, null),
    PUBLIC("GET", "/api/public/", 3, Carrier.HEADER, "access"),
    PROTECTED("GET", "/api/protected/", 3, Carrier.HEADER, "access"),
    SLIDING_OBTAIN("POST", "/api/token/sliding/", 4, Carrier.NONE, null),
    SLIDE("POST", "/api/token/sliding/refresh/", 4, Carrier.BODY, "sliding"),
    ME("GET", "/api/me/", 5, Carrier.HEADER, "access"),
    LOGOUT("POST", "/api/token/blacklist/", 6, Carrier.BODY, "refresh"),
    LOGOUT_ALL("POST", "/api/token/blacklist/all/", 6, Carrier.HEADER, "access");

    /** Where the token goes: a JSON field, the {@code Authorization} header, or nowhere (login). */
    enum Carrier { NONE, BODY, HEADER }

    final String method;
    final String path;
    final int since;
    final Carrier carrier;
    /** The token type the endpoint expects; null for verify, which takes any. */
    final String tokenType;

    Endpoint(String method, String path, int since, Carrier carrier, String tokenType) {
        this.method = method;
        this.path = path;
        this.since = since;
        this.carrier = carrier;
        this.tokenType = tokenType;
    }

    /** The JSON field that carries the token: {@code refresh} or {@code token}. */
    String field() {
        return this == REFRESH || this == LOGOUT ? "refresh" : "token";
    }

    /** The type a hostile token for this endpoint is built from: the one it would accept. */
    String hostileType() {
        return tokenType == null ? "access" : tokenType;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
