package tutorial.jwt.security;

import java.util.function.Function;
import tutorial.jwt.install.RawHttp;

/**
 * One row of the suite: a request to one endpoint and the answer it must get, made afresh for each
 * step's server (tokens get a fresh jti, so one row's logout never changes the next row's answer).
 */
record Attack(String group, String name, Endpoint endpoint, Function<Target, Exchange> exchange) {

    /** The request as it goes on the wire, and what must come back. */
    record Exchange(byte[] wire, Expected expected) {
        Exchange(RawHttp request, Expected expected) {
            this(request.bytes(), expected);
        }
    }

    boolean appliesTo(Target target) {
        return target.has(endpoint);
    }

    @Override
    public String toString() {
        return "[" + group + "] " + endpoint + ": " + name;
    }
}
