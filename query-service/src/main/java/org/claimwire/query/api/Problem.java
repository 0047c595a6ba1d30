package org.claimwire.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** RFC 7807 problem details, served as {@code application/problem+json}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(Response.Status status, String slug, String detail, String instance) {
        return response(status.getStatusCode(), status.getReasonPhrase(), slug, detail, instance);
    }

    public static Response response(int status, String title, String slug, String detail, String instance) {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(new Problem("https://claimwire.org/problems/" + slug, title, status, detail, instance))
                .build();
    }
}
