package org.claimwire.query.ask;

import java.time.Instant;

/**
 * Where a learned title of an entity appears in stored text: a claim whose speaker span or content carries the
 * title ({@code claim} set), or a mention of the entity by that title ({@code claim} null, {@code text} the
 * sentence, {@code start}/{@code end} the mention's offsets in the story body).
 */
public record TitleEvidence(String title, StoredClaim claim, long storyId, String storyUri, String headline,
        Instant publishedAt, String text, int start, int end) {

    public static TitleEvidence ofClaim(String title, StoredClaim c) {
        return new TitleEvidence(title, c, c.storyId(), c.storyUri(), c.headline(), c.publishedAt(), c.content(),
                c.contentStart(), c.contentEnd());
    }
}
