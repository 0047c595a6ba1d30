package org.claimwire.query.persistence;

/** What storing one enriched-story event did. */
public record StoreResult(Outcome outcome, long storyId, int version) {
    public enum Outcome {
        /** stored and became the story's current version */
        STORED,
        /** stored as an older version; the newer current version is untouched */
        HISTORY,
        /** this event id, or this (uri, version), was stored before: nothing written */
        DUPLICATE
    }
}
