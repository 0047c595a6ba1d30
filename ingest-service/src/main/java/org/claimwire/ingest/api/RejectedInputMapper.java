package org.claimwire.ingest.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.claimwire.ingest.formats.RejectedInput;
import org.claimwire.problems.Problem;
import org.claimwire.problems.Problems;

/** Input that cannot become a story, as the shared RFC 7807 problem of its kind. */
@Provider
public class RejectedInputMapper implements ExceptionMapper<RejectedInput> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(RejectedInput e) {
        return response(e, uri == null ? null : uri.getPath());
    }

    static Response response(RejectedInput e, String instance) {
        return Problems.builder(problem(e, instance)).build();
    }

    static Problem problem(RejectedInput e, String instance) {
        return Problem.of(e.kind().type, e.getMessage(), instance);
    }
}
