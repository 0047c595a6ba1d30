package org.claimwire.query.ask;

import java.time.Instant;
import java.util.List;

/**
 * A stored claim with what ask needs to rank and cite it. {@code speakerName}/{@code recipientName} are the
 * global entities' canonical names when resolved, else the text of the span. {@code aboutIds} are the global
 * entity ids the claim is about. {@code publishedAt} is the story version's time; {@code saidAt} the claim's.
 */
public record StoredClaim(
        long id,
        long storyId,
        String storyUri,
        String headline,
        Instant publishedAt,
        Instant saidAt,
        Long speakerId,
        String speakerName,
        String speakerText,
        String cue,
        String cueLemma,
        String content,
        int contentStart,
        int contentEnd,
        String mode,
        String stance,
        Long recipientId,
        String recipientName,
        String timeText,
        String timeNormalized,
        List<Long> aboutIds,
        double checkWorthiness) {
    public StoredClaim {
        aboutIds = aboutIds == null ? List.of() : List.copyOf(aboutIds);
    }

    /** True when the entity speaks, receives, or is what the claim is about. */
    public boolean involves(long entityId) {
        return (speakerId != null && speakerId == entityId) || (recipientId != null && recipientId == entityId)
                || aboutIds.contains(entityId);
    }
}
