package org.claimwire.query.ask;

import java.time.Instant;
import java.util.List;
import org.claimwire.events.Enrichment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to one question. {@code answer} is prose whose every sentence ends in citation markers
 * {@code [n]} that point into {@code citations}; it is null when nothing stored answers the question, and then
 * {@code message} says so and {@code relatedQuestions} holds questions that can be answered.
 */
public record AskAnswer(
        String question,
        String type,
        boolean answered,
        String answer,
        String message,
        List<Citation> citations,
        List<Perspective> perspectives,
        List<String> relatedQuestions,
        List<EntityInfo> entities) {

    /**
     * One cited source. {@code kind} is "claim" (a stored claim: {@code claimId} set) or "mention" (a sentence
     * where the entity is named by a title: {@code claimId} null). {@code start}/{@code end} locate
     * {@code text} (claim content or mention) in the story body. {@code attribution} is the story's own
     * wording of who said it ("Kremlin spokesman Dmitry Peskov said today that").
     */
    public record Citation(int n, @Schema(enumeration = {"claim", "mention"}) String kind, Long claimId, long storyId, String storyUri, String headline,
            String speaker, String cue, String attribution, String text,
            @Schema(implementation = Enrichment.Stance.class) String stance,
            @Schema(implementation = Enrichment.Mode.class) String mode, String recipient, String time,
            Instant publishedAt, int start, int end) {
    }

    /** The claims that take one stance, side by side with the others. */
    public record Perspective(@Schema(implementation = Enrichment.Stance.class) String stance, String label, List<Citation> claims) {
    }

    /** A stored entity the question names, and the words that named it. */
    public record EntityInfo(long id, String name, String type, List<String> titles, String matched, String role) {
    }
}
