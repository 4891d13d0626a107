package tutorial.jwt.install.tokens;

/**
 * Why a token was refused, with Simple JWT's exact message. Thrown by the token core; the web layer
 * turns it into the contract's 401 body.
 */
public final class TokenError extends RuntimeException {

    /** Every reason a token can be refused, and the message a client sees for it. */
    public enum Reason {
        INVALID("Token is invalid"),
        EXPIRED("Token is expired"),
        WRONG_TYPE("Token has wrong type"),
        NO_TYPE("Token has no type"),
        NO_ID("Token has no id"),
        NO_EXP("Token has no 'exp' claim"),
        BLACKLISTED("Token is blacklisted");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public TokenError(Reason reason) {
        super(reason.message(), null, false, false); // no stack trace: a refused token is not a bug
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
