package org.claimwire.query.api;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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
 * (browsers do this by themselves) gets what it missed, from any replica.
 */
@Path("/api/v1/stream")
@Tag(name = "stream")
public class StreamResource {

    @Inject
    QueryRepository repo;

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
                                          @Parameter(description = "resume after this sequence number (as Last-Event-ID)") @QueryParam("after") Long after) {
        List<Long> ids = Params.entityIds(entity, repo);
        long start;
        if (Params.text(lastEventId) != null) {
            try {
                start = Long.parseLong(lastEventId.trim());
            } catch (NumberFormatException e) {
                throw new BadRequestProblem("Last-Event-ID must be a sequence number sent by this stream");
            }
        } else if (after != null) {
            start = after;
        } else {
            start = repo.streamHead();
        }
        AtomicLong last = new AtomicLong(start);
        int batch = config.stream().batchSize();
        return Multi.createFrom().ticks().every(config.stream().pollInterval())
                .onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(tick -> ids != null && ids.isEmpty() ? List.of() : repo.streamAfter(last.get(), ids, batch))
                .invoke(e -> last.set(e.seq()))
                .map(e -> sse.newEventBuilder().id(Long.toString(e.seq())).name(e.kind())
                        .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, e.data()).build());
    }
}
