package org.claimwire.query.persistence;

/**
 * The database failed for a reason that may pass (down, conflict, timeout): the consumer retries, the API answers
 * 503 {@code store-unavailable}.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
