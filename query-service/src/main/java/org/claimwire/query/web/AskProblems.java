package org.claimwire.query.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.claimwire.problems.ProblemType;
import org.claimwire.problems.Problems;
import org.claimwire.query.ask.PgClaimIndex;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The database failing under ask: 503 problem JSON (the details go to the log, not the client). */
public class AskProblems {
    private static final Logger LOG = Logger.getLogger(AskProblems.class);

    @ServerExceptionMapper
    public Response indexFailed(PgClaimIndex.IndexException e, UriInfo uri) {
        LOG.error("ask failed on " + uri.getPath(), e);
        return Problems.response(ProblemType.STORE_UNAVAILABLE,
                "the database could not answer; try again", uri.getPath());
    }
}
