package org.claimwire.problems;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Errors no resource handled, as problem JSON in every service that has this jar on its class path: the
 * framework's own 4xx/5xx (unknown route, wrong method, unacceptable media type) keep their status as an
 * {@code about:blank} problem, and anything else is a 500 whose details go to the log. A service's own mapper
 * for a narrower exception type wins over these.
 */
public final class GenericProblemMappers {
    private GenericProblemMappers() {
    }

    @Provider
    @Priority(Priorities.USER + 1000)
    public static class FrameworkStatus implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            if (original.hasEntity() || original.getStatus() < 400) {
                return original;
            }
            Response.ResponseBuilder b = Problems.builder(Problems.forStatus(original.getStatus(), e.getMessage(), path(uri)));
            original.getHeaders().forEach((name, values) -> {
                if (!"Content-Type".equalsIgnoreCase(name) && !"Content-Length".equalsIgnoreCase(name)) {
                    values.forEach(v -> b.header(name, v));
                }
            });
            return b.build();
        }
    }

    @Provider
    @Priority(Priorities.USER + 1000)
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(RuntimeException e) {
            LOG.log(Level.SEVERE, "unexpected error on " + path(uri), e);
            return Problems.response(ProblemType.INTERNAL_ERROR, "unexpected error; see the service log", path(uri));
        }
    }

    static String path(UriInfo uri) {
        try {
            return uri == null ? null : uri.getPath();
        } catch (RuntimeException outsideARequest) {
            return null;
        }
    }
}
