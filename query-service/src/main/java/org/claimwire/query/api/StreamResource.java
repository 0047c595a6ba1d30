package org.claimwire.query.api;

import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.HashSet;
import java.util.List;
import org.claimwire.problems.ProblemType;
import org.claimwire.problems.Problems;
import org.claimwire.query.config.QueryConfig;
import org.claimwire.query.persistence.QueryRepository;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Server-Sent Events of newly stored stories ({@code event: story}) and claims ({@code event: claim}). Each
 * event's id is its sequence number in the database, so a client that reconnects with {@code Last-Event-ID}
 * (browsers do this by themselves, after the {@code retry:} the stream sends first) gets what it missed,
 * from any replica. A comment line every heartbeat keeps idle connections open; past the connection cap the
 * answer is 503 with Retry-After. Every connection is fed by one {@link StreamHub}.
 */
@Path("/api/v1/stream")
@Tag(name = "stream")
public class StreamResource {

    @Inject
    QueryRepository repo;
    @Inject
    StreamHub hub;
    @Inject
    QueryConfig config;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamEvents", summary = "Live stream of newly stored stories and claims (SSE), resumable with Last-Event-ID")
    @APIResponse(responseCode = "200", description = "text/event-stream; each event's name is story or claim, its id the "
            + "sequence number to resume after, its data one JSON object", content = @Content(
            mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(oneOf = {StreamEvents.StoryEvent.class,
                    StreamEvents.ClaimEvent.class})))
    public Multi<OutboundSseEvent> stream(@Context Sse sse,
                                          @Parameter(description = "only events naming this entity (id or name)") @QueryParam("entity") String entity,
                                          @HeaderParam("Last-Event-ID") String lastEventId,
                                          @Parameter(description = "resume after this sequence number (as Last-Event-ID)") @QueryParam("after") String after) {
        List<Long> ids = Params.entityIds(entity, repo);
        long start;
        if (Params.text(lastEventId) != null) {
            start = sequence("Last-Event-ID", lastEventId);
        } else if (Params.text(after) != null) {
            start = sequence("after", after);
        } else {
            start = hub.head();
        }
        try {
            return hub.subscribe(sse, start, ids == null ? null : new HashSet<>(ids));
        } catch (StreamHub.Full full) {
            throw new WebApplicationException(Problems.retryAfter(ProblemType.OVERLOADED, config.stream().retryAfterSeconds(),
                    "the stream has " + config.stream().maxConnections() + " open connections, its limit; retry later",
                    "/api/v1/stream"));
        }
    }

    private static long sequence(String name, String value) {
        try {
            long v = Long.parseLong(value.trim());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadRequestProblem(name + " must be a sequence number sent by this stream");
        }
    }
}
