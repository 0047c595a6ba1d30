package org.claimwire.query.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.claimwire.problems.ProblemType;
import org.claimwire.problems.Problems;
import org.claimwire.query.ask.AskAnswer;
import org.claimwire.query.ask.AskService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * "Ask me anything": {@code GET /api/v1/ask?q=...} and {@code POST /api/v1/ask} with {@code {"q": ...}} or
 * {@code {"question": ...}}. The answer cites stored claims only; an empty question is a 400 problem.
 */
@Path("/api/v1/ask")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ask")
public class AskResource {

    @Inject
    AskService ask;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "ask", summary = "Answer a question from the stored claims, with citations, perspectives and related questions")
    @APIResponse(responseCode = "200", description = "the answer with its citations",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AskAnswer.class)))
    public Response get(@Parameter(description = "the question") @QueryParam("q") String q,
            @Parameter(description = "alias of q") @QueryParam("question") String question) {
        return answer(q != null && !q.isBlank() ? q : question);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "askPosted", summary = "Answer a question given as JSON {\"q\": ...} or {\"question\": ...}")
    @APIResponse(responseCode = "200", description = "the answer with its citations",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AskAnswer.class)))
    public Response post(@RequestBody(description = "the question", required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AskRequest.class))) JsonNode body) {
        String q = null;
        if (body != null && body.isObject()) {
            JsonNode n = body.hasNonNull("q") ? body.get("q") : body.get("question");
            q = n != null && n.isTextual() ? n.asText() : null;
        } else if (body != null && body.isTextual()) {
            q = body.asText();
        }
        return answer(q);
    }

    /** The POST body as documented: {@code q}, or its alias {@code question}. (A bare JSON string is read too.) */
    public record AskRequest(@Schema(description = "the question") String q,
            @Schema(description = "alias of q") String question) {
    }

    private Response answer(String q) {
        if (q == null || q.isBlank()) {
            return Problems.response(ProblemType.EMPTY_QUESTION,
                    "ask needs a question: GET /api/v1/ask?q=... or POST {\"q\": \"...\"}", uri.getPath());
        }
        if (q.length() > AskService.MAX_QUESTION_LENGTH) {
            return Problems.response(ProblemType.QUESTION_TOO_LONG,
                    "a question may have at most " + AskService.MAX_QUESTION_LENGTH + " characters", uri.getPath());
        }
        AskAnswer a = ask.ask(q);
        return Response.ok(a).build();
    }
}
