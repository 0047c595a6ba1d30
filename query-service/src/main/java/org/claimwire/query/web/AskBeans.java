package org.claimwire.query.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;
import org.claimwire.query.ask.AskService;
import org.claimwire.query.ask.PgClaimIndex;

/** Wires the plain-Java ask service to the service's datasource. */
@ApplicationScoped
public class AskBeans {

    @Produces
    @ApplicationScoped
    AskService askService(DataSource dataSource) {
        return new AskService(new PgClaimIndex(dataSource));
    }
}
