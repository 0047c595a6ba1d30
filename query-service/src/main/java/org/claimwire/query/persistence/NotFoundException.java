package org.claimwire.query.persistence;

/** The thing asked for does not exist (404), or no longer may be shown ({@code gone}: a killed story, 410). */
public class NotFoundException extends RuntimeException {
    private final boolean gone;

    public NotFoundException(String message, boolean gone) {
        super(message);
        this.gone = gone;
    }

    public boolean gone() {
        return gone;
    }
}
