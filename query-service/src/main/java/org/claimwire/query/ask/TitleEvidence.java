package org.claimwire.query.ask;

import java.time.Instant;

/**
 * Where a learned title of an entity appears in stored text: the sentence ({@code text}, at
 * {@code start}..{@code end} of the story body) in which the entity is named by that title, and the stored claim
 * that this mention is the speaker of, when there is one ({@code claim}, else null).
 */
public record TitleEvidence(String title, StoredClaim claim, long storyId, String storyUri, String headline,
        Instant publishedAt, String text, int start, int end) {
}
