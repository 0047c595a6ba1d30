package org.claimwire.query.api;

/** A request parameter that cannot be used; answered with a 400 problem naming it. */
public class BadRequestProblem extends RuntimeException {
    public BadRequestProblem(String message) {
        super(message);
    }
}
