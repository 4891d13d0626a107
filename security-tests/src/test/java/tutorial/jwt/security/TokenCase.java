package tutorial.jwt.security;

import java.util.function.Function;

/**
 * A token sent to every endpoint that reads one, and what the token checks make of it:
 * {@code refusal.apply(type)} is the message Simple JWT gives when the token is read as {@code type}
 * ({@code null}: any type, as verify reads it), or null when the token passes.
 *
 * @param token        the token, by endpoint: a hostile token is built from the type the endpoint wants
 * @param holder       whom the token names, for the checks after the token's own
 * @param slideRefusal what the sliding refresh says of a sliding token that passed, or null
 */
record TokenCase(String group, String name, Function<Endpoint, String> token, Function<String, String> refusal,
                 Holder holder, String slideRefusal) {

    /** Whom a token names: the user checks after the token checks depend on it. */
    enum Holder { ALICE, INACTIVE, DELETED, NOBODY, UNREADABLE }

    /** A token refused with {@code message} whatever it is read as. */
    static TokenCase refused(String group, String name, Function<Endpoint, String> token, String message) {
        return new TokenCase(group, name, token, type -> message, Holder.ALICE, null);
    }

    /** A good token of {@code type} naming {@code holder}: read as another type, it has the wrong type. */
    static TokenCase typed(String name, String type, Holder holder, Function<Endpoint, String> token) {
        return new TokenCase("claims", name, token,
                expected -> expected == null || expected.equals(type) ? null : "Token has wrong type", holder, null);
    }

    TokenCase slidingRefusal(String message) {
        return new TokenCase(group, name, token, refusal, holder, message);
    }

    @Override
    public String toString() {
        return name;
    }
}
