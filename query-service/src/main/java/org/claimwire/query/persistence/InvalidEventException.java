package org.claimwire.query.persistence;

/** An event that can never be stored (poison): it goes to the dead-letter topic with this message as reason. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }
}
