package org.claimwire.nlp.api;

import jakarta.ws.rs.core.Response;

/** RFC 7807 problem details. */
public record Problem(String type, String title, int status, String detail, String instance) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(int status, String title, String detail, String instance) {
        String type = "https://claimwire.org/problems/" + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return Response.status(status).type(MEDIA_TYPE).entity(new Problem(type, title, status, detail, instance)).build();
    }
}
