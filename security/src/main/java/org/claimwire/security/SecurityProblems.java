package org.claimwire.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.claimwire.problems.ProblemType;
import org.claimwire.problems.Problems;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 401 (with the Bearer challenge) and 403 as the services' one problem shape (module {@code problems}). */
public class SecurityProblems {

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized("the API key is not valid (unknown or revoked)", uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorized("an API key is required (header " + ApiKeys.HEADER + " or Authorization: Bearer)", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problems.response(ProblemType.FORBIDDEN, "this API key's role may not do this", path(uri));
    }

    private static Response unauthorized(String detail, UriInfo uri) {
        return Response.fromResponse(Problems.response(ProblemType.UNAUTHORIZED, detail, path(uri)))
                .header("WWW-Authenticate", ApiKeyAuthenticationMechanism.CHALLENGE).build();
    }

    static String path(UriInfo uri) {
        String p = uri.getPath();
        return p.startsWith("/") ? p : "/" + p;
    }
}
