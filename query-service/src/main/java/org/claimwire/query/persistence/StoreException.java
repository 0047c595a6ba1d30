package org.claimwire.query.persistence;

/** Storing failed for a reason that may pass (database down, conflict): the consumer retries. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
