package org.claimwire.query.persistence;

/**
 * The database failed for a reason that may pass (down, conflict, timeout): the consumer retries, the API answers
 * 503 {@code store-unavailable}.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * True when the failure says the database cannot be reached (SQLState class 08 "connection exception",
     * 57P0x "server shutting down / cannot connect now", a refused socket, or no pooled connection to be had),
     * as opposed to a statement that fails on this record.
     */
    public static boolean databaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof java.net.ConnectException || t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
            // Agroal's pool timeout carries no SQLState.
            if (t instanceof java.sql.SQLException && t.getMessage() != null
                    && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
