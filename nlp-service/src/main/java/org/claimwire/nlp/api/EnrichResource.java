package org.claimwire.nlp.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.claimwire.events.Enrichment;
import org.claimwire.events.EventJson;
import org.claimwire.nlp.EnrichmentService;
import org.claimwire.nlp.NlpConfig;
import org.claimwire.nlp.WorkLane;
import org.claimwire.nlp.pipeline.InputCheck;
import org.claimwire.problems.Problem;
import org.claimwire.problems.ProblemType;
import org.claimwire.problems.Problems;
import org.claimwire.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Synchronous enrichment: the same output as on {@code wire.stories.enriched}. */
@Path("/api/v1/enrich")
public class EnrichResource {
    private static final String INSTANCE = "/api/v1/enrich";
    private static final ObjectMapper MAPPER = EventJson.mapper();
    /** The request may carry some JSON around a 1 MiB body (escapes); larger requests are refused unread. */
    private static final int MAX_REQUEST_BYTES = 8 * InputCheck.MAX_BODY_BYTES;

    private final EnrichmentService service;
    private final NlpConfig config;

    public EnrichResource(EnrichmentService service, NlpConfig config) {
        this.service = service;
        this.config = config;
    }

    @POST
    @Blocking
    @RolesAllowed(Roles.WRITER) // CPU for keyed clients only (writer or admin keys)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(operationId = "enrich", summary = "Entities and attributed claims of one story body")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EnrichRequest.class)))
    @APIResponse(responseCode = "200", description = "the enrichment, as on wire.stories.enriched",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Enrichment.class)))
    public Response enrich(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return Problems.response(ProblemType.MALFORMED, "send {\"headline\",\"body\",\"language\"} as JSON", INSTANCE);
        }
        if (raw.length > MAX_REQUEST_BYTES) {
            service.failed("rest", "too-large");
            return Problems.response(ProblemType.TOO_LARGE, "the request has " + raw.length + " bytes", INSTANCE);
        }
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            service.failed("rest", "not-utf8");
            return Problems.response(ProblemType.MALFORMED, "the request is not UTF-8 encoded JSON", INSTANCE);
        }
        EnrichRequest req;
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                return Problems.response(ProblemType.MALFORMED, "expected a JSON object {\"headline\",\"body\",\"language\"}", INSTANCE);
            }
            req = MAPPER.treeToValue(node, EnrichRequest.class);
        } catch (JsonProcessingException e) {
            service.failed("rest", "invalid-json");
            return Problems.response(ProblemType.MALFORMED, "the request is not valid JSON: " + e.getOriginalMessage(), INSTANCE);
        }
        LocalDate date = null;
        if (req.date() != null && !req.date().isBlank()) {
            try {
                date = LocalDate.parse(req.date().length() > 10 ? req.date().substring(0, 10) : req.date());
            } catch (DateTimeParseException e) {
                return Problems.response(ProblemType.BAD_REQUEST, "date must be ISO-8601 (yyyy-mm-dd): " + req.date(), INSTANCE);
            }
        }
        try {
            Enrichment result = service.enrich(req.body(), req.language(), date, "rest");
            return Response.ok(result, MediaType.APPLICATION_JSON).build();
        } catch (InputCheck.Rejected r) {
            return Problems.response(r.type(), r.getMessage(), INSTANCE);
        } catch (WorkLane.Full busy) {
            return Problems.retryAfter(ProblemType.OVERLOADED, config.rest().retryAfterSeconds(), "every enrichment "
                    + "slot is taken and the queue is full; retry later", INSTANCE);
        }
    }
}
