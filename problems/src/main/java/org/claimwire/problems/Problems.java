package org.claimwire.problems;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds {@code application/problem+json} responses from the catalogue. */
public final class Problems {
    /** The type RFC 7807 gives a problem that adds nothing to its HTTP status. */
    public static final String ABOUT_BLANK = "about:blank";
    public static final String MEDIA_TYPE = Problem.MEDIA_TYPE;
    private static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    private Problems() {
    }

    public static Response response(ProblemType type, String detail, String instance) {
        return builder(Problem.of(type, detail, instance)).build();
    }

    /** A 429 or 503 that tells the client when to try again. */
    public static Response retryAfter(ProblemType type, int seconds, String detail, String instance) {
        return builder(Problem.of(type, detail, instance)).header("Retry-After", String.valueOf(seconds)).build();
    }

    /** A problem typed {@code about:blank}: the title is the status's reason phrase. */
    public static Problem forStatus(int status, String detail, String instance) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : Response.Status.Family.familyOf(status).name();
        return new Problem(ABOUT_BLANK, title, status, detail, instance);
    }

    public static Response.ResponseBuilder builder(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem);
    }
}
