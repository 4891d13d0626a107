package tutorial.jwt.install.tokens;

import tutorial.jwt.foundation.errors.ApiError;
import tutorial.jwt.foundation.errors.ClientError;

/**
 * Why a token was refused, with Simple JWT's exact message. Thrown by the token core; the web layer
 * answers it with the contract's 401 body, {@link #invalid}.
 */
public final class TokenError extends RuntimeException implements ClientError {

    /** Every reason a token can be refused, and the message a client sees for it. */
    public enum Reason {
        INVALID("Token is invalid"),
        EXPIRED("Token is expired"),
        WRONG_TYPE("Token has wrong type"),
        NO_TYPE("Token has no type"),
        NO_ID("Token has no id"),
        NO_EXP("Token has no 'exp' claim"),
        BLACKLISTED("Token is blacklisted"),
        /** Another time claim missing, e.g. a sliding token's {@code refresh_exp}. */
        NO_CLAIM("Token has no '%s' claim"),
        CLAIM_EXPIRED("Token '%s' claim has expired");

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

    /** For the reasons that name a claim: {@code new TokenError(Reason.NO_CLAIM, "refresh_exp")}. */
    public TokenError(Reason reason, String claim) {
        super(reason.message().formatted(claim), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public ApiError toApiError() {
        return invalid(getMessage());
    }

    /** 401 {@code {"detail": message, "code": "token_not_valid"}}: Simple JWT's {@code InvalidToken}. */
    public static ApiError invalid(String message) {
        return ApiError.detail(401, message, "token_not_valid");
    }
}
