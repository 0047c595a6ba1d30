package org.claimwire.query.api;

import java.time.Instant;
import java.util.List;
import org.claimwire.events.Enrichment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The {@code data} of the live stream's SSE events, for the OpenAPI document and its clients: the event name
 * is {@code story} or {@code claim} and the data the matching JSON object. StreamTest reads real events into
 * these records, refusing unknown fields, so the description cannot drift from what is sent.
 */
public final class StreamEvents {
    private StreamEvents() {
    }

    @Schema(name = "StreamStoryEvent", description = "SSE event `story`: a story version became current")
    public record StoryEvent(@Schema(enumeration = "story") String type, long storyId, String uri, int version,
                             String headline, String language, Instant versionCreated, int claims,
                             List<EntityName> entities) {
    }

    public record EntityName(long id, String name) {
    }

    @Schema(name = "StreamClaimEvent", description = "SSE event `claim`: a claim of a story that became current")
    public record ClaimEvent(@Schema(enumeration = "claim") String type, long claimId, long storyId, String uri,
                             int version, String content, Enrichment.Mode mode, Enrichment.Kind kind,
                             Enrichment.Stance stance, Long speakerId, String speaker, Long recipientId,
                             String recipient, @Schema(description = "ids of the entities the claim is about") List<Long> about) {
    }
}
