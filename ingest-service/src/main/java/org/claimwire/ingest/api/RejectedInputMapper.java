package org.claimwire.ingest.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.claimwire.ingest.formats.RejectedInput;

@Provider
public class RejectedInputMapper implements ExceptionMapper<RejectedInput> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(RejectedInput e) {
        return Problems.of(e, uri == null ? null : uri.getPath());
    }
}
