package org.claimwire.query.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.claimwire.query.persistence.NotFoundException;
import org.claimwire.query.persistence.StoreException;
import org.claimwire.query.search.Cursor;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of the API as RFC 7807 problem JSON. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return e.gone()
                ? Problem.response(Response.Status.GONE, "gone", e.getMessage(), uri.getPath())
                : Problem.response(Response.Status.NOT_FOUND, "not-found", e.getMessage(), uri.getPath());
    }

    @ServerExceptionMapper
    public Response badRequest(BadRequestProblem e, UriInfo uri) {
        return Problem.response(Response.Status.BAD_REQUEST, "bad-request", e.getMessage(), uri.getPath());
    }

    @ServerExceptionMapper
    public Response badCursor(Cursor.InvalidCursorException e, UriInfo uri) {
        return Problem.response(Response.Status.BAD_REQUEST, "invalid-cursor", e.getMessage(), uri.getPath());
    }

    @ServerExceptionMapper
    public Response store(StoreException e, UriInfo uri) {
        LOG.errorf("query failed on %s: %s", uri.getPath(), e.getMessage());
        return Problem.response(Response.Status.SERVICE_UNAVAILABLE, "store-unavailable",
                "the database could not answer; try again", uri.getPath());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status s = Response.Status.fromStatusCode(status);
        String title = s == null ? "Error" : s.getReasonPhrase();
        return Problem.response(status, title, title.toLowerCase().replace(' ', '-'), e.getMessage(), uri.getPath());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.error("unexpected error on " + uri.getPath(), e);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "internal-error",
                "unexpected error; see the service log", uri.getPath());
    }
}
