package org.claimwire.problems;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 7807 problem details, the one error body of every Claimwire HTTP API, served as
 * {@code application/problem+json}. {@code type} is a URI from {@link ProblemType} (or {@code about:blank}
 * when the status says it all); {@code title} belongs to the type and does not vary; {@code detail} says
 * what was wrong with this request; {@code instance} is the request path.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance);
    }
}
