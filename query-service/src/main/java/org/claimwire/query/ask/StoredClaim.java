package org.claimwire.query.ask;

import java.time.Instant;
import java.util.List;

/**
 * A stored claim with what ask needs to rank and cite it. {@code speakerName}/{@code recipientName} are the
 * global entities' canonical names when resolved, else the text of the span. {@code aboutIds} are the global
 * entity ids the claim is about. {@code publishedAt} is the story version's time; {@code saidAt} the claim's.
 * {@code connector} is the story's own text between the speaker and the content when the speaker comes first
 * and they are close (" said today that ", " has so far not responded to a "), else null: the answer then
 * repeats the story's wording, negations included, instead of rebuilding it from the cue alone. {@code kind} is
 * the event contract's Claim.kind (STATEMENT, QUESTION, BELIEF, INTENTION, EVIDENCE; null reads as STATEMENT).
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
        String speakerType,
        String speakerText,
        String cue,
        String cueLemma,
        String connector,
        String content,
        int contentStart,
        int contentEnd,
        String mode,
        String stance,
        Long recipientId,
        String recipientName,
        String recipientType,
        String recipientText,
        String timeText,
        String timeNormalized,
        List<Long> aboutIds,
        double checkWorthiness,
        String kind) {
    public StoredClaim {
        aboutIds = aboutIds == null ? List.of() : List.copyOf(aboutIds);
    }

    /** A claim stored before claims had a kind: a statement. */
    public StoredClaim(long id, long storyId, String storyUri, String headline, Instant publishedAt, Instant saidAt,
            Long speakerId, String speakerName, String speakerType, String speakerText, String cue, String cueLemma,
            String connector, String content, int contentStart, int contentEnd, String mode, String stance,
            Long recipientId, String recipientName, String recipientType, String recipientText, String timeText,
            String timeNormalized, List<Long> aboutIds, double checkWorthiness) {
        this(id, storyId, storyUri, headline, publishedAt, saidAt, speakerId, speakerName, speakerType, speakerText, cue,
                cueLemma, connector, content, contentStart, contentEnd, mode, stance, recipientId, recipientName,
                recipientType, recipientText, timeText, timeNormalized, aboutIds, checkWorthiness, null);
    }

    /** The claim's kind, STATEMENT when none is stored. */
    public String kindOrStatement() {
        return kind == null || kind.isBlank() ? "STATEMENT" : kind;
    }

    /** The text between a speaker ending at {@code from} and content starting at {@code to}, if short and plain. */
    public static String connector(String body, int from, int to) {
        int cueEnd = from;
        int contentStart = to;
        if (body == null || cueEnd < 0 || contentStart <= cueEnd || contentStart - cueEnd > 150 || contentStart > body.length()) {
            return null;
        }
        String between = body.substring(cueEnd, contentStart);
        if (between.matches("(?s).*[.!?\\n;].*") || between.indexOf('”') >= 0 && between.indexOf('“') < 0) {
            return null;
        }
        return between;
    }

    /** True when the entity speaks, receives, or is what the claim is about. */
    public boolean involves(long entityId) {
        return (speakerId != null && speakerId == entityId) || (recipientId != null && recipientId == entityId)
                || aboutIds.contains(entityId);
    }
}
