package org.claimwire.query.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.claimwire.problems.ProblemType;
import org.claimwire.problems.Problems;
import org.claimwire.query.persistence.NotFoundException;
import org.claimwire.query.persistence.StoreException;
import org.claimwire.query.search.Cursor;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The query API's own errors as RFC 7807 problem JSON (the shape and type URIs are the shared
 * {@code problems} module's; its generic mappers answer framework statuses and unexpected failures).
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return Problems.response(e.gone() ? ProblemType.GONE : ProblemType.NOT_FOUND, e.getMessage(), uri.getPath());
    }

    @ServerExceptionMapper
    public Response badRequest(BadRequestProblem e, UriInfo uri) {
        return Problems.response(ProblemType.BAD_REQUEST, e.getMessage(), uri.getPath());
    }

    @ServerExceptionMapper
    public Response badCursor(Cursor.InvalidCursorException e, UriInfo uri) {
        return Problems.response(ProblemType.INVALID_CURSOR, e.getMessage(), uri.getPath());
    }

    @ServerExceptionMapper
    public Response store(StoreException e, UriInfo uri) {
        LOG.errorf("query failed on %s: %s", uri.getPath(), e.getMessage());
        return Problems.response(ProblemType.STORE_UNAVAILABLE, "the database could not answer; try again", uri.getPath());
    }
}
