package org.claimwire.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 401 and 403 as RFC 7807 problems (the services' one problem shape), with the Bearer challenge on 401. */
public class SecurityProblems {
    public static final String MEDIA_TYPE = "application/problem+json";

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
        return problem(403, "forbidden", "Forbidden", "this API key's role may not do this", path(uri));
    }

    private static Response unauthorized(String detail, UriInfo uri) {
        return Response.fromResponse(problem(401, "unauthorized", "Unauthorized", detail, path(uri)))
                .header("WWW-Authenticate", ApiKeyAuthenticationMechanism.CHALLENGE).build();
    }

    private static String path(UriInfo uri) {
        String p = uri.getPath();
        return p.startsWith("/") ? p : "/" + p;
    }

    /** A problem response (the same shape and type base as every service). */
    public static Response problem(int status, String slug, String title, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://claimwire.org/problems/" + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }
}
