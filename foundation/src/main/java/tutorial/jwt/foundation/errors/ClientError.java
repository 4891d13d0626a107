package tutorial.jwt.foundation.errors;

/**
 * An exception that is the client's fault and knows its answer in the contract's shape: the web
 * layer writes {@link #toApiError()} instead of a 500.
 */
public interface ClientError {

    ApiError toApiError();
}
