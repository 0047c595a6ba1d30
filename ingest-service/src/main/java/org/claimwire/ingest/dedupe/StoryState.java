package org.claimwire.ingest.dedupe;

import java.time.Instant;

/** What ingest remembers about the latest published version of one uri. */
public record StoryState(String uri, int version, Instant versionCreated, String contentHash, String pubStatus,
        String duplicateOf, int[] minhash) {
}
