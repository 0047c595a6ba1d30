package org.claimwire.query.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.claimwire.query.ask.AskService;
import org.claimwire.query.ask.ClaimIndex;

/** Wires the plain-Java ask service to its store ({@code persistence.JdbcClaimIndex}). */
@ApplicationScoped
public class AskBeans {

    @Produces
    @ApplicationScoped
    AskService askService(ClaimIndex index) {
        return new AskService(index);
    }
}
